package io.radiolink.stats;

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
 * Every shared cell's directions, by cell id: utilisation, carried load, mean active users, per-connection
 * throughputs ({@link DirectionShare}). A dedicated cell has no shared direction and no entry.
 *
 * <p>The window: a direction's utilisation, carried load and mean active users are its
 * {@link ShareStatistics} between a snapshot at the window's start and one at its end
 * ({@link ShareStatistics#since}), exact integrals as the busy channels are. The snapshots are taken by {@link #windowOpened()} and {@link #windowClosed()},
 * which {@code simulation.StatsConnector} posts at the warm-up and the run length once a shared cell is
 * observed (at a warm-up of 0 the start is the cell's creation itself), as it does for the backhauls;
 * those events only read. A connection is counted by when its queue opened (the connection's
 * establishment): in the window, with everything it sent until it stopped sending, even after the run
 * length, as a flow is counted by its start. Only a direction that carried data counts: one in which the
 * connection put at least one data frame of a transfer on the air ({@code radio.Link#dataFramesSent}: the
 * frames of a backup on the uplink, of a download on the downlink, repairs included); a direction that
 * carried only control messages and acknowledgements is not counted (its few bits, sent alone, would read
 * as the full rate and make up most of the population). A counted direction's throughput is over all its
 * units, its control messages included.
 */
public final class ShareCalculator extends Calculator<SortedMap<String, CellShare>> implements CellListener {

    private final TreeMap<String, CellAccumulator> cells = new TreeMap<>();

    /** A calculator counting in {@code window}. */
    public ShareCalculator(ObservationWindow window) {
        super(window);
    }

    /**
     * Registers {@code cell} if its capacity is shared, taking its first snapshot; idempotent, nothing for a
     * dedicated cell. Call when the cell is built (time 0).
     *
     * @throws IllegalArgumentException if another cell with the same id was observed
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
        CellAccumulator accumulator = new CellAccumulator(cell);
        accumulator.start = accumulator.snapshot();
        cells.put(cell.id(), accumulator);
    }

    /** True once a shared cell is observed. */
    public boolean observing() {
        return !cells.isEmpty();
    }

    /** The window opens now (at the warm-up): each direction's figures so far are left out. */
    public void windowOpened() {
        requireOpen();
        cells.values().forEach(cell -> cell.start = cell.snapshot());
    }

    /** The window closes now (at the run length): what each direction did since it opened is the part. */
    public void windowClosed() {
        requireOpen();
        cells.values().forEach(cell -> cell.end = cell.snapshot());
    }
    @Override
    public void shareClosed(RadioCell cell, Connection<?> connection, Side sender, ShareStatistics statistics,
            double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cells.get(cell.id());
        if (accumulator == null || accumulator.cell != cell) {
            throw new IllegalStateException("cell '" + cell.id() + "' was not observed");
        }
        if (inWindow(statistics.fromSeconds()) && connection.link(sender).dataFramesSent() > 0) {
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
            if (end == null) {
                throw new IllegalStateException("cell '" + cell.id() + "': the run stopped before its window ended");
            }
            return new CellShare(direction(Side.TERMINAL), direction(Side.STATION));
        }

        private DirectionShare direction(Side side) {
            ShareStatistics window = end.get(side).since(start.get(side));
            // Busy time is at most the elapsed time; the two differences of snapshots may round apart by an ulp.
            double utilisation = Math.min(1.0, window.utilisation());
            double carriedLoad = window.carriedLoad(cell.shareCapacityBitsPerSecond(side).orElseThrow());
            return DirectionShare.of(utilisation, carriedLoad, window.meanActiveQueues(),
                    throughputs.get(side).toArray());
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
