package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.radiolink.run.CodeIdentity;
import io.radiolink.run.ModelIdentity;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one line that refuses {@code run --resume} over a run of another identity (docs/runs.md, section 2, "A
 * difference is one line"): both identities and the first change of the scenario from the folder's
 * {@code scenario.json}, over a copy of {@code single-backup-restore} that is edited between the runs.
 */
final class IdentityRefusalTest {

    private static final String NOT_RESUMED = "; not resumed (run without --resume to replace it, or choose another"
            + " --out)\n";

    @TempDir
    Path temp;

    private Path scenario;
    private Path out;

    @BeforeEach
    void copyTheExample() throws IOException {
        scenario = Files.copy(Examples.FOLDER.resolve("single-backup-restore.json"), temp.resolve("s.json"));
        out = temp.resolve("out");
    }

    @Test
    void resume_finishedOfAFieldChanged_namesTheFieldNowAndWas() throws IOException, ScenarioException {
        finished();
        edit("\"channels\": 4", "\"channels\": 3");

        assertRefused(run("--resume"), finishedLine(OptionalLong.empty(),
                "scenario changed at stations[0].channels: 3, was 4"));
    }

    @Test
    void resume_finishedOfAnotherSeed_namesTheSeed() throws IOException, ScenarioException {
        finished();

        assertRefused(run("--resume", "--seed", "2"), finishedLine(OptionalLong.of(2),
                "scenario changed at seed: 2, was 1"));
    }

    @Test
    void resume_unfinishedOfAnotherSeed_namesTheSeed() throws IOException, ScenarioException {
        Path runFolder = unfinished();

        assertRefused(run("--resume", "--seed", "2"), unfinishedLine(runFolder, "scenario changed at seed: 2, was 1"));
    }

    /** A password is redacted in scenario.json, so its change is not seen there, and the line says so. */
    @Test
    void resume_finishedOfAPasswordChanged_saysScenarioJsonShowsNoChange() throws IOException, ScenarioException {
        finished();
        edit("\"sizeBytes\": 250000, \"recordCount\": 800, \"password\": \"0000\"",
                "\"sizeBytes\": 250000, \"recordCount\": 800, \"password\": \"1234\"");

        assertRefused(run("--resume"), finishedLine(OptionalLong.empty(), "scenario.json identical as shown; a"
                + " password (redacted there), the random-stream scheme or a referenced file differs"));
    }

    /** A run folder killed before its scenario.json was written: the identities alone. */
    @Test
    void resume_unfinishedWithoutScenarioJson_saysSo() throws IOException, ScenarioException {
        Path runFolder = unfinished();
        Files.delete(runFolder.resolve("scenario.json"));

        assertRefused(run("--resume", "--seed", "2"), unfinishedLine(runFolder,
                "it holds no readable scenario.json to name the change"));
    }

    /** The same model by another build: version, commit (12 digits), dirty flag and classes of both. */
    @Test
    void resume_finishedByOtherCode_namesBothCodes() throws IOException {
        finished();
        FolderMarker marker = FolderMarker.readFrom(out).orElseThrow();
        FolderMarker.Run run = marker.run().orElseThrow();
        CodeIdentity code = run.identity().code();
        CodeIdentity other = new CodeIdentity(code.version(), "f4e5d6c7b8a9".repeat(3) + "0123", true,
                code.classesSha256());
        new FolderMarker(marker.scenario(), marker.state(), Optional.of(new FolderMarker.Run(new FolderMarker.Identity(
                run.identity().model(), other), run.scenarioSha256(), run.replications(), run.seriesBinSeconds(),
                run.selection(), run.allFlows())),
                marker.files()).writeInto(out);

        CliRun refused = run("--resume");

        String classes = " (classes " + code.classesSha256().substring(0, 12) + "\u2026)";
        String thisCode = code.version() + (code.commit() == null ? "" : " " + code.commit().substring(0, 12))
                + (Boolean.TRUE.equals(code.dirty()) ? " dirty" : "") + classes;
        assertRefused(refused, "error: output folder " + out + ": is radiolink's run of 'single-backup-restore' made by"
                + " other code: this run's code " + thisCode + " differs from the folder's " + code.version()
                + " f4e5d6c7b8a9 dirty" + classes + NOT_RESUMED);
    }

    /** The refusal of a run over the finished {@code out} of another model, its scenario changed as {@code change}. */
    private String finishedLine(OptionalLong seed, String change) throws IOException, ScenarioException {
        return "error: output folder " + out + ": is radiolink's run of 'single-backup-restore' of another model: this"
                + " run's model identity " + thisRun(seed) + " differs from the folder's " + folders(out) + " ("
                + change + ")" + NOT_RESUMED;
    }

    /** The refusal of a run with {@code --seed 2} over the unfinished {@code runFolder}, as {@code change}. */
    private String unfinishedLine(Path runFolder, String change) throws IOException, ScenarioException {
        return "error: output folder " + out + ": beside it, " + runFolder.getFileName() + " is radiolink's"
                + " unfinished run of 'single-backup-restore' of another model: this run's model identity "
                + thisRun(OptionalLong.of(2)) + " differs from the folder's " + folders(runFolder) + " (" + change
                + "); not resumed (--fresh discards it)\n";
    }

    /** Asserts that {@code refused} exited 2 with {@code line} alone on stderr. */
    private static void assertRefused(CliRun refused, String line) {
        assertEquals(2, refused.status(), refused.err());
        assertEquals(line, refused.err());
    }

    private CliRun run(String... options) {
        List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private void finished() {
        CliRun run = run();
        assertEquals(0, run.status(), run.err());
    }

    /** The run folder beside {@code out} of a run of the copy stopped after its first unit. */
    private Path unfinished() throws IOException {
        Path scratch = temp.resolve("scratch");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", scratch.toString());
        assertEquals(0, run.status(), run.err());
        Path runFolder = RunFolders.runFolderOf(out);
        RunFolders.unfinishedFrom(scratch, runFolder, List.of("units/p0/r0.unit"));
        return runFolder;
    }

    private void edit(String from, String to) throws IOException {
        String text = Files.readString(scenario);
        assertEquals(1, text.split(Pattern.quote(from), -1).length - 1, from);
        Files.writeString(scenario, text.replace(from, to));
    }

    /** This run's model identity as the line shows it, with {@code seed} from the command line. */
    private String thisRun(OptionalLong seed) throws ScenarioException {
        return ModelIdentity.of(ScenarioLoader.load(scenario, seed, OptionalInt.empty())).hex().substring(0, 12)
                + "\u2026";
    }

    /** The model identity of the run in {@code folder}, as the line shows it. */
    private static String folders(Path folder) throws IOException {
        return FolderMarker.readFrom(folder).orElseThrow().run().orElseThrow().identity().model().substring(0, 12)
                + "\u2026";
    }
}
