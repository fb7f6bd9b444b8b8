package io.radiolink.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The file {@value #FILE_NAME} radiolink writes into every run folder it makes, first thing: whose run it
 * is (the scenario's name) and, once the reports are written, which files radiolink wrote there. It is
 * how a later run tells radiolink's folders from anyone else's, and which files it may delete.
 *
 * @param scenario the scenario's name
 * @param files the names of the files radiolink wrote into the folder besides this marker, sorted; empty
 *     while the run is unfinished
 */
record FolderMarker(String scenario, List<String> files) {

    /** The marker's file name inside the folder. */
    static final String FILE_NAME = ".radiolink.json";

    /** The marker's next version while it is written, renamed to {@link #FILE_NAME} once whole. */
    static final String NEXT_FILE_NAME = FILE_NAME + ".next";

    /** A marker lists a few file names; a file far larger by its name is not one, and is not read. */
    static final long MAX_BYTES = 1 << 20;

    private static final String WRITTEN_BY = "radiolink";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    FolderMarker {
        Objects.requireNonNull(scenario, "scenario");
        files = files.stream().sorted().toList();
    }

    /** The marker of a run of {@code scenario} that has written nothing yet. */
    static FolderMarker started(String scenario) {
        return new FolderMarker(scenario, List.of());
    }

    /** The same run, with every file now in {@code folder} (but the marker) as written by radiolink. */
    FolderMarker finished(Path folder) throws IOException {
        List<String> written = new ArrayList<>();
        for (String name : FolderState.entries(folder)) {
            if (!name.equals(FILE_NAME)) {
                written.add(name);
            }
        }
        return new FolderMarker(scenario, written);
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
        files.forEach(list::add);
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The marker in {@code folder}, or empty if it has none that radiolink wrote (absent, or not one of ours). */
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
        List<String> files = new ArrayList<>();
        for (JsonNode name : root.get("files")) {
            if (!name.isTextual() || !FolderState.isPlainName(name.asText())) {
                return Optional.empty();
            }
            files.add(name.asText());
        }
        return Optional.of(new FolderMarker(root.get("scenario").asText(), files));
    }
}
