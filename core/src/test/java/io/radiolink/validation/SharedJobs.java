package io.radiolink.validation;

import io.radiolink.engine.lean.LeanEngine;
import io.radiolink.radio.share.CellDirection;
import io.radiolink.radio.share.ConnectionQueue;
import io.radiolink.radio.share.SchedulingPolicy;
import io.radiolink.random.RandomStreams;
import io.radiolink.random.StreamPurpose;
import io.radiolink.simulation.ParallelTasks;
import io.radiolink.workload.Distribution;
import java.util.random.RandomGenerator;

/**
 * The M/G/1 job model on a shared cell direction: jobs arrive as a Poisson process; a job is a queue
 * opened at its arrival, capped at the capacity C (so that no cap binds), holding the job's S bits
 * (as one unit, or as frames queued at once), and closed when its last unit departs. Its sojourn is
 * from its arrival to that departure.
 *
 * <p>Job i's inter-arrival time and size are the i-th draws of two streams of the replication,
 * {@code arrivals} and {@code user-data} of entity {@value #ENTITY}, whatever the policy: runs of
 * several policies on one replication see the same jobs (common random numbers). Jobs 0 to
 * {@code warmupJobs - 1} warm the system up; the next {@code measuredJobs} are measured, and arrivals
 * go on until the last of them has left, so that the measured jobs never see the arrivals stop.
 *
 * @param capacityBitsPerSecond C
 * @param load rho = lambda E[S] / C, in (0, 1)
 * @param sizesBits the distribution of S
 * @param warmupJobs jobs not measured
 * @param measuredJobs jobs measured
 */
record SharedJobs(double capacityBitsPerSecond, double load, Distribution sizesBits, int warmupJobs, int measuredJobs) {

    static final String ENTITY = "shared-jobs";

    /** Job sizes as one unit each. */
    static final double ONE_UNIT = Double.POSITIVE_INFINITY;

    /** E[S] / C: a job's mean service time alone in the direction. */
    double meanServiceSeconds() {
        return sizesBits.mean() / capacityBitsPerSecond;
    }

    /** The mean sojourn of processor sharing, E[S] / (C (1 - rho)), insensitive to the distribution of S. */
    double processorSharingMeanSojournSeconds() {
        return Theory.processorSharingMeanSojourn(meanServiceSeconds(), load);
    }

    /** The measured jobs' mean sojourn in replication {@code replication} of {@code seed}. */
    double meanSojournSeconds(SchedulingPolicy policy, long seed, int replication) {
        double sum = 0;
        for (double sojourn : sojournsSeconds(policy, seed, replication, ONE_UNIT)) {
            sum += sojourn;
        }
        return sum / measuredJobs;
    }

    /** The measured jobs' mean sojourn in each of replications 0 to {@code replications - 1}, on two threads. */
    double[] meanSojournsSeconds(SchedulingPolicy policy, long seed, int replications) {
        return ParallelTasks.run(replications, 2, r -> meanSojournSeconds(policy, seed, r), ParallelTasks.Completion.NONE)
                .stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Each measured job's sojourn, in arrival order, with each job cut into frames of {@code frameBits}
     * queued at once (the last one the rest), or as one unit if {@code frameBits} is {@link #ONE_UNIT}.
     */
    double[] sojournsSeconds(SchedulingPolicy policy, long seed, int replication, double frameBits) {
        RandomStreams streams = new RandomStreams(seed, replication);
        RandomGenerator gaps = streams.stream(StreamPurpose.ARRIVALS, ENTITY, 0);
        Distribution.Sampler sizes = sizesBits.sampler(streams.stream(StreamPurpose.USER_DATA, ENTITY, 0));
        double meanGapSeconds = meanServiceSeconds() / load;
        double[] sojourns = new double[measuredJobs];
        int[] counts = new int[2]; // jobs arrived, measured jobs departed
        new LeanEngine().run(Double.POSITIVE_INFINITY, scheduler -> {
            CellDirection direction = new CellDirection(scheduler, capacityBitsPerSecond, policy);
            Runnable[] arrival = new Runnable[1];
            arrival[0] = () -> {
                if (counts[1] == measuredJobs) {
                    return;
                }
                int job = counts[0]++;
                double arrivedSeconds = scheduler.nowSeconds();
                double bits = sizes.sample();
                int frames = frameBits == ONE_UNIT ? 1 : (int) Math.ceil(bits / frameBits);
                int[] left = {frames};
                @SuppressWarnings("unchecked")
                ConnectionQueue<Integer>[] queue = new ConnectionQueue[1];
                queue[0] = direction.open(capacityBitsPerSecond, (unit, atSeconds) -> {
                    if (--left[0] == 0) {
                        queue[0].close();
                        int measured = job - warmupJobs;
                        if (measured >= 0 && measured < measuredJobs) {
                            sojourns[measured] = atSeconds - arrivedSeconds;
                            counts[1]++;
                        }
                    }
                });
                for (int f = 0; f < frames - 1; f++) {
                    queue[0].offer(f, frameBits);
                }
                queue[0].offer(frames - 1, frames == 1 ? bits : bits - (frames - 1) * frameBits);
                scheduler.post(exponential(gaps, meanGapSeconds), arrival[0]);
            };
            scheduler.post(exponential(gaps, meanGapSeconds), arrival[0]);
        });
        return sojourns;
    }

    private static double exponential(RandomGenerator random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
