package io.radiolink.cli;

import io.radiolink.scenario.ScenarioException;
import java.io.IOException;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The life cycle of a run's output folder {@code <parent>/<name>} ({@code docs/design.md}, "Output folder
 * life cycle", has the table of what a run does with what it finds).
 *
 * <p>{@link #open} runs before any simulation: it takes the lock {@code .<name>.radiolink-lock} beside the
 * output, so that a second run into the same folder is refused; checks that the output may be replaced
 * (absent, empty, or radiolink's output of the same scenario holding only the files radiolink wrote, each
 * of the size and SHA-256 its marker records);
 * tidies what a killed run left beside it; and makes the run folder {@code .<name>.radiolink-run} with its
 * {@link FolderMarker}, so that an unwritable place fails up front. {@link #publish} writes the reports into
 * the run folder, lists them in its marker and swaps it into place: an existing output is replaced only by
 * a complete new one, and Ctrl-C or a kill leaves the previous one intact.
 *
 * <p>What radiolink deletes: in an output (and in a previous output a killed run left as
 * {@code .<name>.radiolink-old}), only the plain files its marker lists, and only if each is still as
 * radiolink wrote it (else the output is refused), then the folder if that left it empty;
 * a run folder whole, its marker last, if its marker names the same scenario, because radiolink makes it
 * afresh for each run ({@link Files#createDirectory} fails if it exists) and nothing but the run writes into
 * it, or if it holds nothing but the start of the first marker a run of the scenario was writing when it was
 * killed; an empty folder. Nothing else. Folders and files get the user's umask.
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

    private final String shown;
    private final String scenario;
    private final Path target;
    private final Path run;
    private final Path replaced;
    private final Path lockFile;
    private final FileChannel lock;
    private final Thread cleanup;
    /** True once this run has made its run folder. Guarded by this. */
    private boolean created;
    /** True once the run folder is the output, kept for the user or discarded: nothing left to do. Guarded by this. */
    private boolean settled;

    private OutputFolder(String shown, String scenario, Path target, Path lockFile, FileChannel lock) {
        this.shown = shown;
        this.scenario = scenario;
        this.target = target;
        this.run = beside(target, RUN_SUFFIX);
        this.replaced = beside(target, REPLACED_SUFFIX);
        this.lockFile = lockFile;
        this.lock = lock;
        this.cleanup = new Thread(this::discardUnsettled, "radiolink-output-cleanup");
    }

    /**
     * Opens {@code requested} for a run of {@code scenario}: refuses with a one-line reason if it may not be
     * written or replaced, or another run is writing it; else holds its lock and has made the run folder.
     *
     * @throws ScenarioException with the whole explanation, if the run must not go ahead
     */
    static OutputFolder open(Path requested, String scenario) throws ScenarioException {
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
            checkReplaceable(shown, target, scenario);
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
        OutputFolder folder = new OutputFolder(shown, scenario, target, lockFile, lock);
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
        Runtime.getRuntime().addShutdownHook(folder.cleanup);
        return folder;
    }

    /**
     * Under the lock: puts back an output a killed run was swapping out, checks the output again, removes
     * what a killed run left beside it, and makes the run folder with its marker.
     */
    private void prepare() throws ScenarioException, IOException {
        FolderState was = FolderState.of(replaced, scenario);
        if (was.marker().isPresent() && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(replaced, target, StandardCopyOption.ATOMIC_MOVE);
            was = FolderState.of(replaced, scenario);
        }
        checkReplaceable(shown, target, scenario);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.getFileStore(target).equals(Files.getFileStore(target.getParent()))) {
            throw refused(shown, "is a mount point (a file system of its own), which radiolink cannot replace;"
                    + " give a folder inside it, e.g. --out " + requestedInside(scenario));
        }
        boolean removeReplaced = switch (was.kind()) {
            case ABSENT -> false;
            case EMPTY, OURS -> true;
            case OURS_WITH_OTHER_FILES, OTHER_SCENARIO, STARTED_CUT_SHORT, NOT_RADIOLINKS, SYMBOLIC_LINK,
                    NOT_A_FOLDER -> throw refused(shown, "beside it, " + replaced.getFileName() + " (an output a killed run was replacing) "
                        + was.why(scenario, "output") + ADVICE);
        };
        FolderState left = FolderState.of(run, scenario);
        // A run folder of this scenario that no process holds is a killed run's: removed whole, everything
        // in it being the run's (see the class comment); so is one holding only the start of the marker it
        // was writing first. Issue 14 refuses here unless --fresh (remove) or --resume (keep the finished
        // units it holds and go on).
        boolean removeLeftover = switch (left.kind()) {
            case ABSENT -> false;
            case EMPTY, OURS, OURS_WITH_OTHER_FILES, STARTED_CUT_SHORT -> true;
            case OTHER_SCENARIO, NOT_RADIOLINKS, SYMBOLIC_LINK, NOT_A_FOLDER ->
                throw refused(shown, "beside it, " + run.getFileName() + " " + left.why(scenario, "unfinished run")
                        + ADVICE);
        };
        if (removeReplaced) {
            removeOutput(replaced, was);
        }
        if (removeLeftover) {
            removeRunFolder(run);
        }
        synchronized (this) {
            Files.createDirectory(run);
            created = true;
        }
        FolderMarker.started(scenario).writeInto(run);
    }

    /** Refuses unless {@code target} is absent, empty, or radiolink's output of {@code scenario} and nothing else. */
    private static void checkReplaceable(String shown, Path target, String scenario)
            throws ScenarioException, IOException {
        FolderState state = FolderState.of(target, scenario);
        if (!replaceable(state)) {
            throw refused(shown, state.why(scenario, "output") + ADVICE);
        }
    }

    private static boolean replaceable(FolderState state) {
        return switch (state.kind()) {
            case ABSENT, EMPTY, OURS -> true;
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
        FolderMarker.started(scenario).finished(run).writeInto(run);
        synchronized (this) {
            if (settled) {
                // Ctrl-C came while the reports were written, and the shutdown hook discarded them: the
                // previous output stays as it is.
                throw new IOException("interrupted: the run folder " + run + " was discarded");
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

    /** Removes the run folder unless it became the output; the lock goes with its channel. */
    @Override
    public void close() {
        discardUnsettled();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
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
     * Removes the run folder this run made, unless it is settled; also the shutdown hook's work on Ctrl-C,
     * which waits for a swap in progress, so that the output is the old or the new one, whole.
     */
    private synchronized void discardUnsettled() {
        if (created && !settled) {
            settled = true;
            try {
                if (Files.exists(run, LinkOption.NOFOLLOW_LINKS)) {
                    removeRunFolder(run);
                }
            } catch (IOException | UncheckedIOException e) {
                // best effort: the next run into this folder removes what is left
            }
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
     * a folder's content), the marker, then the folder, which must be empty by then.
     */
    private static void removeOutput(Path folder, FolderState state) throws IOException {
        for (String name : state.marker().map(FolderMarker::names).orElse(List.of())) {
            Files.deleteIfExists(folder.resolve(name));
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

    private static Path beside(Path target, String suffix) {
        return target.resolveSibling("." + target.getFileName() + suffix);
    }

    private static ScenarioException refused(String shown, String why) {
        return new ScenarioException("output folder " + shown + ": " + why);
    }

    /** What went wrong, in a few words: the file system's reason and the file it concerns. */
    private static String reason(IOException e) {
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
