package io.radiolink.stats;

import io.radiolink.radio.CellListener;
import io.radiolink.radio.RadioCell;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Every radio cell's attempts, holding times, busy channels, outages and preambles, by cell id. A cell is
 * known from its first event or from {@link #observeCell}, which the run-control contract of the package
 * asks for every cell: one that never saw an attempt would be missing from the result otherwise.
 */
public final class CellCalculator extends Calculator<SortedMap<String, CellStatistics>> implements CellListener {

    private final TreeMap<String, CellAccumulator> cells = new TreeMap<>();

    /** A calculator counting in {@code window}. */
    public CellCalculator(ObservationWindow window) {
        super(window);
    }

    /**
     * Registers {@code cell} so that its channels count even if it never sees an attempt; idempotent.
     *
     * @throws IllegalArgumentException if another cell with the same id was observed
     */
    public void observeCell(RadioCell cell) {
        requireOpen();
        cell(cell);
    }

    @Override
    public void attempted(RadioCell cell, boolean blocked, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        if (inWindow(timeSeconds)) {
            accumulator.attempts++;
            if (blocked) {
                accumulator.blockedAttempts++;
            }
        }
    }

    @Override
    public void channelSeized(RadioCell cell, double timeSeconds) {
        requireOpen();
        cell(cell).busy.add(timeSeconds, 1);
    }

    @Override
    public void channelReleased(RadioCell cell, double heldSeconds, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        accumulator.busy.add(timeSeconds, -1);
        if (inWindow(timeSeconds - heldSeconds)) {
            accumulator.holding.addValue(heldSeconds);
        }
    }

    @Override
    public void accessAttempt(RadioCell cell, boolean collided, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        if (inWindow(timeSeconds)) {
            accumulator.preambles++;
            if (collided) {
                accumulator.collisions++;
            }
        }
    }

    @Override
    public void stationDown(RadioCell cell, double timeSeconds) {
        requireOpen();
        CellAccumulator accumulator = cell(cell);
        accumulator.down.set(timeSeconds, 1);
        if (inWindow(timeSeconds)) {
            accumulator.outages++;
        }
    }

    @Override
    public void stationUp(RadioCell cell, double timeSeconds) {
        requireOpen();
        cell(cell).down.set(timeSeconds, 0);
    }

    @Override
    SortedMap<String, CellStatistics> result() {
        TreeMap<String, CellStatistics> statistics = new TreeMap<>();
        cells.forEach((id, cell) -> statistics.put(id, cell.toStatistics()));
        return statistics;
    }

    private CellAccumulator cell(RadioCell cell) {
        CellAccumulator accumulator = cells.get(cell.id());
        if (accumulator == null) {
            accumulator = new CellAccumulator(cell, window().newLevel(), window().newLevel());
            cells.put(cell.id(), accumulator);
        } else if (accumulator.cell != cell) {
            throw new IllegalArgumentException("two cells have the id '" + cell.id() + "'");
        }
        return accumulator;
    }

    /** One cell's attempts, holding times and busy channels. */
    private static final class CellAccumulator {
        final RadioCell cell;
        final TimeWeightedLevel busy;
        final TimeWeightedLevel down;
        final SummaryStatistics holding = new SummaryStatistics();
        long attempts;
        long blockedAttempts;
        long outages;
        long preambles;
        long collisions;

        CellAccumulator(RadioCell cell, TimeWeightedLevel busy, TimeWeightedLevel down) {
            this.cell = cell;
            this.busy = busy;
            this.down = down;
        }

        CellStatistics toStatistics() {
            busy.close();
            down.close();
            return new CellStatistics(cell.channels(),
                    new CellCounts(attempts, blockedAttempts, outages, preambles, collisions), summary(holding),
                    busy.mean(), down.mean());
        }
    }
}
