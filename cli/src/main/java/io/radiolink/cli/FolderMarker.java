package io.radiolink.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.run.unit.UnitIdentity;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The file {@value #FILE_NAME} radiolink writes into every run folder it makes, first thing: whose run it
 * is (the scenario's name), whether it has finished, what its units must match to be reused (the run's
 * identity, {@link Run}) and, once the reports are written, which files radiolink wrote there, each with its
 * size and SHA-256. It is how a later run tells radiolink's folders from anyone else's, which files it may
 * delete (only those still as radiolink wrote them), and whether a run may be resumed
 * ({@code docs/runs.md}, section 3). Units are not listed: each is self-checking (name, header, CRC).
 *
 * @param scenario the scenario's name
 * @param state whether the run has finished
 * @param run what the run was, in version 3; empty for a version 2 marker (an output written before units
 *     were kept), which is always finished
 * @param files the files radiolink wrote into the folder besides this marker and its units, sorted by name;
 *     empty while the run is unfinished
 */
record FolderMarker(String scenario, State state, Optional<Run> run, List<WrittenFile> files) {

    /** The marker's file name inside the folder. */
    static final String FILE_NAME = ".radiolink.json";

    /** The marker's next version while it is written, renamed to {@link #FILE_NAME} once whole. */
    static final String NEXT_FILE_NAME = FILE_NAME + ".next";

    /** A marker lists a few files; a file far larger by its name is not one, and is not read. */
    static final long MAX_BYTES = 1 << 20;

    private static final String WRITTEN_BY = "radiolink";
    /**
     * The marker's format. Version 1 listed names only; a folder it marks cannot show which files a user
     * has changed since, so it is not read (the folder counts as not radiolink's). Version 2 added sizes and
     * SHA-256s; version 3 the state, the identity and what else a resume must match.
     */
    private static final int VERSION = 3;
    /** The version before units: read as a finished output of unknown identity. */
    private static final int VERSION_WITHOUT_UNITS = 2;
    private static final String HEX_64 = "[0-9a-f]{64}";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    FolderMarker {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(run, "run");
        if (run.isEmpty() && state != State.FINISHED) {
            throw new IllegalArgumentException("a version 2 marker is of a finished output");
        }
        files = files.stream().sorted(Comparator.comparing(WrittenFile::name)).toList();
    }

    /** Whether a run has finished: its reports are written and listed, its units all forced to disk. */
    enum State {
        RUNNING("running"),
        FINISHED("finished");

        final String json;

        State(String json) {
            this.json = json;
        }
    }

    /**
     * What a run was: what its units must match to be reused, and the run-control facts a resume compares.
     *
     * @param identity the model and code identity of its units
     * @param scenarioSha256 the SHA-256 of the scenario file's bytes, in lower-case hexadecimal
     * @param replications the replications per point it was asked for
     * @param seriesBinSeconds the width of its units' time-binned series it was given ({@code --series-bin}; 0:
     *     none); empty for each point's default width
     * @param selection the units it was asked to run, as the options' text ({@code --shard 3/10},
     *     {@link io.radiolink.run.UnitSelection#text()}), if it is a part; empty if asked for every unit
     * @param allFlows whether it recorded every replication's flows ({@code --all-flows}); a marker written
     *     before the field was (issue 14, session 2) reads as false
     */
    record Run(Identity identity, String scenarioSha256, int replications, OptionalDouble seriesBinSeconds,
            Optional<String> selection, boolean allFlows) {

        Run {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(scenarioSha256, "scenarioSha256");
            Objects.requireNonNull(seriesBinSeconds, "seriesBinSeconds");
            Objects.requireNonNull(selection, "selection");
        }
    }

    /**
     * The identity of a run's units ({@code docs/runs.md}, section 2).
     *
     * @param model the model identity, 64 lower-case hexadecimal digits
     * @param code the code identity
     */
    record Identity(String model, CodeIdentity code) {

        Identity {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(code, "code");
        }

        /** The identity of a run of {@code model} by {@code code}. */
        static Identity of(ModelIdentity model, CodeIdentity code) {
            return new Identity(model.hex(), code);
        }

        /** The identity its unit files carry in their header. */
        UnitIdentity units() {
            return new UnitIdentity(HexFormat.of().parseHex(model), code.classesSha256Bytes());
        }

        /**
         * How {@code other} (a folder's) differs from this identity (this run's), in a few words; empty if
         * it does not. The model is compared first; {@code modelChange} says what changed in the scenario,
         * asked only if the models differ.
         */
        Optional<String> difference(Identity other, Supplier<String> modelChange) {
            if (!other.model.equals(model)) {
                return Optional.of("of another model: this run's model identity " + brief(model) + " differs from"
                        + " the folder's " + brief(other.model) + " (" + modelChange.get() + ")");
            }
            if (!other.code.equals(code)) {
                return Optional.of("made by other code: this run's code " + brief(code) + " differs from the"
                        + " folder's " + brief(other.code));
            }
            return Optional.empty();
        }

        /**
         * The identity in one line, each hash by its first 12 hex digits:
         * {@code model 3f2a9b1c04de…, code 0.2.0 a1b2c3d4e5f6 dirty, classes 1d0e4f5a6b7c…}.
         */
        String brief() {
            return "model " + brief(model) + ", code " + brief(code);
        }

        static String brief(String hex) {
            return hex.substring(0, 12) + "\u2026";
        }

        /** {@code 0.1.0 a1b2c3d4e5f6 dirty (classes 1d0e2f3a4b5c…)}: commit and flag only where known. */
        static String brief(CodeIdentity code) {
            return code.version() + (code.commit() == null ? "" : " " + code.commit().substring(0,
                    Math.min(code.commit().length(), 12))) + (Boolean.TRUE.equals(code.dirty()) ? " dirty" : "")
                    + " (classes " + brief(code.classesSha256()) + ")";
        }
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
    static FolderMarker started(String scenario, Run run) {
        return new FolderMarker(scenario, State.RUNNING, Optional.of(run), List.of());
    }

    /**
     * The same run, finished, with every plain file now in {@code folder} (but the marker) as written by
     * radiolink; a version 2 marker stays one.
     */
    FolderMarker finished(Path folder) throws IOException {
        List<WrittenFile> written = new ArrayList<>();
        for (String name : FolderState.entries(folder)) {
            Path file = folder.resolve(name);
            if (!name.equals(FILE_NAME) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                written.add(WrittenFile.of(file));
            }
        }
        return new FolderMarker(scenario, State.FINISHED, run, written);
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
     * True if {@code folder}'s {@link #NEXT_FILE_NAME} is a plain file holding the start of (or all) a
     * first marker of a run of {@code scenario}: the same bytes as far as the scenario's name, whatever
     * follows (the run's identity, which this run need not share): what a kill while that run wrote it leaves.
     */
    static boolean startedCutShort(Path folder, String scenario) throws IOException {
        Path next = folder.resolve(NEXT_FILE_NAME);
        if (!Files.isRegularFile(next, LinkOption.NOFOLLOW_LINKS) || Files.size(next) > MAX_BYTES) {
            return false;
        }
        // The head alone ends "<name>"\n}; a whole marker goes on after the name's closing quote.
        String head = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(head(scenario, VERSION));
        byte[] named = head.substring(0, head.lastIndexOf('\n')).getBytes(StandardCharsets.UTF_8);
        byte[] written = Files.readAllBytes(next);
        int compared = Math.min(written.length, named.length);
        return Arrays.equals(written, 0, compared, named, 0, compared);
    }

    /** The fields every marker starts with: who wrote it, its version, the scenario's name. */
    private static ObjectNode head(String scenario, int version) {
        return JSON.createObjectNode().put("writtenBy", WRITTEN_BY).put("version", version).put("scenario", scenario);
    }

    /** The marker's file, as UTF-8. */
    private byte[] bytes() throws IOException {
        ObjectNode root = head(scenario, run.isPresent() ? VERSION : VERSION_WITHOUT_UNITS);
        if (run.isPresent()) {
            Run facts = run.get();
            root.put("state", state.json);
            ObjectNode identity = root.putObject("identity");
            identity.put("model", facts.identity().model());
            CodeIdentity code = facts.identity().code();
            identity.putObject("code").put("version", code.version()).put("commit", code.commit())
                    .put("dirty", code.dirty()).put("classesSha256", code.classesSha256());
            root.put("scenarioSha256", facts.scenarioSha256());
            root.put("replications", facts.replications());
            if (facts.seriesBinSeconds().isPresent()) {
                root.put("seriesBinSeconds", facts.seriesBinSeconds().getAsDouble());
            } else {
                root.putNull("seriesBinSeconds");
            }
            if (facts.selection().isPresent()) {
                root.put("selection", facts.selection().get());
            } else {
                root.putNull("selection");
            }
            root.put("allFlows", facts.allFlows());
        }
        ArrayNode list = root.putArray("files");
        for (WrittenFile file : files) {
            list.addObject().put("name", file.name()).put("sizeBytes", file.sizeBytes()).put("sha256", file.sha256());
        }
        return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The marker in {@code folder}, or empty if it has none that radiolink wrote in a format it reads
     * (absent, not one of ours, of version 1, or of a later version).
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
                || !root.path("version").isInt() || !root.path("scenario").isTextual()
                || !root.path("files").isArray()) {
            return Optional.empty();
        }
        Optional<List<WrittenFile>> files = files(root.get("files"));
        if (files.isEmpty()) {
            return Optional.empty();
        }
        String scenario = root.get("scenario").asText();
        return switch (root.get("version").asInt()) {
            case VERSION_WITHOUT_UNITS -> Optional.of(new FolderMarker(scenario, State.FINISHED, Optional.empty(),
                    files.get()));
            case VERSION -> state(root.path("state")).flatMap(state -> run(root).map(run ->
                    new FolderMarker(scenario, state, Optional.of(run), files.get())));
            default -> Optional.empty();
        };
    }

    private static Optional<List<WrittenFile>> files(JsonNode list) {
        List<WrittenFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : list) {
            JsonNode name = entry.path("name");
            JsonNode size = entry.path("sizeBytes");
            JsonNode sha256 = entry.path("sha256");
            if (!name.isTextual() || !FolderState.isPlainName(name.asText()) || !names.add(name.asText())
                    || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0
                    || !isHex64(sha256)) {
                return Optional.empty();
            }
            files.add(new WrittenFile(name.asText(), size.asLong(), sha256.asText()));
        }
        return Optional.of(files);
    }

    private static Optional<State> state(JsonNode state) {
        return Arrays.stream(State.values()).filter(s -> state.isTextual() && s.json.equals(state.asText()))
                .findFirst();
    }

    /**
     * The run a version 3 marker describes, or empty if a field is missing or not as radiolink writes it
     * ({@code selection} and {@code allFlows} may be missing: a marker of issue 14's session 2, before parts).
     */
    private static Optional<Run> run(JsonNode root) {
        JsonNode model = root.path("identity").path("model");
        JsonNode code = root.path("identity").path("code");
        JsonNode version = code.path("version");
        JsonNode commit = code.path("commit");
        JsonNode dirty = code.path("dirty");
        JsonNode classes = code.path("classesSha256");
        JsonNode sha256 = root.path("scenarioSha256");
        JsonNode replications = root.path("replications");
        JsonNode seriesBin = root.path("seriesBinSeconds");
        JsonNode selection = root.path("selection");
        JsonNode allFlows = root.path("allFlows");
        if (!isHex64(model) || !version.isTextual()
                || !(commit.isTextual() && commit.asText().matches("[0-9a-f]{40}") || commit.isNull())
                || !(dirty.isBoolean() || dirty.isNull()) || !isHex64(classes) || !isHex64(sha256)
                || !replications.isInt() || replications.asInt() < 1 || !(seriesBin.isNull()
                || seriesBin.isNumber() && seriesBin.asDouble() >= 0 && Double.isFinite(seriesBin.asDouble()))
                || !(selection.isMissingNode() || selection.isNull() || selection.isTextual() && !selection.asText().isEmpty())
                || !(allFlows.isMissingNode() || allFlows.isBoolean())) {
            return Optional.empty();
        }
        CodeIdentity identity = new CodeIdentity(version.asText(), commit.isNull() ? null : commit.asText(),
                dirty.isNull() ? null : dirty.asBoolean(), classes.asText());
        return Optional.of(new Run(new Identity(model.asText(), identity), sha256.asText(), replications.asInt(),
                seriesBin.isNull() ? OptionalDouble.empty() : OptionalDouble.of(seriesBin.asDouble()),
                selection.isTextual() ? Optional.of(selection.asText()) : Optional.empty(), allFlows.asBoolean(false)));
    }

    private static boolean isHex64(JsonNode node) {
        return node.isTextual() && node.asText().matches(HEX_64);
    }
}
