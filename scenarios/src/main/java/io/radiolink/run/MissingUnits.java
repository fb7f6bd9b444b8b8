package io.radiolink.run;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The units of a scenario that a set of units lacks, as ranges of consecutive replications of one point in
 * unit order (docs/runs.md, section 4), in the one wording that merge's error and status both print:
 * {@code missing 12 units: point 0 replications 3..5, point 2 replication 7, ...}. Immutable.
 */
public final class MissingUnits {

    /** The ranges {@link #message()} lists before it counts the rest. */
    public static final int RANGES_SHOWN = 10;

    private final int points;
    private final int replications;
    private final List<Range> ranges;
    private final long count;

    /**
     * Replications {@code first} to {@code last} (inclusive) of point {@code point}, all missing.
     *
     * @param point the sweep point index
     * @param first the first replication missing
     * @param last the last one, at least {@code first}
     */
    public record Range(int point, int first, int last) {

        /** Checks {@code 0 <= first <= last} and {@code point >= 0}. */
        public Range {
            if (point < 0 || first < 0 || last < first) {
                throw new IllegalArgumentException("a range needs point >= 0 and 0 <= first <= last, was point " + point
                        + " replications " + first + ".." + last);
            }
        }

        /** The units in the range. */
        public int size() {
            return last - first + 1;
        }

        /** The replications alone: {@code 7} or {@code 3..5}. */
        public String replicationsText() {
            return first == last ? Integer.toString(first) : first + ".." + last;
        }

        /** {@code point 2 replication 7} or {@code point 0 replications 3..5}. */
        @Override
        public String toString() {
            return "point " + point + (first == last ? " replication " : " replications ") + replicationsText();
        }
    }

    private MissingUnits(int points, int replications, List<Range> ranges) {
        this.points = points;
        this.replications = replications;
        this.ranges = List.copyOf(ranges);
        this.count = ranges.stream().mapToLong(Range::size).sum();
    }

    /**
     * The units of a scenario of {@code points} sweep points and {@code replications} replications whose slot
     * ({@code point * replications + replication}) is not set in {@code present}.
     */
    public static MissingUnits of(int points, int replications, BitSet present) {
        if (points < 0 || replications < 0) {
            throw new IllegalArgumentException("points and replications are >= 0, were " + points + " and " + replications);
        }
        List<Range> ranges = new ArrayList<>();
        for (int point = 0; point < points; point++) {
            int base = point * replications;
            int first = present.nextClearBit(base);
            while (first < base + replications) {
                int end = Math.min(present.nextSetBit(first) < 0 ? Integer.MAX_VALUE : present.nextSetBit(first),
                        base + replications);
                ranges.add(new Range(point, first - base, end - 1 - base));
                first = present.nextClearBit(end);
            }
        }
        return new MissingUnits(points, replications, ranges);
    }

    /** Whether no unit is missing. */
    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The number of units missing. */
    public long count() {
        return count;
    }

    /** The ranges, in unit order. */
    public List<Range> ranges() {
        return ranges;
    }

    /** The ranges of {@code point} alone, in order. */
    public List<Range> rangesOf(int point) {
        return ranges.stream().filter(range -> range.point() == point).toList();
    }

    /** The units of {@code point} missing. */
    public int countOf(int point) {
        return rangesOf(point).stream().mapToInt(Range::size).sum();
    }

    /** The replications of {@code point} missing, as status prints them: {@code 3..5, 7}; empty if none. */
    public String replicationsOf(int point) {
        return String.join(", ", rangesOf(point).stream().map(Range::replicationsText).toList());
    }

    /** The sweep points of the scenario. */
    public int points() {
        return points;
    }

    /** The replications of the scenario. */
    public int replications() {
        return replications;
    }

    /**
     * One line: {@code missing 12 units: point 0 replications 3..5, point 2 replication 7}, at most
     * {@link #RANGES_SHOWN} ranges, then {@code and 4 more ranges}; {@code missing no units} if none.
     */
    public String message() {
        if (ranges.isEmpty()) {
            return "missing no units";
        }
        List<String> shown = new ArrayList<>();
        for (Range range : ranges.subList(0, Math.min(RANGES_SHOWN, ranges.size()))) {
            shown.add(range.toString());
        }
        int more = ranges.size() - shown.size();
        if (more > 0) {
            shown.add("and " + String.format(Locale.ROOT, "%,d", more) + " more range" + (more == 1 ? "" : "s"));
        }
        return "missing " + String.format(Locale.ROOT, "%,d", count) + " unit" + (count == 1 ? "" : "s") + ": "
                + String.join(", ", shown);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MissingUnits other && points == other.points && replications == other.replications
                && ranges.equals(other.ranges);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * points + replications) + ranges.hashCode();
    }

    @Override
    public String toString() {
        return message();
    }
}
