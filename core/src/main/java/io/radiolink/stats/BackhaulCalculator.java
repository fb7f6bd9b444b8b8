package io.radiolink.stats;

import io.radiolink.backhaul.Backhaul;
import io.radiolink.backhaul.BackhaulStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each station's backhaul in the window: the difference of each direction's statistics at the window's
 * end and at its start ({@link BackhaulStatistics#since}), so a message counts in the window when its
 * event (offer, transmission, delivery) falls in it; the largest delays are those tallied in the window
 * (each link restarts its largest delays when the window opens). The model tells the calculator the two moments
 * ({@link #windowOpened()}, {@link #windowClosed()}: {@code simulation.StatsConnector} posts them at the
 * warm-up and the run length; at a warm-up of 0 the start is time 0 itself).
 */
public final class BackhaulCalculator extends Calculator<BackhaulUsage> {

    private final List<Backhaul> observed = new ArrayList<>();
    private final List<BackhaulStatistics[]> atStart = new ArrayList<>();
    private BackhaulUsage closed;

    /** A calculator counting in {@code window}. */
    public BackhaulCalculator(ObservationWindow window) {
        super(window);
    }

    /** Observes {@code backhaul} from time 0 (call before the run). */
    public void observe(Backhaul backhaul) {
        requireOpen();
        observed.add(Objects.requireNonNull(backhaul, "backhaul"));
        atStart.add(new BackhaulStatistics[] {BackhaulStatistics.ZERO, BackhaulStatistics.ZERO});
    }

    /** True once a backhaul is observed. */
    public boolean observing() {
        return !observed.isEmpty();
    }

    /**
     * The window opens now (at the warm-up): each direction's statistics so far are left out, its largest
     * delays restarted.
     */
    public void windowOpened() {
        requireOpen();
        for (int i = 0; i < observed.size(); i++) {
            observed.get(i).toStore().restartLargestDelays();
            observed.get(i).fromStore().restartLargestDelays();
            atStart.set(i, new BackhaulStatistics[] {observed.get(i).toStore().statistics(),
                    observed.get(i).fromStore().statistics()});
        }
    }

    /** The window closes now (at the run length): what each direction did since it opened is the part. */
    public void windowClosed() {
        requireOpen();
        TreeMap<String, BackhaulUsage.Directions> stations = new TreeMap<>();
        for (int i = 0; i < observed.size(); i++) {
            Backhaul backhaul = observed.get(i);
            stations.put(backhaul.stationId(), new BackhaulUsage.Directions(
                    backhaul.toStore().statistics().since(atStart.get(i)[0]),
                    backhaul.fromStore().statistics().since(atStart.get(i)[1])));
        }
        closed = new BackhaulUsage(stations);
    }

    @Override
    BackhaulUsage result() {
        if (observed.isEmpty()) {
            return BackhaulUsage.NONE;
        }
        if (closed == null) {
            throw new IllegalStateException("the window never closed: the run stopped before its run length");
        }
        return closed;
    }
}
