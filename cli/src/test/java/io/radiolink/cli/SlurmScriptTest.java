package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.radiolink.run.MissingUnits;
import io.radiolink.run.UnitSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Slurm scripts of {@code scenarios/slurm} as the README gives them, with no cluster: under bash, with
 * {@code sbatch} and {@code srun} stubbed (test resources {@code slurm/sbatch} and {@code slurm/srun}: the
 * stub sbatch runs a job at once, a job array's tasks once per task id with the variables a task gets, a
 * job {@code --dependency=afterok} on a failed one never) and a {@code radiolink} on the {@code PATH} that
 * runs this test's class path. {@code submit.sh}'s job array then its merge step give the report of a
 * single run, byte for byte (issue 14, "Parts and their merge"). What a real cluster adds (a queue, nodes
 * of their own, a shared file system, requeueing) is not tested here; the scripts say so.
 */
final class SlurmScriptTest {

    private static final Path SCRIPTS = Path.of("../scenarios/slurm").toAbsolutePath().normalize();
    private static final List<String> SCRIPT_FILES = List.of("sweep-array.sh", "merge.sh", "submit.sh");
    private static final String SCENARIO = "loss-sweep.json";
    /** loss-sweep's 6 sweep points, at {@link #REPLICATIONS} replications. */
    private static final int POINTS = 6;
    private static final int REPLICATIONS = 3;
    /** The parts of sweep-array.sh's {@code #SBATCH --array=0-9}. */
    private static final int SHARDS = 10;
    /** The stub sbatch's first job id, and its second. */
    private static final String FIRST_JOB = "4711";
    private static final String SECOND_JOB = "4712";

    /** The stubs' folder (on the PATH) and the submission made once for every test, in {@code cluster}. */
    @TempDir
    static Path shared;

    private static Path bin;
    private static Path cluster;
    private static Path records;
    private static Radiolink.Finished submission;
    private static Path single;

    @TempDir
    Path temp;

    @BeforeAll
    static void submitted() throws IOException {
        bin = Files.createDirectories(shared.resolve("bin"));
        for (String stub : List.of("sbatch", "srun")) {
            try (var in = SlurmScriptTest.class.getResourceAsStream("/slurm/" + stub)) {
                executable(bin.resolve(stub), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        executable(bin.resolve("radiolink"), "#!/usr/bin/env bash\nexec "
                + Radiolink.javaCommand().stream().map(SlurmScriptTest::quoted).collect(Collectors.joining(" "))
                + " \"$@\"\n");
        cluster = Files.createDirectories(shared.resolve("cluster"));
        Path scenario = Examples.shortened(Examples.FOLDER.resolve(SCENARIO), cluster, 1_200, REPLICATIONS);
        single = shared.resolve("single");
        CliRun run = CliRun.of("run", scenario.toString(), "--out", single.toString(), "--threads", "2", "--quiet");
        assertEquals(0, run.status(), run.err());

        records = Files.createDirectories(shared.resolve("records"));
        submission = bash(cluster, records, Map.of(), SCRIPTS.resolve("submit.sh").toString(), SCENARIO, "parts",
                "merged");
    }

    @Test
    void submit_eachTaskThenTheMerge_reportsOfASingleRunByteForByte() throws IOException {
        assertEquals(0, submission.status(), submission.err());
        for (int task = 0; task < SHARDS; task++) {
            assertJob(records, FIRST_JOB + "_" + task, "0");
        }
        assertJob(records, SECOND_JOB, "0");
        assertTrue(submission.out().endsWith("merge: job " + SECOND_JOB + " into merged, once every part has succeeded\n"),
                submission.out());

        RunFolders.assertSameReports(single, cluster.resolve("merged"));
        assertEquals(RunFolders.units(single), RunFolders.units(cluster.resolve("merged")));
    }

    /** The documented submission: the array of sweep-array.sh's own #SBATCH line, then merge.sh after it. */
    @Test
    void submit_sbatch_theArrayThenTheMergeAfterEveryTask() throws IOException {
        assertEquals(0, submission.status(), submission.err());
        assertEquals(List.of("--parsable", SCRIPTS.resolve("sweep-array.sh").toString(), SCENARIO, "parts"),
                lines(records.resolve("sbatch-" + FIRST_JOB + ".args")));
        assertTrue(lines(records.resolve("sbatch-" + FIRST_JOB + ".options")).contains("array=0-9"));
        assertEquals(List.of("--parsable", "--dependency=afterok:" + FIRST_JOB, SCRIPTS.resolve("merge.sh").toString(),
                "parts", "merged"), lines(records.resolve("sbatch-" + SECOND_JOB + ".args")));
        assertEquals(List.of(String.valueOf(Integer.parseInt(SECOND_JOB) + 1)), lines(records.resolve("next-job-id")),
                "two jobs submitted, no more");

        List<String> steps = lines(records.resolve("srun.calls"));
        Set<String> shards = new TreeSet<>();
        for (String step : steps.subList(0, SHARDS)) {
            int at = step.indexOf(" --shard ");
            assertTrue(at > 0 && step.contains(" run " + SCENARIO + " --out parts/"), step);
            shards.add(step.substring(at + 1, step.indexOf(' ', at + " --shard ".length())));
        }
        assertEquals(IntStream.range(0, SHARDS).mapToObj(i -> "--shard " + i + "/" + SHARDS).collect(Collectors.toSet()),
                shards);
        assertEquals(SHARDS + 1, steps.size(), "a step per task, then the merge: " + steps);
        assertTrue(steps.get(SHARDS).contains(" merge --out merged parts/0 parts/1 parts/2"), steps.get(SHARDS));
    }

    /** How part 3 was lost: its task never ran, or was killed after its first unit (its run folder alone is left). */
    enum Loss {
        NEVER_RAN(0),
        KILLED_AFTER_ITS_FIRST_UNIT(1);

        private final int unitsLeft;

        Loss(int unitsLeft) {
            this.unitsLeft = unitsLeft;
        }
    }

    /**
     * A part lost: the merge job fails (exit 2) naming the units missing, and writes nothing; a killed part's
     * run folder is given to merge, which takes its finished unit.
     */
    @ParameterizedTest
    @EnumSource(Loss.class)
    void merge_aPartLost_theJobFailsNamingTheMissingUnits(Loss loss) throws IOException {
        Path work = copyOfTheCluster(3);
        List<UnitSelection.Unit> lost = shard(3).units();
        List<String> left = lost.subList(0, loss.unitsLeft).stream()
                .map(unit -> "units/p" + unit.point() + "/r" + unit.replication() + ".unit").toList();
        if (!left.isEmpty()) {
            RunFolders.unfinishedFrom(cluster.resolve("parts/3"), RunFolders.runFolderOf(work.resolve("parts/3")), left);
        }
        Path stub = Files.createDirectories(temp.resolve("records"));

        Radiolink.Finished sbatch = bash(work, stub, Map.of(), bin.resolve("sbatch").toString(), "--parsable",
                SCRIPTS.resolve("merge.sh").toString(), "parts", "merged");

        assertEquals(0, sbatch.status(), sbatch.err());
        assertJob(stub, FIRST_JOB, "2");
        BitSet present = new BitSet();
        present.set(0, POINTS * REPLICATIONS);
        for (UnitSelection.Unit unit : lost.subList(loss.unitsLeft, lost.size())) {
            present.clear(unit.slot(REPLICATIONS));
        }
        String log = Files.readString(stub.resolve("job-" + FIRST_JOB + ".out"));
        assertTrue(log.contains(MissingUnits.of(POINTS, REPLICATIONS, present).message() + ";"), log);
        assertFalse(Files.exists(work.resolve("merged")), "no output");
        assertFalse(Files.exists(RunFolders.runFolderOf(work.resolve("merged"))), "no run folder left");
    }

    /**
     * A task submitted again on its own, as the script's header says, a run option given: it continues its own
     * part (here a finished one: nothing runs).
     */
    @Test
    void sweepArray_aTaskSubmittedAgainWithShards_continuesItsOwnPart() throws IOException {
        Path work = copyOfTheCluster(-1);
        Path stub = Files.createDirectories(temp.resolve("records"));
        Path part = work.resolve("parts/3");
        byte[] report = Files.readAllBytes(part.resolve("report.json"));

        Radiolink.Finished sbatch = bash(work, stub, Map.of("SHARDS", String.valueOf(SHARDS)),
                bin.resolve("sbatch").toString(), "--array=3", SCRIPTS.resolve("sweep-array.sh").toString(), SCENARIO,
                "parts", "--replications", String.valueOf(REPLICATIONS));

        assertEquals(0, sbatch.status(), sbatch.err());
        assertJob(stub, FIRST_JOB + "_3", "0");
        String step = lines(stub.resolve("srun.calls")).get(0);
        assertTrue(step.endsWith(" --out parts/3 --shard 3/" + SHARDS + " --resume --threads 2 --quiet --replications "
                + REPLICATIONS), "the run option passed on: " + step);
        assertArrayEquals(report, Files.readAllBytes(part.resolve("report.json")));
        int units = shard(3).units().size();
        assertEquals(Map.of("units", units, "unitsRun", 0, "unitsReused", units), RunFolders.unitCounts(part));
    }

    static Stream<Arguments> taskEnvironments() {
        return Stream.of(
                Arguments.of(Map.of(), "SLURM_ARRAY_TASK_ID is '': submit this script as a job array"),
                Arguments.of(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "1", "SLURM_ARRAY_TASK_MIN", "3",
                        "SLURM_ARRAY_TASK_MAX", "3"), "the array's task ids are not 0 to n-1 (ids 3 to 3, count 1)"),
                Arguments.of(Map.of("SLURM_ARRAY_TASK_ID", "0"), "no SLURM_ARRAY_TASK_COUNT, _MIN and _MAX"),
                Arguments.of(Map.of("SLURM_ARRAY_TASK_ID", "10", "SHARDS", "10"), "task 10 is not a part of 10"),
                Arguments.of(Map.of("SLURM_ARRAY_TASK_ID", "0", "SHARDS", "0"), "SHARDS is '0'"),
                Arguments.of(Map.of("SLURM_ARRAY_TASK_ID", "x1", "SHARDS", "10"), "SLURM_ARRAY_TASK_ID is 'x1'"));
    }

    /** Outside an array, or in one that does not say how many parts there are: exit 2, one line, nothing run or made. */
    @ParameterizedTest
    @MethodSource("taskEnvironments")
    void sweepArray_noNumberOfPartsToTrust_refusedBeforeAnyStep(Map<String, String> environment, String line)
            throws IOException {
        Path stub = Files.createDirectories(temp.resolve("records"));
        Map<String, String> task = new HashMap<>(environment);
        task.put("SLURM_JOB_ID", FIRST_JOB);

        Radiolink.Finished script = bash(temp, stub, task, SCRIPTS.resolve("sweep-array.sh").toString(), SCENARIO,
                "parts");

        assertEquals(2, script.status(), script.err());
        assertEquals(1, script.err().lines().count(), script.err());
        assertTrue(script.err().startsWith("sweep-array.sh: " + line), script.err());
        assertFalse(Files.exists(stub.resolve("srun.calls")), "no step started");
        assertFalse(Files.exists(temp.resolve("parts")), "nothing made");
    }

    /** The README's command lines of the scripts are their usage lines, the script named by its path. */
    @Test
    void readme_slurmCommands_areTheScriptsUsageLines() throws IOException {
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        Pattern usage = Pattern.compile("fail \"usage: (.*)\"");
        for (String script : SCRIPT_FILES) {
            Matcher line = usage.matcher(Files.readString(SCRIPTS.resolve(script), StandardCharsets.UTF_8));
            assertTrue(line.find(), script + " has no usage line");
            String command = line.group(1).replace(script, "scenarios/slurm/" + script);
            assertTrue(readme.contains("\n" + command + "\n"), "README.md lacks the line " + command);
        }
    }

    @Test
    void scripts_bash_readThemWithoutASyntaxError() {
        for (String script : SCRIPT_FILES) {
            Radiolink.Finished check = bash(temp, temp, Map.of(), "-n", SCRIPTS.resolve(script).toString());
            assertEquals(0, check.status(), script + ": " + check.err());
        }
    }

    /** shellcheck, where it is installed (skipped, not passed, where not); the stubs too. */
    @Test
    void scripts_shellcheck_findsNothing() throws IOException {
        Path shellcheck = Stream.of(System.getenv("PATH").split(":")).map(folder -> Path.of(folder, "shellcheck"))
                .filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(shellcheck != null, "shellcheck is not installed");
        List<String> command = new ArrayList<>(List.of(shellcheck.toString()));
        SCRIPT_FILES.forEach(script -> command.add(SCRIPTS.resolve(script).toString()));
        command.addAll(List.of(bin.resolve("sbatch").toString(), bin.resolve("srun").toString()));

        Radiolink.Finished check = Radiolink.startCommand(temp, System.getenv(), command).finish();

        assertEquals(0, check.status(), check.out() + check.err());
    }

    /**
     * Runs {@code bash ARGS} in {@code workingDirectory} with the stubs first on the PATH, their records in
     * {@code stub}, {@code extra} set, and no variable of a real Slurm job or of the scripts' own from this
     * test's environment.
     */
    private static Radiolink.Finished bash(Path workingDirectory, Path stub, Map<String, String> extra, String... args) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("SLURM_") || name.startsWith("SBATCH_")
                || name.startsWith("SRUN_") || Set.of("CI", "RADIOLINK", "SHARDS", "ARRAY_OPTIONS").contains(name));
        environment.put("PATH", bin + ":" + System.getenv("PATH"));
        environment.put("SLURM_STUB_DIR", stub.toString());
        environment.putAll(extra);
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        return Radiolink.startCommand(workingDirectory, environment, command).finish();
    }

    /** Asserts that the stub's job {@code job} ended with {@code status}, showing its output if not. */
    private static void assertJob(Path stub, String job, String status) throws IOException {
        String output = Files.exists(stub.resolve("job-" + job + ".out"))
                ? Files.readString(stub.resolve("job-" + job + ".out")) : "(no output)";
        assertEquals(status, Files.readString(stub.resolve("job-" + job + ".status")).strip(), "job " + job + ": " + output);
    }

    /** The units of part {@code index} of {@link #SHARDS}. */
    private static UnitSelection shard(int index) {
        try {
            return UnitSelection.of(POINTS, REPLICATIONS, Optional.empty(), Optional.empty(),
                    Optional.of(index + "/" + SHARDS));
        } catch (UnitSelection.SelectionException e) {
            throw new AssertionError(e);
        }
    }

    /** A copy of the submission's scenario and parts in {@code temp/work}, without part {@code lost} (none if -1). */
    private Path copyOfTheCluster(int lost) throws IOException {
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.copy(cluster.resolve(SCENARIO), work.resolve(SCENARIO));
        Path parts = cluster.resolve("parts");
        try (Stream<Path> tree = Files.walk(parts)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Path relative = parts.relativize(path);
                if (relative.getNameCount() > 0 && relative.getName(0).toString().equals(String.valueOf(lost))) {
                    continue;
                }
                Path copy = work.resolve("parts").resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
        return work;
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code text} as one bash word. */
    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
