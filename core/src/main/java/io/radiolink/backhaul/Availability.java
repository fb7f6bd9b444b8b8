package io.radiolink.backhaul;

import io.radiolink.engine.Scheduler;
import io.radiolink.node.OutageConfig;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Whether a backhaul is up, from its outage model: overlapping down periods (scheduled and random) keep
 * it down until the last ends. Tells both directions when it goes down and when it comes back, and
 * adds up the time it was down.
 */
final class Availability {

    private final Scheduler scheduler;
    private final List<BackhaulLink> links;
    private int outagesInForce;
    private double downSince;
    private double downSecondsEnded;

    Availability(Scheduler scheduler, List<BackhaulLink> links) {
        this.scheduler = scheduler;
        this.links = List.copyOf(links);
    }

    boolean isUp() {
        return outagesInForce == 0;
    }

    /** Seconds down so far, the outage in force (if any) up to now included. */
    double downSeconds() {
        return downSecondsEnded + (isUp() ? 0 : scheduler.nowSeconds() - downSince);
    }

    /**
     * Schedules the outages of {@code outages} that start no later than {@code untilSeconds} (each then
     * lasts its full length); random ones draw from {@code random}: the time up, then the time down.
     */
    void schedule(OutageConfig outages, RandomGenerator random, double untilSeconds) {
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
        double upSeconds = -outages.meanUpSeconds() * Math.log1p(-random.nextDouble());
        double start = scheduler.nowSeconds() + upSeconds;
        if (start <= untilSeconds) {
            double downSeconds = -outages.meanDownSeconds() * Math.log1p(-random.nextDouble());
            scheduler.postAt(start, this::goDown);
            scheduler.postAt(start + downSeconds, () -> {
                comeUp();
                nextRandomOutage(outages, random, untilSeconds);
            });
        }
    }

    private void goDown() {
        if (outagesInForce++ == 0) {
            downSince = scheduler.nowSeconds();
            for (BackhaulLink link : links) {
                link.goDown();
            }
        }
    }

    private void comeUp() {
        if (--outagesInForce == 0) {
            downSecondsEnded += scheduler.nowSeconds() - downSince;
            for (BackhaulLink link : links) {
                link.comeUp();
            }
        }
    }
}
