package io.radiolink.run.unit;

import io.radiolink.run.MissingUnits;
import io.radiolink.run.UnitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The units of several parts gathered into one run's slots (docs/runs.md, section 4): each part is a run
 * folder holding {@code units/}, scanned read only ({@link UnitStore#scan}; nothing in a part is written,
 * moved or deleted). Each valid unit fills the slot {@code point * replications + replication}, so the
 * order of the parts and of their files cannot matter; a unit found in several parts is taken once if the
 * files' payloads are byte-identical, refused naming both files if not.
 */
public final class PartUnits {

    private PartUnits() {}

    /**
     * What the parts hold.
     *
     * @param units the units found, each once, in slot order (unit order), ready for
     *     {@link io.radiolink.run.ScenarioRunner#merge} when {@code missing} is empty
     * @param files the file each unit was taken from, in the same order (the first found where two parts
     *     hold the same bytes)
     * @param missing the slots no part fills
     * @param invalid with {@link Invalid#MISSING}, a line for each invalid unit passed over (the store's, naming
     *     the part and the file); empty otherwise
     * @param beyond the valid units of a point or replication beyond the scenario's, left out (a part resumed
     *     with fewer replications keeps them, as {@code run} does), as {@code part P's units/p0/r4.unit}
     */
    public record Gathered(List<UnitResult> units, List<Path> files, MissingUnits missing, List<String> invalid,
            List<String> beyond) {

        /** Copies the lists. */
        public Gathered {
            units = List.copyOf(units);
            files = List.copyOf(files);
            if (files.size() != units.size()) {
                throw new IllegalArgumentException(units.size() + " units but " + files.size() + " files");
            }
            Objects.requireNonNull(missing, "missing");
            invalid = List.copyOf(invalid);
            beyond = List.copyOf(beyond);
        }
    }

    /** What an invalid unit (torn, corrupt, misnamed; not one of another identity) does to a merge. */
    public enum Invalid {
        /** It refuses the merge. */
        REFUSED,
        /** It counts as missing ({@code merge --partial}) and is listed. */
        MISSING
    }

    /**
     * The units of {@code parts}, each a run folder, for a scenario of {@code points} sweep points and
     * {@code replications} replications whose units are of {@code identity}, an invalid unit refused. As
     * {@link #gather(List, UnitIdentity, int, int, Invalid)} with {@link Invalid#REFUSED}.
     */
    public static Gathered gather(List<Path> parts, UnitIdentity identity, int points, int replications)
            throws PartException, IOException {
        return gather(parts, identity, points, replications, Invalid.REFUSED);
    }

    /**
     * The units of {@code parts}, each a run folder, for a scenario of {@code points} sweep points and
     * {@code replications} replications whose units are of {@code identity}. Leftovers of interrupted writes
     * ({@code p<i>/.r<j>.unit.tmp}, radiolink's own) are passed over: their unit is missing unless another
     * file holds it. A valid unit beyond the scenario's points or replications is left out and listed
     * ({@link Gathered#beyond()}); an invalid one refuses the merge or counts as missing, as {@code invalid} says.
     *
     * @throws PartException naming the part and the file, for a part that is not a folder, a unit of another
     *     identity, an invalid unit ({@link Invalid#REFUSED}), a file radiolink does not write under
     *     {@code units/}, or a unit in two parts whose payloads differ
     * @throws IOException if a folder or file cannot be read
     */
    public static Gathered gather(List<Path> parts, UnitIdentity identity, int points, int replications,
            Invalid invalid) throws PartException, IOException {
        if (points < 1 || replications < 1) {
            throw new IllegalArgumentException("points and replications are >= 1, were " + points + " and " + replications);
        }
        int slots = Math.multiplyExact(points, replications);
        Slots found = new Slots(points, replications, invalid);
        for (Path part : parts) {
            if (!Files.isDirectory(part)) { // a link to a folder is the user's way of naming it: followed
                throw new PartException(PartException.Kind.NOT_A_FOLDER, "part " + part + " is not a folder", part);
            }
            for (UnitStore.Found entry : UnitStore.in(part, identity).scan()) {
                found.take(part, entry);
            }
        }
        BitSet present = new BitSet(slots);
        List<UnitResult> inOrder = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            if (found.units[slot] != null) {
                present.set(slot);
                inOrder.add(found.units[slot]);
                files.add(found.sources[slot].file());
            }
        }
        return new Gathered(inOrder, files, MissingUnits.of(points, replications, present), found.invalidLines,
                found.beyond);
    }

    /** Where a slot's unit was found. */
    private record Source(Path part, Path file) {

        String shown() {
            return "part " + part + "'s " + part.relativize(file).toString().replace('\\', '/');
        }
    }

    /** The slots being filled, and what was passed over. */
    private static final class Slots {
        private final int points;
        private final int replications;
        private final Invalid invalid;
        private final UnitResult[] units;
        private final Source[] sources;
        private final List<String> invalidLines = new ArrayList<>();
        private final List<String> beyond = new ArrayList<>();

        Slots(int points, int replications, Invalid invalid) {
            this.points = points;
            this.replications = replications;
            this.invalid = invalid;
            this.units = new UnitResult[points * replications];
            this.sources = new Source[units.length];
        }

        void take(Path part, UnitStore.Found found) throws PartException, IOException {
            Source source = new Source(part, found.file());
            // Java 17 has no switch over a sealed interface's records; each variant is named, none falls through.
            if (found instanceof UnitStore.Found.Unit unit) {
                if (unit.read() instanceof UnitStore.Read.Valid valid) {
                    fill(source, valid.unit());
                } else if (unit.read() instanceof UnitStore.Read.Invalid bad) {
                    PartException.Kind kind = kind(bad.problem());
                    String line = "part " + part + ": " + bad.message();
                    if (kind == PartException.Kind.INVALID_UNIT && invalid == Invalid.MISSING) {
                        invalidLines.add(line);
                    } else {
                        throw new PartException(kind, line + "; not merged", found.file());
                    }
                } else {
                    throw new AssertionError("a read of another kind: " + unit.read());
                }
            } else if (found instanceof UnitStore.Found.Foreign) {
                throw new PartException(PartException.Kind.FOREIGN_FILE, source.shown()
                        + " is not a file radiolink writes; not merged", found.file());
            } else if (!(found instanceof UnitStore.Found.Leftover)) {
                throw new AssertionError("an entry of another kind: " + found);
            }
        }

        private void fill(Source source, UnitResult unit) throws PartException, IOException {
            if (unit.point() >= points || unit.replication() >= replications) {
                beyond.add(source.shown());
                return;
            }
            int slot = unit.point() * replications + unit.replication();
            Source earlier = sources[slot];
            if (earlier == null) {
                units[slot] = unit;
                sources[slot] = source;
            } else if (samePayload(earlier.file(), source.file())) {
                return;
            } else if (sameAsideFlows(units[slot], unit)) {
                // One recorded its flows and the other did not (a part run with --all-flows and resumed without):
                // the same unit; the one with flows is kept, for a report that takes them.
                if (units[slot].flows().isEmpty()) {
                    units[slot] = unit;
                    sources[slot] = source;
                }
            } else {
                List<Source> both = new ArrayList<>(List.of(earlier, source));
                both.sort((a, b) -> a.shown().compareTo(b.shown()));
                throw new PartException(PartException.Kind.DIFFERENT_DUPLICATE, both.get(0).shown() + " and "
                        + both.get(1).shown() + " hold different bytes for point " + unit.point() + " replication "
                        + unit.replication() + "; not merged",
                        both.get(0).file(), both.get(1).file());
            }
        }
    }

    private static PartException.Kind kind(UnitProblem problem) {
        return switch (problem) {
            case OTHER_MODEL, OTHER_CODE -> PartException.Kind.OTHER_IDENTITY;
            case TOO_SHORT, NOT_A_UNIT, OTHER_FORMAT_VERSION, CUT_SHORT, CHECKSUM, NAME_MISMATCH, UNDECODABLE ->
                    PartException.Kind.INVALID_UNIT;
        };
    }

    /** Whether two units are the same but for the flows one of them did not record. */
    private static boolean sameAsideFlows(UnitResult one, UnitResult other) {
        return one.result().equals(other.result()) && (one.flows().isEmpty() || other.flows().isEmpty()
                || one.flows().equals(other.flows()));
    }

    /** Whether two valid unit files hold the same payload bytes (both were read and checked already). */
    private static boolean samePayload(Path one, Path other) throws IOException {
        byte[] a = Files.readAllBytes(one);
        byte[] b = Files.readAllBytes(other);
        return a.length == b.length && Arrays.equals(a, UnitFile.HEADER_BYTES, a.length - UnitFile.TRAILER_BYTES,
                b, UnitFile.HEADER_BYTES, b.length - UnitFile.TRAILER_BYTES);
    }
}
