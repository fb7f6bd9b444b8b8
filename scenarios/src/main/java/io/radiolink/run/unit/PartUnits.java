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
     * @param missing the slots no part fills
     */
    public record Gathered(List<UnitResult> units, MissingUnits missing) {

        /** Copies the list. */
        public Gathered {
            units = List.copyOf(units);
            Objects.requireNonNull(missing, "missing");
        }
    }

    /**
     * The units of {@code parts}, each a run folder, for a scenario of {@code points} sweep points and
     * {@code replications} replications whose units are of {@code identity}. Leftovers of interrupted writes
     * ({@code p<i>/.r<j>.unit.tmp}, radiolink's own) are passed over: their unit is missing unless another
     * file holds it.
     *
     * @throws PartException naming the part and the file, for a part that is not a folder, a unit of another
     *     identity, an invalid unit, a file radiolink does not write under {@code units/}, a unit beyond the
     *     scenario's points or replications, or a unit in two parts whose payloads differ
     * @throws IOException if a folder or file cannot be read
     */
    public static Gathered gather(List<Path> parts, UnitIdentity identity, int points, int replications)
            throws PartException, IOException {
        if (points < 1 || replications < 1) {
            throw new IllegalArgumentException("points and replications are >= 1, were " + points + " and " + replications);
        }
        int slots = Math.multiplyExact(points, replications);
        UnitResult[] units = new UnitResult[slots];
        Source[] sources = new Source[slots];
        for (Path part : parts) {
            if (!Files.isDirectory(part)) { // a link to a folder is the user's way of naming it: followed
                throw new PartException(PartException.Kind.NOT_A_FOLDER, "part " + part + " is not a folder", part);
            }
            for (UnitStore.Found found : UnitStore.in(part, identity).scan()) {
                take(part, found, points, replications, units, sources);
            }
        }
        BitSet present = new BitSet(slots);
        List<UnitResult> inOrder = new ArrayList<>();
        for (int slot = 0; slot < slots; slot++) {
            if (units[slot] != null) {
                present.set(slot);
                inOrder.add(units[slot]);
            }
        }
        return new Gathered(inOrder, MissingUnits.of(points, replications, present));
    }

    /** Where a slot's unit was found. */
    private record Source(Path part, Path file) {

        String shown() {
            return "part " + part + "'s " + part.relativize(file).toString().replace('\\', '/');
        }
    }

    private static void take(Path part, UnitStore.Found found, int points, int replications, UnitResult[] units,
            Source[] sources) throws PartException, IOException {
        Source source = new Source(part, found.file());
        // Java 17 has no switch over a sealed interface's records; each variant is named, none falls through.
        if (found instanceof UnitStore.Found.Unit unit) {
            if (unit.read() instanceof UnitStore.Read.Valid valid) {
                fill(source, valid.unit(), points, replications, units, sources);
            } else if (unit.read() instanceof UnitStore.Read.Invalid invalid) {
                throw new PartException(kind(invalid.problem()), "part " + part + ": " + invalid.message()
                        + "; not merged", found.file());
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

    private static PartException.Kind kind(UnitProblem problem) {
        return switch (problem) {
            case OTHER_MODEL, OTHER_CODE -> PartException.Kind.OTHER_IDENTITY;
            case TOO_SHORT, NOT_A_UNIT, OTHER_FORMAT_VERSION, CUT_SHORT, CHECKSUM, NAME_MISMATCH, UNDECODABLE ->
                    PartException.Kind.INVALID_UNIT;
        };
    }

    private static void fill(Source source, UnitResult unit, int points, int replications, UnitResult[] units,
            Source[] sources) throws PartException, IOException {
        if (unit.point() >= points || unit.replication() >= replications) {
            throw new PartException(PartException.Kind.OUTSIDE_SCENARIO, source.shown() + " is beyond the scenario's "
                    + points + " points x " + replications + " replications; not merged", source.file());
        }
        int slot = unit.point() * replications + unit.replication();
        Source earlier = sources[slot];
        if (earlier == null) {
            units[slot] = unit;
            sources[slot] = source;
        } else if (!samePayload(earlier.file(), source.file())) {
            List<Source> both = new ArrayList<>(List.of(earlier, source));
            both.sort((a, b) -> a.shown().compareTo(b.shown()));
            throw new PartException(PartException.Kind.DIFFERENT_DUPLICATE, both.get(0).shown() + " and "
                    + both.get(1).shown() + " hold different bytes for point " + unit.point() + " replication "
                    + unit.replication() + "; not merged",
                    both.get(0).file(), both.get(1).file());
        }
    }

    /** Whether two valid unit files hold the same payload bytes (both were read and checked already). */
    private static boolean samePayload(Path one, Path other) throws IOException {
        byte[] a = Files.readAllBytes(one);
        byte[] b = Files.readAllBytes(other);
        return a.length == b.length && Arrays.equals(a, UnitFile.HEADER_BYTES, a.length - UnitFile.TRAILER_BYTES,
                b, UnitFile.HEADER_BYTES, b.length - UnitFile.TRAILER_BYTES);
    }
}
