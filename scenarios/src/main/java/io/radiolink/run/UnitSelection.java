package io.radiolink.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The units a part runs (docs/runs.md, section 4): the scenario's units selected by {@code --points} and
 * {@code --replications-range} (every one where an option is not given), in unit order (point-major, then
 * replication), the list {@code S}; of those, with {@code --shard i/n}, the units at positions k of
 * {@code S} with k mod n = i. Immutable.
 */
public final class UnitSelection {

    /** The option selecting sweep points. */
    public static final String POINTS = "--points";
    /** The option selecting replications. */
    public static final String REPLICATIONS = "--replications-range";
    /** The option selecting one of n interleaved parts. */
    public static final String SHARD = "--shard";

    private static final String LIST_ALLOWED = "comma-separated 0-based indexes and inclusive ranges a..b, e.g. 0,3..5";
    private static final Pattern INDEX = Pattern.compile("[0-9]+");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)\\.\\.([0-9]+)");
    private static final Pattern SHARD_FORM = Pattern.compile("([0-9]+)/([0-9]+)");
    /** More digits than this cannot be an index of an {@code int}-sized scenario; no overflow in parsing. */
    private static final int MAX_DIGITS = 10;

    private final int points;
    private final int replications;
    private final Optional<String> pointsGiven;
    private final Optional<String> replicationsGiven;
    private final Optional<String> shardGiven;
    private final BitSet pointSet;
    private final BitSet replicationSet;
    private final long shardIndex;
    private final long shardCount;

    /**
     * A unit: replication {@code replication} of sweep point {@code point}.
     *
     * @param point the sweep point index
     * @param replication the replication index
     */
    public record Unit(int point, int replication) {

        /** Checks that both are >= 0. */
        public Unit {
            if (point < 0 || replication < 0) {
                throw new IllegalArgumentException("point and replication are >= 0, were " + point + " and " + replication);
            }
        }

        /** The unit's slot among {@code replications} per point: {@code point * replications + replication}. */
        public int slot(int replications) {
            return point * replications + replication;
        }
    }

    private UnitSelection(int points, int replications, Optional<String> pointsGiven, Optional<String> replicationsGiven,
            Optional<String> shardGiven, BitSet pointSet, BitSet replicationSet, long shardIndex, long shardCount) {
        this.points = points;
        this.replications = replications;
        this.pointsGiven = pointsGiven;
        this.replicationsGiven = replicationsGiven;
        this.shardGiven = shardGiven;
        this.pointSet = pointSet;
        this.replicationSet = replicationSet;
        this.shardIndex = shardIndex;
        this.shardCount = shardCount;
    }

    /** Every unit of a scenario of {@code points} sweep points and {@code replications} replications. */
    public static UnitSelection whole(int points, int replications) {
        try {
            return of(points, replications, Optional.empty(), Optional.empty(), Optional.empty());
        } catch (SelectionException e) {
            throw new AssertionError("nothing given cannot be refused", e);
        }
    }

    /**
     * The units of a scenario of {@code points} sweep points and {@code replications} replications that the
     * options' texts, as given on the command line, select; an option not given selects every point, every
     * replication, or the whole list.
     *
     * @throws SelectionException naming the option, what was given and what is allowed, if a text is not of
     *     its form or names a point or replication the scenario does not have
     */
    public static UnitSelection of(int points, int replications, Optional<String> pointsList,
            Optional<String> replicationsList, Optional<String> shard) throws SelectionException {
        if (points < 1 || replications < 1) {
            throw new IllegalArgumentException("points and replications are >= 1, were " + points + " and " + replications);
        }
        BitSet pointSet = indexes(POINTS, pointsList, points, "the scenario's " + count(points, "point") + " (0.."
                + (points - 1) + ")", false);
        BitSet replicationSet = indexes(REPLICATIONS, replicationsList, replications, "the scenario's "
                + count(replications, "replication"), true);
        long[] shardOf = shard(shard);
        return new UnitSelection(points, replications, pointsList, replicationsList, shard, pointSet, replicationSet,
                shardOf[0], shardOf[1]);
    }

    /** The indexes {@code list} names, each below {@code size}; every one if not given. */
    private static BitSet indexes(String option, Optional<String> list, int size, String beyond, boolean hint)
            throws SelectionException {
        BitSet set = new BitSet(size);
        if (list.isEmpty()) {
            set.set(0, size);
            return set;
        }
        String text = list.get();
        if (text.isBlank()) {
            throw new SelectionException(option, text, "", "an empty list", LIST_ALLOWED);
        }
        long highest = -1;
        String highestItem = null;
        for (String item : text.split(",", -1)) {
            String trimmed = item.strip();
            long first;
            long last;
            Matcher range = RANGE.matcher(trimmed);
            if (INDEX.matcher(trimmed).matches()) {
                first = number(option, text, trimmed);
                last = first;
            } else if (range.matches()) {
                first = number(option, text, range.group(1));
                last = number(option, text, range.group(2));
                if (first > last) {
                    throw new SelectionException(option, text, trimmed, "is an empty range (a range a..b needs a <= b)",
                            LIST_ALLOWED);
                }
            } else {
                throw new SelectionException(option, text, trimmed, trimmed.isEmpty() ? "an empty item"
                        : "is neither an index nor a range a..b", LIST_ALLOWED);
            }
            if (last > highest) {
                highest = last;
                highestItem = trimmed;
            }
            if (last < size) {
                set.set((int) first, (int) last + 1);
            }
        }
        if (highest >= size) {
            throw new SelectionException(option + ": " + highestItem + " beyond " + beyond + (hint
                    ? "; give --replications " + (highest + 1) : ""), option, text);
        }
        return set;
    }

    private static long number(String option, String text, String digits) throws SelectionException {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        if (significant.length() > MAX_DIGITS) {
            throw new SelectionException(option, text, digits, "is beyond any scenario's size", LIST_ALLOWED);
        }
        return Long.parseLong(significant);
    }

    /** {i, n} of the shard's text, {0, 1} if not given. */
    private static long[] shard(Optional<String> shard) throws SelectionException {
        if (shard.isEmpty()) {
            return new long[] {0, 1};
        }
        String text = shard.get();
        String allowed = "i/n with n >= 1 and 0 <= i < n, e.g. 0/10";
        Matcher matcher = SHARD_FORM.matcher(text.strip());
        if (!matcher.matches()) {
            throw new SelectionException(SHARD, text, text, "is not of the form i/n", allowed);
        }
        long i = number(SHARD, text, matcher.group(1));
        long n = number(SHARD, text, matcher.group(2));
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new SelectionException(SHARD, text, text, "asks for " + matcher.group(2) + " parts", allowed);
        }
        if (i >= n) {
            throw new SelectionException(SHARD, text, text, "names part " + i + " of " + n + " (parts are 0 to "
                    + (n - 1) + ")", allowed);
        }
        return new long[] {i, n};
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** The selected units {@code S}, in unit order, before any shard is taken (a list made on each call). */
    public List<Unit> selected() {
        return inOrder(0, 1).mapToObj(this::unit).toList();
    }

    /** The units this part runs, in unit order: {@link #selected()}, or the shard's of them (a list made on each call). */
    public List<Unit> units() {
        return slots().mapToObj(this::unit).toList();
    }

    /**
     * The slots ({@link Unit#slot}) of the units this part runs, in unit order, made as they are read: a
     * selection of every unit of a large scenario is never held in memory.
     */
    public IntStream slots() {
        return inOrder(shardIndex, shardCount);
    }

    /** The units this part runs of each point, indexed by point; counted, not listed. */
    public int[] unitsOfPoint() {
        int[] counts = new int[points];
        long perPoint = replicationSet.cardinality();
        long before = 0;
        for (int p = pointSet.nextSetBit(0); p >= 0; p = pointSet.nextSetBit(p + 1)) {
            counts[p] = (int) (atShardBelow(before + perPoint) - atShardBelow(before));
            before += perPoint;
        }
        return counts;
    }

    /** The units this part runs; counted, not listed. */
    public long size() {
        return Arrays.stream(unitsOfPoint()).asLongStream().sum();
    }

    /** Whether this part runs replication {@code replication} of point {@code point}. */
    public boolean contains(int point, int replication) {
        if (point < 0 || point >= points || replication < 0 || replication >= replications || !pointSet.get(point)
                || !replicationSet.get(replication)) {
            return false;
        }
        long position = (long) pointSet.get(0, point).cardinality() * replicationSet.cardinality()
                + replicationSet.get(0, replication).cardinality();
        return position % shardCount == shardIndex;
    }

    /** Whether this part runs every unit of the scenario, however the options said so. */
    public boolean isWhole() {
        return size() == (long) points * replications;
    }

    /** How many of the positions {@code 0 <= k < end} of {@code S} are this shard's ({@code k mod n = i}). */
    private long atShardBelow(long end) {
        return end > shardIndex ? (end - shardIndex - 1) / shardCount + 1 : 0;
    }

    /** The slots of the units at positions k of {@code S} with {@code k mod n = i}, in unit order. */
    private IntStream inOrder(long i, long n) {
        int[] chosenPoints = pointSet.stream().toArray();
        int[] chosenReplications = replicationSet.stream().toArray();
        return IntStream.range(0, chosenPoints.length).flatMap(q -> {
            long first = (long) q * chosenReplications.length;
            int base = chosenPoints[q] * replications;
            return IntStream.range(0, chosenReplications.length).filter(j -> (first + j) % n == i)
                    .map(j -> base + chosenReplications[j]);
        });
    }

    private Unit unit(int slot) {
        return new Unit(slot / replications, slot % replications);
    }

    /** The sweep points of the scenario. */
    public int points() {
        return points;
    }

    /** The replications of the scenario. */
    public int replications() {
        return replications;
    }

    /** {@code --points}' text as given, if given. */
    public Optional<String> pointsGiven() {
        return pointsGiven;
    }

    /** {@code --replications-range}' text as given, if given. */
    public Optional<String> replicationsGiven() {
        return replicationsGiven;
    }

    /** {@code --shard}'s text as given, if given. */
    public Optional<String> shardGiven() {
        return shardGiven;
    }

    /**
     * The options as given, in the order {@code --points}, {@code --replications-range}, {@code --shard},
     * each followed by its text, separated by single spaces ({@code --points 0,3..5 --shard 1/4}); empty if
     * none was given. Stable: the same options give the same text.
     */
    public String text() {
        List<String> parts = new ArrayList<>();
        pointsGiven.ifPresent(text -> parts.add(POINTS + " " + text));
        replicationsGiven.ifPresent(text -> parts.add(REPLICATIONS + " " + text));
        shardGiven.ifPresent(text -> parts.add(SHARD + " " + text));
        return String.join(" ", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitSelection other && points == other.points && replications == other.replications
                && pointsGiven.equals(other.pointsGiven) && replicationsGiven.equals(other.replicationsGiven)
                && shardGiven.equals(other.shardGiven);
    }

    @Override
    public int hashCode() {
        return Objects.hash(points, replications, pointsGiven, replicationsGiven, shardGiven);
    }

    @Override
    public String toString() {
        return "UnitSelection[" + points + " x " + replications + (text().isEmpty() ? "" : ", " + text()) + "]";
    }

    /**
     * A selection option whose text is not of its form or names what the scenario does not have.
     * {@link #getMessage()} is one line, e.g. {@code --replications-range: 10..19 beyond the scenario's 10
     * replications; give --replications 20}.
     */
    public static final class SelectionException extends Exception {

        private static final long serialVersionUID = 1L;

        private final String option;
        private final String given;

        /** {@code item} of {@code given} (itself, or an item of the list) is refused for {@code problem}. */
        SelectionException(String option, String given, String item, String problem, String allowed) {
            this(option + ": " + (item.isEmpty() ? problem : item + " " + problem)
                    + (item.equals(given) ? "" : " (given \"" + given + "\")") + "; allowed: " + allowed, option, given);
        }

        SelectionException(String message, String option, String given) {
            super(message);
            this.option = option;
            this.given = given;
        }

        /** The option refused, e.g. {@code --shard}. */
        public String option() {
            return option;
        }

        /** Its text as given. */
        public String given() {
            return given;
        }
    }
}
