package io.radiolink.engine;

import java.util.Objects;

/**
 * A scheduler that hands every action to another, each through a hook that sees it as it is scheduled,
 * with the time it is due, and may wrap it: for tests that watch what a model object schedules, or look
 * at the model after each action ran.
 */
public final class ForwardingScheduler implements Scheduler {

    /** Sees each action as it is scheduled; returns what to schedule in its place (it, or a wrapper of it). */
    @FunctionalInterface
    public interface Hook {
        Runnable scheduled(double dueSeconds, Runnable action);
    }

    private final Scheduler delegate;
    private final Hook hook;

    public ForwardingScheduler(Scheduler delegate, Hook hook) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hook = Objects.requireNonNull(hook, "hook");
    }

    @Override
    public double nowSeconds() {
        return delegate.nowSeconds();
    }

    @Override
    public ScheduledAction schedule(double delaySeconds, Runnable action) {
        return delegate.schedule(delaySeconds, hooked(delegate.nowSeconds() + delaySeconds, action));
    }

    @Override
    public ScheduledAction scheduleAt(double timeSeconds, Runnable action) {
        return delegate.scheduleAt(timeSeconds, hooked(timeSeconds, action));
    }

    @Override
    public void post(double delaySeconds, Runnable action) {
        delegate.post(delaySeconds, hooked(delegate.nowSeconds() + delaySeconds, action));
    }

    @Override
    public void postAt(double timeSeconds, Runnable action) {
        delegate.postAt(timeSeconds, hooked(timeSeconds, action));
    }

    private Runnable hooked(double dueSeconds, Runnable action) {
        return hook.scheduled(dueSeconds, Objects.requireNonNull(action, "action"));
    }
}
