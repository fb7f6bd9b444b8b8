package io.radiolink.run.unit;

import io.radiolink.run.UnitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run folder's units: {@code units/p<point>/r<replication>.unit} under the run folder (docs/runs.md,
 * section 1). Writes each unit atomically (a temporary name in the same folder, forced, then renamed),
 * reads one with its problem typed, and scans {@code units/}. Thread-safe: one thread writes each unit.
 */
public final class UnitStore {

    /** The folder of units in a run folder. */
    public static final String FOLDER = "units";

    private static final Pattern POINT = Pattern.compile("p(0|[1-9][0-9]*)");
    private static final Pattern UNIT = Pattern.compile("r(0|[1-9][0-9]*)\\.unit");
    private static final Pattern LEFTOVER = Pattern.compile("\\.r(0|[1-9][0-9]*)\\.unit\\.tmp");

    private final Path units;
    private final UnitIdentity identity;
    private final Set<Integer> pointFolders = ConcurrentHashMap.newKeySet();
    private final LongAdder writeNanos = new LongAdder();

    private UnitStore(Path units, UnitIdentity identity) {
        this.units = units;
        this.identity = identity;
    }

    /** The units of code and model {@code identity} in {@code runFolder}'s {@code units/}. */
    public static UnitStore in(Path runFolder, UnitIdentity identity) {
        return new UnitStore(runFolder.resolve(FOLDER), Objects.requireNonNull(identity, "identity"));
    }

    /**
     * Writes {@code unit}, with its series binned {@code seriesBinSeconds} wide (0 without), as
     * {@code units/p<i>/r<j>.unit}: encoded, written to {@code .r<j>.unit.tmp} in the same folder, forced to
     * disk (data and size), then renamed over the final name atomically. Makes the folders as needed.
     *
     * @return the unit's file
     * @throws IOException if the file cannot be written; a temporary file may be left behind, which a scan
     *     reports as a {@link Found.Leftover}
     */
    public Path write(UnitResult unit, double seriesBinSeconds) throws IOException {
        long start = System.nanoTime();
        try {
            byte[] file = UnitFile.bytes(unit, seriesBinSeconds, identity);
            Path folder = pointFolder(unit.point());
            Path temporary = folder.resolve(".r" + unit.replication() + ".unit.tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(file);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            return Files.move(temporary, folder.resolve("r" + unit.replication() + ".unit"),
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            writeNanos.add(System.nanoTime() - start);
        }
    }

    /**
     * Puts the valid unit file {@code file} (another run folder's, of this store's identity) into this store as
     * {@code units/p<point>/r<replication>.unit}: a second name for the same file (a hard link), or where the
     * file systems refuse one, a copy written as {@link #write} writes (temporary name, forced, renamed). The
     * file itself is only read. For {@code merge} (docs/runs.md, section 4).
     *
     * @return the unit's file in this store
     * @throws IOException if it cannot be linked or copied; a temporary file may be left behind
     */
    public Path adopt(Path file, int point, int replication) throws IOException {
        long start = System.nanoTime();
        try {
            Path folder = pointFolder(point);
            Path target = folder.resolve("r" + replication + ".unit");
            try {
                return Files.createLink(target, file);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // Another file system, or one without hard links: a copy, as safe as a written unit.
            }
            Path temporary = folder.resolve(".r" + replication + ".unit.tmp");
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(false);
            }
            return Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            writeNanos.add(System.nanoTime() - start);
        }
    }

    private Path pointFolder(int point) throws IOException {
        Path folder = units.resolve("p" + point);
        if (!pointFolders.contains(point)) {
            Files.createDirectories(folder);
            pointFolders.add(point);
        }
        return folder;
    }

    /** The wall-clock nanoseconds spent in {@link #write} (encoding, writing, forcing, renaming), summed over threads. */
    public long writeNanos() {
        return writeNanos.sum();
    }

    /**
     * Forces the run folder's, {@code units/}'s and each point folder's entries to disk, so that the renames
     * of the units written survive a power loss; a folder the platform does not let us force is skipped.
     * Does nothing if there is no {@code units/}.
     */
    public void forceFolders() throws IOException {
        if (!Files.isDirectory(units, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(units)) {
            for (Path entry : entries) {
                if (POINT.matcher(entry.getFileName().toString()).matches()
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(entry);
                }
            }
        }
        folders.sort(Comparator.naturalOrder());
        folders.add(units);
        folders.add(units.getParent());
        for (Path folder : folders) {
            force(folder);
        }
    }

    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every platform opens or forces a folder (Windows refuses both); the units are then as safe
            // as the file system makes renames, and a unit lost to a power cut is run again by a resume.
        }
    }

    /**
     * Every entry under {@code units/}: first the units (files named {@code p<i>/r<j>.unit}) in (point,
     * replication) order, each read and checked; then, by path, the leftovers of interrupted writes
     * ({@code p<i>/.r<j>.unit.tmp}) and every other entry (a file or folder radiolink did not write, a link
     * whatever its name; a folder not named {@code p<i>} is listed, not entered). Empty without {@code units/}.
     *
     * @throws IOException if a folder or a unit cannot be read
     */
    public List<Found> scan() throws IOException {
        List<Found.Unit> found = new ArrayList<>();
        List<Found> others = new ArrayList<>();
        if (!Files.exists(units, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        for (Path entry : list(units)) {
            Optional<Integer> point = index(POINT, entry, true);
            if (point.isEmpty()) {
                others.add(new Found.Foreign(entry));
                continue;
            }
            for (Path file : list(entry)) {
                Optional<Integer> replication = index(UNIT, file, false);
                if (replication.isPresent()) {
                    found.add(new Found.Unit(file, point.get(), replication.get(), readOrThrow(file)));
                } else if (index(LEFTOVER, file, false).isPresent()) {
                    others.add(new Found.Leftover(file));
                } else {
                    others.add(new Found.Foreign(file));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found.Unit::point).thenComparingInt(Found.Unit::replication));
        others.sort(Comparator.comparing(Found::file));
        List<Found> all = new ArrayList<>(found);
        all.addAll(others);
        return List.copyOf(all);
    }

    private Read readOrThrow(Path file) throws IOException {
        try {
            return read(file, identity);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(entries::add);
        }
        entries.sort(Comparator.naturalOrder());
        return entries;
    }

    /** The index {@code pattern} reads from {@code entry}'s name if it matches and the entry is a folder or a file, as asked. */
    private static Optional<Integer> index(Pattern pattern, Path entry, boolean folder) throws IOException {
        Optional<Integer> index = index(pattern, entry.getFileName().toString());
        if (index.isEmpty()) {
            return index;
        }
        BasicFileAttributes attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return (folder ? attributes.isDirectory() : attributes.isRegularFile()) ? index : Optional.empty();
    }

    private static Optional<Integer> index(Pattern pattern, String name) {
        Matcher matcher = pattern.matcher(name);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The unit in {@code file} (named {@code .../p<i>/r<j>.unit}) if it is valid and of {@code expected},
     * else its first problem, with a one-line message naming the file as {@code units/p<i>/r<j>.unit}.
     * Never throws for a bad file.
     *
     * @throws UncheckedIOException if the file cannot be read (not found, not readable): a failure of the
     *     file system, not of the file
     */
    public static Read read(Path file, UnitIdentity expected) {
        String shown = shown(file);
        Path name = file.getNameCount() >= 2 ? file.subpath(file.getNameCount() - 2, file.getNameCount()) : file;
        Optional<int[]> indexes = parseName(name);
        if (indexes.isEmpty()) {
            return new Read.Invalid(UnitProblem.NAME_MISMATCH, shown + " is not named p<point>/r<replication>.unit");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(shown + " cannot be read", e);
        }
        return UnitFile.read(bytes, shown, indexes.get()[0], indexes.get()[1], expected);
    }

    private static String shown(Path file) {
        int count = file.getNameCount();
        if (count >= 3 && file.getName(count - 3).toString().equals(FOLDER)) {
            return FOLDER + "/" + file.getName(count - 2) + "/" + file.getName(count - 1);
        }
        return file.toString();
    }

    /**
     * The point and replication a unit's path relative to {@code units/} names: {@code p3/r17.unit} gives
     * {3, 17}; anything else ({@code p03/r1.unit}, {@code p3/r-1.unit}, {@code p3/r17.unit.bak}, a path of
     * another depth, an index beyond {@code int}) is empty.
     */
    public static Optional<int[]> parseName(Path relativeToUnits) {
        if (relativeToUnits.getNameCount() != 2 || relativeToUnits.isAbsolute()) {
            return Optional.empty();
        }
        Optional<Integer> point = index(POINT, relativeToUnits.getName(0).toString());
        Optional<Integer> replication = index(UNIT, relativeToUnits.getName(1).toString());
        if (point.isEmpty() || replication.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {point.get(), replication.get()});
    }

    /** What {@link #read} found in a unit file. */
    public sealed interface Read {

        /**
         * A valid unit of the expected identity.
         *
         * @param unit the unit's result
         * @param seriesBinSeconds the width of its series' bins, 0 without series
         */
        record Valid(UnitResult unit, double seriesBinSeconds) implements Read {}

        /**
         * A file that is not a valid unit of the expected identity.
         *
         * @param problem the first problem found
         * @param message one line naming the file, e.g. {@code units/p2/r7.unit is cut short (412 of 9,310 bytes)}
         */
        record Invalid(UnitProblem problem, String message) implements Read {}
    }

    /** An entry {@link #scan} found under {@code units/}. */
    public sealed interface Found {

        /** The entry's path. */
        Path file();

        /**
         * A file named as a unit, read and checked.
         *
         * @param file the file
         * @param point the point its name says
         * @param replication the replication its name says
         * @param read what it holds
         */
        record Unit(Path file, int point, int replication, Read read) implements Found {}

        /**
         * The temporary file of an interrupted write, {@code p<i>/.r<j>.unit.tmp}.
         *
         * @param file the file
         */
        record Leftover(Path file) implements Found {}

        /**
         * Anything else: a file or folder radiolink did not write.
         *
         * @param file the entry
         */
        record Foreign(Path file) implements Found {}
    }
}
