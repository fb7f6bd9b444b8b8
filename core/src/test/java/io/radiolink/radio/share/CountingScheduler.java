package io.radiolink.radio.share;

import io.radiolink.engine.ScheduledAction;
import io.radiolink.engine.Scheduler;

/**
 * A scheduler that counts the events posted or scheduled through it, and hands them on; past a million
 * it throws, so that a direction that loops at one instant fails its test instead of hanging it.
 */
final class CountingScheduler implements Scheduler {

    private static final int LIMIT = 1_000_000;

    private final Scheduler scheduler;
    int posted;

    CountingScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    private void count() {
        if (++posted > LIMIT) {
            throw new IllegalStateException("more than " + LIMIT + " events: a loop at " + nowSeconds() + " s?");
        }
    }

    @Override
    public double nowSeconds() {
        return scheduler.nowSeconds();
    }

    @Override
    public ScheduledAction schedule(double delaySeconds, Runnable action) {
        count();
        return scheduler.schedule(delaySeconds, action);
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        count();
        return scheduler.scheduleAt(timeSeconds, action);
    }

    @Override
    public void post(double delaySeconds, Runnable action) {
        count();
        scheduler.post(delaySeconds, action);
    }

    @Override
    public void postAt(double timeSeconds, Runnable action) {
        count();
        scheduler.postAt(timeSeconds, action);
    }
}
