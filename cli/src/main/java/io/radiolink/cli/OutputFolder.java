package io.radiolink.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.radiolink.report.JsonReporter;
import io.radiolink.run.ScenarioDifference;
import io.radiolink.run.unit.UnitStore;
import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The life cycle of a run's output folder {@code <parent>/<name>} ({@code docs/design.md}, "Output folder
 * life cycle", has the rules; {@link RunFolderTable} the table of what a run does with what it finds).
 *
 * <p>{@link #open} runs before any simulation: it takes the lock {@code .<name>.radiolink-lock} beside the
 * output, so that a second run into the same folder is refused; reads what the output and the run folder
 * {@code .<name>.radiolink-run} beside it hold (nothing, radiolink's finished run of this scenario, its
 * unfinished run, or anything else: {@link RunFolderTable}'s rows) and does what the table's cell for the
 * run's {@link RunFolderTable.Mode} says, refusing with one line where it says so; tidies what a killed run
 * left beside it; and makes the run folder with its {@link FolderMarker} (state running), or keeps the
 * unfinished one it continues, so that an unwritable place fails up front. The units a resumed run may reuse
 * are then in the run folder's {@code units/} ({@link #found}). {@link #publish} writes the reports into the
 * run folder, lists them in its marker (state finished) and swaps it into place: an existing output is
 * replaced only by a complete new one, and Ctrl-C or a kill leaves the previous one intact and the run
 * folder, with its finished units, for {@code --resume}.
 *
 * <p>What radiolink deletes: in an output (and in a previous output a killed run left as
 * {@code .<name>.radiolink-old}), only the plain files its marker lists and its valid units, and only if
 * each is still as radiolink wrote it (else the output is refused), then the folders if that left them
 * empty; a run folder whole, its marker last, if its marker names the same scenario and the run discards it
 * ({@code --fresh}), or it holds no unit (a killed run of a radiolink before units, or one that had not
 * finished its first marker), because radiolink makes it afresh for each run ({@link Files#createDirectory}
 * fails if it exists) and nothing but the run writes into it; in a run folder continued by {@code --resume},
 * everything but its marker and its units (the killed run's partial reports) and the units that are not
 * valid (cut short by the kill); an empty folder. Nothing else. Folders and files get the user's umask.
 */
final class OutputFolder implements AutoCloseable {

    /** Writes files into the folder it is given. */
    interface Writer {
        void writeInto(Path folder) throws IOException;
    }

    /** Ends the name of the run folder beside the output: the unfinished run, its marker and what it wrote. */
    static final String RUN_SUFFIX = ".radiolink-run";
    /** Ends the name of the previous output while it is swapped out (present only if a run was killed then). */
    static final String REPLACED_SUFFIX = ".radiolink-old";
    /**
     * Ends the name of the lock file beside the output: it holds the process id of the run holding it, and
     * stays after the run (deleting a lock file safely would need more than Java offers): emptied when the
     * run ends or is refused, still holding the process id after Ctrl-C or a kill (harmless: the next run
     * takes the lock no process holds and writes its own).
     */
    static final String LOCK_SUFFIX = ".radiolink-lock";

    /** How the names of radiolink's working files and folders beside an output end; no output may end so. */
    private static final List<String> WORKING_SUFFIXES = List.of(RUN_SUFFIX, REPLACED_SUFFIX, LOCK_SUFFIX);

    /**
     * The lock files this process holds. A second open in the same process is refused from here, without
     * opening the file: closing any channel to a file drops the process's POSIX locks on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** True where files have a link count to read ({@code unix:nlink}). */
    private static final boolean UNIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

    /** The longest content of a lock file: a process id of up to 19 digits and a line end. */
    private static final int LOCK_CONTENT_MAX_BYTES = 20;

    private static final String ADVICE = "; not replaced (choose another --out, or move it away yourself)";

    /** The field of {@value JsonReporter#SCENARIO_FILE_NAME} that holds the resolved scenario as shown. */
    private static final String SHOWN_SCENARIO = "scenario";
    /** A {@value JsonReporter#SCENARIO_FILE_NAME} far larger than any scenario's is not read to name a change. */
    private static final long SCENARIO_JSON_MAX_BYTES = 64L << 20;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String shown;
    private final String scenario;
    private final FolderMarker.Run facts;
    private final JsonNode described;
    private final RunFolderTable.Mode mode;
    private final PrintWriter notes;
    private final Path target;
    private final Path run;
    private final Path replaced;
    private final Path lockFile;
    private final FileChannel lock;
    private final Thread interruption;
    /** The valid units of this run's identity found for it to reuse (in its run folder by then). */
    private List<UnitStore.Read.Valid> found = List.of();
    /** True once this run has a run folder to write into (made, or continued). Guarded by this. */
    private boolean holding;
    /** True once the run folder is the output, or kept for the user: nothing left to do. Guarded by this. */
    private boolean settled;

    private OutputFolder(String shown, String scenario, FolderMarker.Run facts, JsonNode described,
            RunFolderTable.Mode mode, PrintWriter notes, Path target, Path lockFile, FileChannel lock) {
        this.shown = shown;
        this.scenario = scenario;
        this.facts = facts;
        this.described = described;
        this.mode = mode;
        this.notes = notes;
        this.target = target;
        this.run = beside(target, RUN_SUFFIX);
        this.replaced = beside(target, REPLACED_SUFFIX);
        this.lockFile = lockFile;
        this.lock = lock;
        this.interruption = new Thread(this::interrupted, "radiolink-output-interrupted");
    }

    /**
     * Opens {@code requested} for a run of {@code scenario} that is {@code facts} and writes {@code described}
     * as its {@value JsonReporter#SCENARIO_FILE_NAME} ({@link JsonReporter#scenarioJson}), asked as {@code mode}:
     * refuses with a one-line reason if it may not be written or replaced, or another run is writing it, or
     * the table ({@link RunFolderTable}) says so; else holds its lock and has a run folder ready, holding the
     * units it may reuse ({@link #found}). A refusal for another model names its first change from the
     * folder's {@value JsonReporter#SCENARIO_FILE_NAME} ({@link ScenarioDifference}). Notes (a unit cut short
     * by a kill, to be run again) go to {@code notes}, one line each.
     *
     * @throws ScenarioException with the whole explanation, if the run must not go ahead
     */
    static OutputFolder open(Path requested, String scenario, FolderMarker.Run facts, JsonNode described,
            RunFolderTable.Mode mode, PrintWriter notes) throws ScenarioException {
        String shown = requested.toString();
        Path target = requested.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw refused(shown, "is the root of the file system");
        }
        String workingName = workingName(target.getFileName().toString());
        if (workingName != null) {
            throw refused(shown, workingName + ", which radiolink keeps for its own working files; choose another"
                    + " --out");
        }
        try {
            // Compared as spelt and as the folders they are (a symbolic link in --out's parents may lead to it).
            Path workingDirectory = Path.of("").toAbsolutePath().normalize();
            Path realWorkingDirectory = workingDirectory.toRealPath();
            Path realTarget = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? target.toRealPath() : target;
            if (workingDirectory.startsWith(target) || realWorkingDirectory.startsWith(realTarget)) {
                boolean is = workingDirectory.equals(target) || realWorkingDirectory.equals(realTarget);
                throw refused(shown, (is ? "is" : "holds") + " the working directory; give a folder of its own"
                        + " with --out");
            }
            // Inside an output or a run folder (under units/, say), the new folder would be a file radiolink did
            // not write there, and that run could no longer be resumed or replaced.
            // As spelt, and as the folders they are: a symbolic link among the parents may lead into one.
            for (Path start : List.of(parent, real(parent))) {
                for (Path above = start; above != null; above = above.getParent()) {
                    if (Files.exists(above.resolve(FolderMarker.FILE_NAME), LinkOption.NOFOLLOW_LINKS)
                            || above.getFileName() != null && workingName(above.getFileName().toString()) != null) {
                        throw refused(shown, "is inside a folder of radiolink's (" + above + "), which only its own"
                                + " run writes into; give a folder outside it with --out");
                    }
                }
            }
            checkReplaceable(shown, FolderState.of(target, scenario), scenario);
        } catch (IOException e) {
            throw refused(shown, "cannot look into it: " + reason(e));
        }
        Path lockFile = beside(target, LOCK_SUFFIX);
        FileChannel lock;
        try {
            Files.createDirectories(parent);
            lock = lock(shown, lockFile);
        } catch (IOException e) {
            throw refused(shown, "cannot write there: " + reason(e));
        }
        OutputFolder folder = new OutputFolder(shown, scenario, facts, described, mode, notes, target, lockFile,
                lock);
        boolean prepared = false;
        try {
            folder.prepare();
            prepared = true;
        } catch (IOException e) {
            throw refused(shown, "cannot write there: " + reason(e));
        } finally {
            if (!prepared) {
                folder.close();
            }
        }
        Runtime.getRuntime().addShutdownHook(folder.interruption);
        return folder;
    }

    /** The run folder this run writes into: its units as they finish, then the reports. */
    Path runFolder() {
        return run;
    }

    /**
     * The valid units of this run's identity that a resume found (in the run folder it continues, or
     * linked into its new one from the finished output), in unit order; empty for a run that reuses none.
     */
    List<UnitStore.Read.Valid> found() {
        return found;
    }

    /**
     * Under the lock: puts back an output a killed run was swapping out, reads the output and the run folder
     * beside it, and does what {@link RunFolderTable} says for them and this run's mode: refuses, or removes
     * what a killed run left beside the output and makes (or continues) the run folder with its marker.
     */
    private void prepare() throws ScenarioException, IOException {
        FolderState was = FolderState.of(replaced, scenario);
        if (was.marker().isPresent() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
            was = FolderState.of(replaced, scenario);
        }
        FolderState output = FolderState.of(target, scenario);
        FolderState left = FolderState.of(run, scenario);
        String other = otherThanTheTableAllows(output, was, left);
        // A run folder of this scenario with a marker of version 3 is a killed (or interrupted) run's, with
        // the units it finished; one with a version 2 marker (a radiolink before units), empty, or holding
        // only the start of the marker it was writing first holds nothing to resume, and is removed.
        boolean unfinished = other == null && left.marker().flatMap(FolderMarker::run).isPresent();
        boolean leftover = other == null && !unfinished && left.kind() != FolderState.Kind.ABSENT;
        RunFolderTable row = other != null ? RunFolderTable.OTHER : unfinished ? RunFolderTable.UNFINISHED
                : output.kind() == FolderState.Kind.OURS ? RunFolderTable.FINISHED : RunFolderTable.NONE;
        switch (row.cell(mode)) {
            case RUN, REPLACE_BY_NEW, REPLACE -> makeRunFolder(leftover);
            case REUSE_UNITS -> {
                FolderMarker marker = output.marker().orElseThrow();
                if (marker.run().isEmpty()) {
                    throw refused(shown, "is radiolink's output of '" + scenario + "' written before runs kept their"
                            + " units (marker version 2), so it has none to reuse; not resumed (run without"
                            + " --resume to replace it)");
                }
                Optional<String> difference = facts.identity().difference(marker.run().get().identity(),
                        () -> scenarioChange(target));
                if (difference.isPresent()) {
                    throw refused(shown, "is radiolink's run of '" + scenario + "' " + difference.get()
                            + "; not resumed (run without --resume to replace it, or choose another --out)");
                }
                makeRunFolder(leftover);
                found = linkUnits(output);
            }
            case CONTINUE -> found = continueRunFolder(left.marker().orElseThrow());
            case DISCARD -> {
                refuseForeign("; not discarded (move it out of the run folder yourself)");
                removeRunFolder(run);
                makeRunFolder(false);
            }
            case REFUSE_USE_RESUME_OR_FRESH -> throw refused(shown, "beside it, " + run.getFileName() + " is"
                    + " radiolink's unfinished run of '" + scenario + "'; use --resume or --fresh (continue it, or"
                    + " discard it and run afresh)");
            case REFUSE_EXIT_2, REFUSE -> throw refused(shown, other);
        }
        if (was.kind() != FolderState.Kind.ABSENT) {
            removeOutput(replaced, was);
        }
    }

    /**
     * Why the output, the previous output a killed run left beside it or the run folder makes the place
     * "anything else" in the table, ending with the advice; null if none does.
     */
    private String otherThanTheTableAllows(FolderState output, FolderState was, FolderState left)
            throws IOException {
        if (!replaceable(output)) {
            return output.why(scenario, "output") + ADVICE;
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.getFileStore(target).equals(Files.getFileStore(target.getParent()))) {
            return "is a mount point (a file system of its own), which radiolink cannot replace; give a folder"
                    + " inside it, e.g. --out " + requestedInside(scenario);
        }
        if (!replaceable(was)) {
            return "beside it, " + replaced.getFileName() + " (an output a killed run was replacing) "
                    + was.why(scenario, "output") + ADVICE;
        }
        return switch (left.kind()) {
            case ABSENT, EMPTY, OURS, OURS_WITH_OTHER_FILES, STARTED_CUT_SHORT -> null;
            case OTHER_SCENARIO, NOT_RADIOLINKS, SYMBOLIC_LINK, NOT_A_FOLDER -> "beside it, " + run.getFileName()
                    + " " + left.why(scenario, "unfinished run") + ADVICE;
        };
    }

    /** Removes the leftover run folder if there is one, then makes the run folder afresh with its marker. */
    private void makeRunFolder(boolean removeLeftover) throws IOException, ScenarioException {
        if (removeLeftover) {
            refuseForeign(ADVICE);
            removeRunFolder(run);
        }
        synchronized (this) {
            Files.createDirectory(run);
            holding = true;
        }
        FolderMarker.started(scenario, facts).writeInto(run);
    }

    /**
     * Gives the new run folder the valid units of the finished {@code output}, as hard links (a copy where
     * the file system has none): the output stays whole until the swap, and a unit is never written in
     * place (a new one replaces the link by a rename), so sharing its file is safe.
     */
    private List<UnitStore.Read.Valid> linkUnits(FolderState output) throws IOException {
        List<UnitStore.Read.Valid> units = new ArrayList<>();
        for (UnitStore.Found.Unit unit : output.units()) {
            String inside = FolderState.relative(target, unit.file());
            Path link = run.resolve(inside);
            Files.createDirectories(link.getParent());
            try {
                Files.createLink(link, target.resolve(inside));
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                Files.copy(target.resolve(inside), link);
            }
            units.add((UnitStore.Read.Valid) unit.read());
        }
        return units;
    }

    /**
     * Continues the unfinished run folder of {@code marker}: refuses if it is of another identity, holds a
     * unit of another identity or a file radiolink did not write under {@code units/}; else removes what the
     * killed run left half done (its partial reports, temporary unit files, units cut short, each of these
     * named on {@link #notes}) and marks it as this run's.
     */
    private List<UnitStore.Read.Valid> continueRunFolder(FolderMarker marker) throws ScenarioException,
            IOException {
        String where = "beside it, " + run.getFileName() + " ";
        String fresh = "; not resumed (--fresh discards it)";
        Optional<String> difference = facts.identity().difference(marker.run().orElseThrow().identity(),
                () -> scenarioChange(run));
        if (difference.isPresent()) {
            throw refused(shown, where + "is radiolink's unfinished run of '" + scenario + "' " + difference.get()
                    + fresh);
        }
        Path unitsFolder = run.resolve(UnitStore.FOLDER);
        if (Files.exists(unitsFolder, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(unitsFolder, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(shown, where + "holds '" + UnitStore.FOLDER + "', which radiolink did not write" + fresh);
        }
        // One scan, read for both checks: every unit is decoded once.
        List<UnitStore.Found> entries = RunFolderFiles.scan(run, facts.identity().units());
        Optional<String> foreign = RunFolderFiles.foreign(run, entries);
        if (foreign.isPresent()) {
            throw refused(shown, where + "holds " + foreign.get() + "; not resumed (move it out of the run folder"
                    + " yourself)");
        }
        List<Path> remove = new ArrayList<>();
        List<String> again = new ArrayList<>();
        List<UnitStore.Read.Valid> valid = new ArrayList<>();
        for (UnitStore.Found entry : entries) {
            if (entry instanceof UnitStore.Found.Unit unit) {
                if (unit.read() instanceof UnitStore.Read.Invalid invalid) {
                    if (invalid.problem().ofAnotherIdentity()) {
                        throw refused(shown, where + "holds a unit of another identity: " + invalid.message() + fresh);
                    }
                    remove.add(unit.file());
                    again.add(invalid.message());
                } else {
                    valid.add((UnitStore.Read.Valid) unit.read());
                }
            } else if (entry instanceof UnitStore.Found.Leftover) {
                remove.add(entry.file());
            } else {
                throw refused(shown, where + "holds '" + FolderState.relative(run, entry.file())
                        + "', which radiolink did not write" + fresh);
            }
        }
        synchronized (this) {
            holding = true;
        }
        // Every other entry is a plain file a run writes, or its executor's scratch folder (RunFolderFiles.foreign
        // found none else).
        for (String name : FolderState.entries(run)) {
            if (name.equals(RunFolderFiles.SCRATCH)) {
                deleteRecursively(run.resolve(name));
            } else if (!name.equals(FolderMarker.FILE_NAME) && !name.equals(UnitStore.FOLDER)) {
                Files.delete(run.resolve(name));
            }
        }
        for (Path file : remove) {
            Files.deleteIfExists(run.resolve(FolderState.relative(run, file)));
        }
        for (String unit : again) {
            notes.println("note: " + unit + "; removed, and run again if this run needs it");
        }
        notes.flush();
        FolderMarker.started(scenario, facts).writeInto(run);
        return List.copyOf(valid);
    }

    /** Refuses, ending with {@code advice}, if the run folder holds an entry a run does not write. */
    private void refuseForeign(String advice) throws ScenarioException, IOException {
        Optional<String> foreign = Files.isDirectory(run, LinkOption.NOFOLLOW_LINKS)
                ? RunFolderFiles.foreign(run, facts.identity().units()) : Optional.empty();
        if (foreign.isPresent()) {
            throw refused(shown, "beside it, " + run.getFileName() + " holds " + foreign.get() + advice);
        }
    }

    /**
     * What changed in the model from the {@value JsonReporter#SCENARIO_FILE_NAME} {@code folder} holds to this
     * run's, in words: its first difference, or, if the two are equal as shown, what else the identity holds.
     */
    private String scenarioChange(Path folder) {
        JsonNode now = described.path(SHOWN_SCENARIO);
        Optional<JsonNode> was = readScenarioJson(folder.resolve(JsonReporter.SCENARIO_FILE_NAME))
                .map(tree -> tree.path(SHOWN_SCENARIO)).filter(JsonNode::isObject);
        if (was.isEmpty()) {
            return "it holds no readable " + JsonReporter.SCENARIO_FILE_NAME + " to name the change";
        }
        return ScenarioDifference.first(was.get(), now).map(ScenarioDifference.Difference::sentence)
                .orElse(JsonReporter.SCENARIO_FILE_NAME + " identical" + (ScenarioDifference.holdsRedacted(now)
                        ? " as shown; a password (redacted there)," : ";")
                        + " the random-stream scheme or a referenced file differs");
    }

    /** The JSON in {@code file}, a plain file of a readable size; empty if it is not one or not JSON. */
    private static Optional<JsonNode> readScenarioJson(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > SCENARIO_JSON_MAX_BYTES) {
                return Optional.empty();
            }
            return Optional.ofNullable(JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException notReadableOrNotJson) {
            return Optional.empty();
        }
    }

    /** Refuses unless {@code state} is absent, empty, or radiolink's finished output of the scenario and nothing else. */
    private static void checkReplaceable(String shown, FolderState state, String scenario) throws ScenarioException {
        if (!replaceable(state)) {
            throw refused(shown, state.why(scenario, "output") + ADVICE);
        }
    }

    private static boolean replaceable(FolderState state) {
        return switch (state.kind()) {
            case ABSENT, EMPTY -> true;
            case OURS -> state.marker().orElseThrow().state() == FolderMarker.State.FINISHED;
            case OURS_WITH_OTHER_FILES, OTHER_SCENARIO, STARTED_CUT_SHORT, NOT_RADIOLINKS, SYMBOLIC_LINK,
                    NOT_A_FOLDER -> false;
        };
    }

    /**
     * Writes the reports into the run folder, lists them in its marker and makes it the output: the
     * previous output is swapped out, checked once more (a file someone added to it during the run keeps it
     * in place, and the new reports stay in the run folder) and removed.
     *
     * @throws ScenarioException if the previous output gained files radiolink did not write during the run,
     *     or cannot be moved away (a mount point of the same file system); the new reports stay in the run
     *     folder, which the message names
     */
    void publish(Writer writer) throws IOException, ScenarioException {
        writer.writeInto(run);
        FolderMarker.started(scenario, facts).finished(run).writeInto(run);
        synchronized (this) {
            if (settled) {
                // Ctrl-C came while the reports were written: the previous output stays as it is, and the
                // run folder is kept for --resume.
                throw new IOException("interrupted: the run folder " + run + " is kept for --resume");
            }
            try {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(run, target, StandardCopyOption.ATOMIC_MOVE);
                    settled = true;
                    return;
                }
                Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                // Nothing was moved (a mount point of the same file system cannot be renamed): the output
                // stays as it was, and the new reports are kept for the user.
                settled = true;
                throw refused(shown, "cannot be replaced: " + reason(e) + "; the new reports are in " + run);
            }
            FolderState was = FolderState.of(replaced, scenario);
            if (!replaceable(was)) {
                Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
                settled = true;
                throw refused(shown, "now " + was.why(scenario, "output") + " (it changed during the run), so it is"
                        + " not replaced; the new reports are in " + run);
            }
            Files.move(run, target, StandardCopyOption.ATOMIC_MOVE);
            settled = true;
            removeOutput(replaced, was);
        }
    }

    /**
     * Ends the run without publishing it: the run folder is kept (for {@code --resume}) if it holds a unit,
     * else removed; the lock goes with its channel.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (holding && !settled) {
                settled = true;
                try {
                    if (Files.exists(run, LinkOption.NOFOLLOW_LINKS) && !holdsUnits(run)
                            && RunFolderFiles.foreign(run, facts.identity().units()).isEmpty()) {
                        removeRunFolder(run);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // best effort: the next run into this folder removes what is left
                }
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(interruption);
        } catch (IllegalStateException | IllegalArgumentException notRegisteredOrShuttingDown) {
            // the hook is running, has run, or was never added: nothing to remove
        }
        try (FileChannel held = lock) {
            held.truncate(0);
        } catch (IOException e) {
            // the lock is released with the process anyway; a stale process id in the file is harmless
        } finally {
            HELD.remove(lockFile);
        }
    }

    /**
     * The shutdown hook's work on Ctrl-C (SIGINT, SIGTERM): waits for a swap in progress, so that the output
     * is the old or the new one, whole, and keeps the run folder (state running) with its finished units,
     * saying how to go on.
     */
    private synchronized void interrupted() {
        if (holding && !settled) {
            settled = true;
            System.err.println("interrupted; continue with --resume");
            System.err.flush();
        }
    }

    /** True if {@code folder}'s {@code units/} holds a file by a unit's name. */
    private static boolean holdsUnits(Path folder) throws IOException {
        Path units = folder.resolve(UnitStore.FOLDER);
        if (!Files.isDirectory(units, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(units, 2)) {
            return files.anyMatch(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && UnitStore.parseName(units.relativize(file)).isPresent());
        }
    }

    /**
     * Takes the lock on {@code file}, which is created if need be and holds the holder's process id; refuses
     * if another process, or another run in this one, holds it.
     */
    private static FileChannel lock(String shown, Path file) throws IOException, ScenarioException {
        String busy = "is writing it now; try again when it has finished, or choose another --out";
        if (!HELD.add(file)) {
            throw refused(shown, "another radiolink run (process " + ProcessHandle.current().pid() + ") " + busy);
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            requireLockFile(shown, file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            lock = channel.tryLock();
            if (lock != null) {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                return channel;
            }
        } catch (OverlappingFileLockException heldElsewhereInThisProcess) {
            // an embedder's own lock on the file: refused like another process's
        } finally {
            if (lock == null) {
                HELD.remove(file);
                if (channel != null) {
                    channel.close();
                }
            }
        }
        throw refused(shown, "another radiolink run" + holder(file) + " " + busy);
    }

    /**
     * Refuses unless {@code file} is absent or radiolink's lock file, which a run opens for writing and
     * truncates: a plain file of one name (not a link to, nor another name of, a user's file) holding
     * nothing or a process id.
     */
    private static void requireLockFile(String shown, Path file) throws IOException, ScenarioException {
        String why;
        if (Files.isSymbolicLink(file)) {
            why = "is a symbolic link";
        } else if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            why = "is not radiolink's lock file (it is not a plain file)";
        } else if (UNIX && (Integer) Files.getAttribute(file, "unix:nlink", LinkOption.NOFOLLOW_LINKS) != 1) {
            why = "is not radiolink's lock file (it has another name too)";
        } else if (Files.size(file) > LOCK_CONTENT_MAX_BYTES || !new String(Files.readAllBytes(file),
                StandardCharsets.ISO_8859_1).matches("([0-9]{1,19}\n)?")) {
            why = "is not radiolink's lock file (it holds more than a process id)";
        } else {
            return;
        }
        throw refused(shown, "beside it, " + file.getFileName() + " " + why + ADVICE);
    }

    /** {@code " (process 1234)"} from the lock file, or nothing if it does not say. */
    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return pid.matches("[0-9]{1,19}") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Removes a previous output: the files its marker lists (each a plain file as radiolink wrote it, never
     * a folder's content) and its valid units, then the folders of its units, the marker and the folder,
     * each of which must be empty by then.
     */
    private static void removeOutput(Path folder, FolderState state) throws IOException {
        for (String name : state.marker().map(FolderMarker::names).orElse(List.of())) {
            Files.deleteIfExists(folder.resolve(name));
        }
        Path units = folder.resolve(UnitStore.FOLDER);
        if (state.marker().flatMap(FolderMarker::run).isPresent() && Files.isDirectory(units, LinkOption.NOFOLLOW_LINKS)) {
            for (UnitStore.Found.Unit unit : state.units()) {
                Files.deleteIfExists(folder.resolve(FolderState.relative(folder, unit.file())));
            }
            // What is left are the point folders, empty now (a folder that is not would fail here).
            for (String pointFolder : FolderState.entries(units)) {
                Files.delete(units.resolve(pointFolder));
            }
            Files.delete(units);
        }
        Files.deleteIfExists(folder.resolve(FolderMarker.FILE_NAME));
        Files.delete(folder);
    }

    /**
     * What makes {@code name} one of radiolink's working names (another output's run folder, lock file,
     * swapped-out output, or a marker), in a few words; null if it is none. Compared ignoring case, as a
     * file system may.
     */
    private static String workingName(String name) {
        for (String suffix : WORKING_SUFFIXES) {
            if (name.regionMatches(true, name.length() - suffix.length(), suffix, 0, suffix.length())) {
                return "ends with " + suffix;
            }
        }
        for (String marker : List.of(FolderMarker.FILE_NAME, FolderMarker.NEXT_FILE_NAME)) {
            if (name.equalsIgnoreCase(marker)) {
                return "is named " + marker;
            }
        }
        return null;
    }

    /**
     * Removes a run folder whole, its marker last: a removal cut short (a kill, a file that cannot be
     * deleted) leaves a folder the next run still recognises as this run's by its marker.
     */
    private static void removeRunFolder(Path folder) throws IOException {
        for (String name : FolderState.entries(folder)) {
            if (!name.equals(FolderMarker.FILE_NAME)) {
                deleteRecursively(folder.resolve(name));
            }
        }
        Files.deleteIfExists(folder.resolve(FolderMarker.FILE_NAME));
        Files.delete(folder);
    }

    /** The output folder as the user gave it, with {@code name} inside it. */
    private String requestedInside(String name) {
        return Path.of(shown).resolve(name).toString();
    }

    /** The working file or folder named {@code suffix} beside the output {@code target}. */
    /**
     * {@code path} (absolute, normalized) as the folders it names are: the real path of its nearest existing
     * ancestor (symbolic links followed), with the rest of it, which does not exist yet, as spelt.
     */
    static Path real(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
    }

    static Path beside(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    private static ScenarioException refused(String shown, String why) {
        return new ScenarioException("output folder " + shown + ": " + why);
    }

    /** What went wrong, in a few words: the file system's reason and the file it concerns. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException exists) {
            // Files.createDirectories says so of a file in the way, too.
            boolean file = exists.getFile() != null && Files.isRegularFile(Path.of(exists.getFile()));
            return exists.getFile() + (file ? " is a file, not a folder" : " appeared meanwhile");
        }
        if (e instanceof NoSuchFileException missing) {
            return "cannot create " + missing.getFile() + " (no such file or folder)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + " (" + f.getFile() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** Removes the run folder's scratch folder ({@link RunFolderFiles#SCRATCH}) whole, if there is one. */
    void removeScratch() throws IOException {
        Path scratch = runFolder().resolve(RunFolderFiles.SCRATCH);
        if (Files.isDirectory(scratch, LinkOption.NOFOLLOW_LINKS)) {
            deleteRecursively(scratch);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
