package io.radiolink.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.radiolink.report.JsonReporter;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A radiolink run found for reading ({@code status}, {@code merge}; docs/runs.md, section 4): the folder
 * {@code DIR} itself when it holds a version 3 marker (a finished output, or a run folder given itself), else
 * the unfinished run folder beside it when that holds one. Read only: nothing is locked, moved or written.
 *
 * @param folder the run folder read
 * @param shown the folder as the user's {@code DIR} names it
 * @param marker its marker, of version 3
 * @param instead for the unfinished run beside {@code DIR}, what {@code DIR} itself is (e.g. "does not exist")
 */
record LocatedRun(Path folder, String shown, FolderMarker marker, Optional<String> instead) {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * The scenario file of the run, {@value JsonReporter#SCENARIO_FILE_NAME}: its text and its tree.
     *
     * @param file the file
     * @param shown the file as the user's {@code DIR} names it
     * @param text its content
     * @param root its content as a tree
     */
    record ScenarioJson(Path file, String shown, String text, JsonNode root) {}

    /** The run's facts: its marker's. */
    FolderMarker.Run run() {
        return marker.run().orElseThrow();
    }

    /**
     * The run of {@code dir}; refused in one line if there is none, a version 2 output included (it has no
     * units and no identity to check).
     */
    static LocatedRun locate(Path dir) throws IOException, ScenarioException {
        Path target = dir.toAbsolutePath().normalize();
        Optional<FolderMarker> own = Files.isDirectory(target) ? FolderMarker.readFrom(target) : Optional.empty();
        if (own.isPresent() && own.get().run().isPresent()) {
            return new LocatedRun(target, dir.toString(), own.get(), Optional.empty());
        }
        Optional<FolderMarker> beside = Optional.empty();
        Path run = null;
        if (target.getParent() != null) {
            run = OutputFolder.beside(target, OutputFolder.RUN_SUFFIX);
            beside = Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS) ? FolderMarker.readFrom(run) : Optional.empty();
        }
        String what = own.isPresent() ? "is radiolink's output of '" + own.get().scenario() + "' written before runs"
                + " kept their units (marker version 2)" : !Files.exists(target) ? "does not exist"
                : !Files.isDirectory(target) ? "is not a folder" : "holds no readable " + FolderMarker.FILE_NAME;
        if (beside.isPresent() && beside.get().run().isPresent()) {
            return new LocatedRun(run, shownBeside(dir, run), beside.get(), Optional.of(what));
        }
        if (own.isPresent()) {
            throw new ScenarioException(dir + ": " + what + ": it has no units and no identity to check");
        }
        throw new ScenarioException(dir + ": " + what + ", and no unfinished run " + (run == null ? "can be beside it"
                : run.getFileName() + " is beside it") + ", so it is not a radiolink run folder");
    }

    /** The run folder {@code run} beside {@code dir}, shown as {@code dir} was given where it names a folder plainly. */
    static String shownBeside(Path dir, Path run) {
        return dir.normalize().equals(dir) && dir.getFileName() != null
                ? OutputFolder.beside(dir, OutputFolder.RUN_SUFFIX).toString() : run.toString();
    }

    /**
     * The run's {@value JsonReporter#SCENARIO_FILE_NAME}, checked against its marker: the same scenario name
     * and file SHA-256, and in a finished output as radiolink wrote it (listed, same size and SHA-256).
     */
    ScenarioJson scenarioJson() throws IOException, ScenarioException {
        Path file = folder.resolve(JsonReporter.SCENARIO_FILE_NAME);
        String where = shown + "/" + JsonReporter.SCENARIO_FILE_NAME;
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new ScenarioException(where + ": missing (a run killed before writing it?), so the points are"
                    + " unknown; radiolink run --resume starts the run again");
        }
        Optional<FolderMarker.WrittenFile> written = marker.file(JsonReporter.SCENARIO_FILE_NAME);
        if (marker.state() == FolderMarker.State.FINISHED && (written.isEmpty() || !written.get().isUnchanged(file))) {
            throw new ScenarioException(where + ": changed since radiolink wrote it (size or SHA-256), so its points"
                    + " cannot be trusted");
        }
        String text = null;
        JsonNode root;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
            root = JSON.readTree(text);
        } catch (JacksonException | MalformedInputException e) {
            root = null;
        }
        String sha256 = run().scenarioSha256();
        if (root == null || !marker.scenario().equals(root.path("name").asText(null))
                || !sha256.equals(root.at("/provenance/model/scenarioSha256").asText(null))) {
            throw new ScenarioException(where + ": not the scenario of its " + FolderMarker.FILE_NAME + " (name '"
                    + marker.scenario() + "', scenarioSha256 " + sha256.substring(0, 12) + "\u2026)");
        }
        return new ScenarioJson(file, where, text, root);
    }
}
