package io.radiolink.radio.share;

import io.radiolink.radio.Departure;

/**
 * The implementation of one {@link SchedulingPolicy} for one {@link CellDirection}: it makes the
 * direction's queues, learns from them when one becomes busy, gets a unit or closes, and decides when
 * each unit departs. One discipline per direction; {@link SchedulingPolicies} makes it from its policy.
 *
 * <p>The room left for <b>proportional fair</b> (a later issue, once a user's radio quality varies):
 * it would be one more policy record in {@link SchedulingPolicy}, one more entry in
 * {@link SchedulingPolicies}, and one more discipline, which each interval serves the busy queue with
 * the largest ratio of its achievable rate now to its average served rate. What it needs and the
 * others do not is that achievable rate per queue and interval: {@link CellDirection#open} would then
 * take a source of it (the terminal's radio quality) beside the cap, and the round robin's interval
 * grid ({@link RoundRobinDiscipline}) is where such a discipline picks its queue.
 */
interface Discipline {

    /**
     * A new, empty queue whose units are served no faster than {@code capBitsPerSecond} (checked) and
     * reported to {@code callback}; {@code sequence} is its place in the direction's open order, which
     * breaks ties.
     */
    <T> ConnectionQueue<T> open(double capBitsPerSecond, Departure<T> callback, long sequence);
}
