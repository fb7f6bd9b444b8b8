package io.radiolink.node;

import io.radiolink.engine.Scheduler;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Whether something with an outage model ({@link OutageConfig}) is up: a base station, a backhaul.
 * Overlapping down periods (scheduled and random) keep it down until the last ends; it tells its
 * {@link Transitions} when it goes down and when it comes back, and adds up the time it was down.
 */
public final class Availability {

    /** What going down and coming back up does to the thing that is down. */
    public interface Transitions {

        /** The first of overlapping outages began. */
        void wentDown();

        /** The last of overlapping outages ended. */
        void cameUp();
    }

    private final Scheduler scheduler;
    private final Transitions transitions;
    private int outagesInForce;
    private double downSince;
    private double downSecondsEnded;

    /** Up until an outage is scheduled, on {@code scheduler}, telling {@code transitions}. */
    public Availability(Scheduler scheduler, Transitions transitions) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
    }

    /** True unless an outage is in force. */
    public boolean isUp() {
        return outagesInForce == 0;
    }

    /** Seconds down so far, the outage in force (if any) up to now included. */
    public double downSeconds() {
        return downSecondsEnded + (isUp() ? 0 : scheduler.nowSeconds() - downSince);
    }

    /**
     * Schedules the outages of {@code outages} that start no later than {@code untilSeconds} (each then
     * lasts its full length); call once, at time 0. Random ones draw from {@code random}: the time up
     * (exponential), then the time down (exponential).
     */
    public void schedule(OutageConfig outages, RandomGenerator random, double untilSeconds) {
        for (OutageConfig.DownPeriod period : outages.scheduled()) {
            if (period.startSeconds() <= untilSeconds) {
                scheduler.postAt(period.startSeconds(), this::goDown);
                scheduler.postAt(period.endSeconds(), this::comeUp);
            }
        }
        if (outages.meanUpSeconds() < Double.POSITIVE_INFINITY) {
            nextRandomOutage(outages, random, untilSeconds);
        }
    }

    private void nextRandomOutage(OutageConfig outages, RandomGenerator random, double untilSeconds) {
        double start = scheduler.nowSeconds() + exponential(random, outages.meanUpSeconds());
        if (start <= untilSeconds) {
            double length = exponential(random, outages.meanDownSeconds());
            scheduler.postAt(start, this::goDown);
            scheduler.postAt(start + length, () -> {
                comeUp();
                nextRandomOutage(outages, random, untilSeconds);
            });
        }
    }

    private static double exponential(RandomGenerator random, double mean) {
        return -mean * StrictMath.log1p(-random.nextDouble());
    }

    private void goDown() {
        if (outagesInForce++ == 0) {
            downSince = scheduler.nowSeconds();
            transitions.wentDown();
        }
    }

    private void comeUp() {
        if (--outagesInForce == 0) {
            downSecondsEnded += scheduler.nowSeconds() - downSince;
            transitions.cameUp();
        }
    }
}
