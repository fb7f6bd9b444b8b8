package io.radiolink.stats;

import io.radiolink.engine.Scheduler;
import io.radiolink.radio.CellListener;
import io.radiolink.radio.Connection;
import io.radiolink.radio.RadioCell;
import io.radiolink.radio.Side;
import io.radiolink.radio.share.ShareStatistics;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every shared cell's directions, by cell id: utilisation, mean active users, per-connection throughputs
 * ({@link DirectionShare}). A dedicated cell has no shared direction and no entry.
 *
 * <p>The window: a direction's utilisation and mean active users are its {@link ShareStatistics} between
 * a snapshot at the window's start and one at its end ({@link ShareStatistics#since}), exact integrals
 * as the busy channels are; to take them at those instants the calculator posts one event at the
 * warm-up's end (none when the cell is observed then, at time 0 without warm-up) and one at the run
 * length for each shared cell it observes. Those events only read. A connection is counted by when its
 * queue opened (the connection's establishment): in the window, with everything it sent until it
 * stopped sending, even after the run length, as a flow is counted by its start; a connection that
 * never had anything queued in a direction has no throughput there and is not counted.
 */
public final class ShareCalculator extends Calculator<SortedMap<String, CellShare>> implements CellListener {

    private final Scheduler scheduler;
    private final TreeMap<String, CellAccumulator> cells = new TreeMap<>();

    /** A calculator counting in {@code window}, posting its snapshots on {@code scheduler}. */
    public ShareCalculator(ObservationWindow window, Scheduler scheduler) {
        super(window);
        this.scheduler = scheduler;
    }

    /**
     * Registers {@code cell} if its capacity is shared, and posts its snapshots; idempotent, nothing for
     * a dedicated cell.
     *
     * @throws IllegalArgumentException if another cell with the same id was observed
     * @throws IllegalStateException if the window has begun: a cell is observed from when it is built
     */
    public void observeCell(RadioCell cell) {
        requireOpen();
        CellAccumulator known = cells.get(cell.id());
        if (known != null) {
            if (known.cell != cell) {
                throw new IllegalArgumentException("two cells have the id '" + cell.id() + "'");
            }
            return;
        }
        if (cell.shareStatistics(Side.TERMINAL).isEmpty()) {
            return;
        }
        double now = scheduler.nowSeconds();
        if (now > window().warmupSeconds()) {
            throw new IllegalStateException("cell '" + cell.id() + "' observed at " + now
                    + ", after the window's start " + window().warmupSeconds());
        }
        CellAccumulator accumulator = new CellAccumulator(cell);
        cells.put(cell.id(), accumulator);
        if (now == window().warmupSeconds()) {
            accumulator.start = accumulator.snapshot();
        } else {
            scheduler.postAt(window().warmupSeconds(), () -> accumulator.start = accumulator.snapshot());
        }
        scheduler.postAt(window().runLengthSeconds(), () -> accumulator.end = accumulator.snapshot());
    }

    @Override
    public void shareClosed(RadioCell cell, Connection<?> connection, Side sender, ShareStatistics statistics,
            double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cells.get(cell.id());
        if (accumulator == null || accumulator.cell != cell) {
            throw new IllegalStateException("cell '" + cell.id() + "' was not observed");
        }
        if (inWindow(statistics.fromSeconds()) && statistics.busySeconds() > 0) {
            accumulator.throughputs.get(sender).add(statistics.throughputBitsPerSecond());
        }
    }

    @Override
    SortedMap<String, CellShare> result() {
        TreeMap<String, CellShare> shares = new TreeMap<>();
        cells.forEach((id, cell) -> shares.put(id, cell.toShare()));
        return shares;
    }

    /** One shared cell: its snapshots at the window's ends, and each direction's throughputs. */
    private static final class CellAccumulator {
        final RadioCell cell;
        final Map<Side, Values> throughputs = new EnumMap<>(Side.class);
        Map<Side, ShareStatistics> start;
        Map<Side, ShareStatistics> end;

        CellAccumulator(RadioCell cell) {
            this.cell = cell;
            for (Side side : Side.values()) {
                throughputs.put(side, new Values());
            }
        }

        Map<Side, ShareStatistics> snapshot() {
            Map<Side, ShareStatistics> snapshot = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                Optional<ShareStatistics> statistics = cell.shareStatistics(side);
                snapshot.put(side, statistics.orElseThrow());
            }
            return snapshot;
        }

        CellShare toShare() {
            if (start == null || end == null) {
                throw new IllegalStateException("cell '" + cell.id() + "': the run stopped before its window ended");
            }
            return new CellShare(direction(Side.TERMINAL), direction(Side.STATION));
        }

        private DirectionShare direction(Side side) {
            ShareStatistics window = end.get(side).since(start.get(side));
            // Busy time is at most the elapsed time; the two differences of snapshots may round apart by an ulp.
            double utilisation = Math.min(1.0, window.utilisation());
            return DirectionShare.of(utilisation, window.meanActiveQueues(), throughputs.get(side).toArray());
        }
    }

    /** A growing list of doubles, in the order added. */
    private static final class Values {
        private double[] values = new double[16];
        private int size;

        void add(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
