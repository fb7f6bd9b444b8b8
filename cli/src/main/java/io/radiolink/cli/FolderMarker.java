package io.radiolink.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The file {@value #FILE_NAME} radiolink writes into every run folder it makes, first thing: whose run it
 * is (the scenario's name) and, once the reports are written, which files radiolink wrote there, each with
 * its size and SHA-256. It is how a later run tells radiolink's folders from anyone else's, and which files
 * it may delete: only those still as radiolink wrote them.
 *
 * @param scenario the scenario's name
 * @param files the files radiolink wrote into the folder besides this marker, sorted by name; empty while
 *     the run is unfinished
 */
record FolderMarker(String scenario, List<WrittenFile> files) {

    /** The marker's file name inside the folder. */
    static final String FILE_NAME = ".radiolink.json";

    /** The marker's next version while it is written, renamed to {@link #FILE_NAME} once whole. */
    static final String NEXT_FILE_NAME = FILE_NAME + ".next";

    /** A marker lists a few files; a file far larger by its name is not one, and is not read. */
    static final long MAX_BYTES = 1 << 20;

    private static final String WRITTEN_BY = "radiolink";
    /**
     * The marker's format. Version 1 listed names only; a folder it marks cannot show which files a user
     * has changed since, so it is not read (the folder counts as not radiolink's).
     */
    private static final int VERSION = 2;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    FolderMarker {
        Objects.requireNonNull(scenario, "scenario");
        files = files.stream().sorted(Comparator.comparing(WrittenFile::name)).toList();
    }

    /**
     * One file radiolink wrote, as it wrote it.
     *
     * @param name its name in the folder
     * @param sizeBytes its size
     * @param sha256 its SHA-256, in lower-case hexadecimal
     */
    record WrittenFile(String name, long sizeBytes, String sha256) {

        /** The plain file {@code file}, as it is now. */
        static WrittenFile of(Path file) throws IOException {
            return new WrittenFile(file.getFileName().toString(), Files.size(file), sha256(file));
        }

        /** True if {@code file} is a plain file (not a link) of this size and SHA-256: still as radiolink wrote it. */
        boolean isUnchanged(Path file) throws IOException {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) == sizeBytes
                    && sha256(file).equals(sha256);
        }

        private static String sha256(Path file) throws IOException {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    /** The marker of a run of {@code scenario} that has written nothing yet. */
    static FolderMarker started(String scenario) {
        return new FolderMarker(scenario, List.of());
    }

    /** The same run, with every plain file now in {@code folder} (but the marker) as written by radiolink. */
    FolderMarker finished(Path folder) throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        for (String name : FolderState.entries(folder)) {
            Path file = folder.resolve(name);
            if (!name.equals(FILE_NAME) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                written.add(WrittenFile.of(file));
            }
        }
        return new FolderMarker(scenario, written);
    }

    /** The names of the files radiolink wrote, sorted. */
    List<String> names() {
        return files.stream().map(WrittenFile::name).toList();
    }

    /** The file radiolink wrote by {@code name}, if it wrote one. */
    Optional<WrittenFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Writes this marker into {@code folder}, replacing the one there at once (never half a marker). */
    void writeInto(Path folder) throws IOException {
        Path next = folder.resolve(NEXT_FILE_NAME);
        Files.write(next, bytes());
        Files.move(next, folder.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * True if {@code folder}'s {@link #NEXT_FILE_NAME} is a plain file holding the start of (or all) the
     * marker a run of {@code scenario} writes first, {@link #started}: what a kill while that run wrote it
     * leaves.
     */
    static boolean startedCutShort(Path folder, String scenario) throws IOException {
        Path next = folder.resolve(NEXT_FILE_NAME);
        byte[] whole = started(scenario).bytes();
        if (!Files.isRegularFile(next, LinkOption.NOFOLLOW_LINKS) || Files.size(next) > whole.length) {
            return false;
        }
        byte[] written = Files.readAllBytes(next);
        return Arrays.equals(written, 0, written.length, whole, 0, written.length);
    }

    /** The marker's file, as UTF-8. */
    private byte[] bytes() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("writtenBy", WRITTEN_BY);
        root.put("version", VERSION);
        root.put("scenario", scenario);
        ArrayNode list = root.putArray("files");
        for (WrittenFile file : files) {
            list.addObject().put("name", file.name()).put("sizeBytes", file.sizeBytes()).put("sha256", file.sha256());
        }
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The marker in {@code folder}, or empty if it has none that radiolink wrote in this format (absent, not
     * one of ours, or of version 1).
     */
    static Optional<FolderMarker> readFrom(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_BYTES) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JacksonException | java.nio.charset.MalformedInputException e) {
            return Optional.empty();
        }
        if (root == null || !WRITTEN_BY.equals(root.path("writtenBy").asText(null))
                || root.path("version").asInt() != VERSION || !root.path("scenario").isTextual()
                || !root.path("files").isArray()) {
            return Optional.empty();
        }
        List<WrittenFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : root.get("files")) {
            JsonNode name = entry.path("name");
            JsonNode size = entry.path("sizeBytes");
            JsonNode sha256 = entry.path("sha256");
            if (!name.isTextual() || !FolderState.isPlainName(name.asText()) || !names.add(name.asText())
                    || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0
                    || !sha256.isTextual() || !sha256.asText().matches("[0-9a-f]{64}")) {
                return Optional.empty();
            }
            files.add(new WrittenFile(name.asText(), size.asLong(), sha256.asText()));
        }
        return Optional.of(new FolderMarker(root.get("scenario").asText(), files));
    }
}
