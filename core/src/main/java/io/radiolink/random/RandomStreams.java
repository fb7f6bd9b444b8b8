package io.radiolink.random;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Derives independent random streams for one replication from (seed, replication index, purpose,
 * entity, instance), so that no two purposes share a stream and adding a purpose changes no other. The
 * purposes are the closed set {@link StreamPurpose}.
 *
 * <p>The scheme (documented in {@code docs/design.md}; changing it changes every recorded result):
 * the 64-bit stream seed is the SplitMix64 finaliser chained over the scenario seed, the replication
 * index, the FNV-1a 64-bit hash of the UTF-8 bytes of the purpose's {@link StreamPurpose#id() id}, the
 * same hash of the entity name and the instance number; the stream is the JDK's {@code L64X128MixRandom}
 * (an LXM generator, whose design targets many independently seeded instances) created from that seed.
 */
public final class RandomStreams {

    /**
     * The name and version of the scheme below, part of a run's model identity ({@code docs/runs.md},
     * section 2): a new version whenever the scheme or a purpose's name changes, so that results drawn
     * from other streams are never taken for these. Adding a purpose changes no stream and keeps it.
     */
    public static final String SCHEME = "radiolink-streams/1";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private static final RandomGeneratorFactory<RandomGenerator> LXM =
            RandomGeneratorFactory.of("L64X128MixRandom");

    private final long seed;
    private final long replication;

    /** Streams for replication {@code replication} (0-based) of a run with seed {@code seed}. */
    public RandomStreams(long seed, long replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    /** The scenario seed these streams derive from. */
    public long seed() {
        return seed;
    }

    /** The replication index these streams belong to. */
    public long replication() {
        return replication;
    }

    /**
     * A new stream for {@code purpose} (e.g. {@link StreamPurpose#LOSS_UPLINK}) of {@code entity} (e.g. a
     * base station's id) and its {@code instance} (e.g. a connection's sequence number). Equal arguments
     * give equal streams.
     */
    public RandomGenerator stream(StreamPurpose purpose, String entity, long instance) {
        return generator(streamSeed(purpose, entity, instance));
    }

    /** The 64-bit seed of {@link #stream(StreamPurpose, String, long)}; exposed for documentation tests. */
    public long streamSeed(StreamPurpose purpose, String entity, long instance) {
        Objects.requireNonNull(purpose, "purpose");
        return seedOf(purpose.id(), entity, instance);
    }

    /** The scheme over any purpose text, for the tests that pin it. */
    long seedOf(String purpose, String entity, long instance) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(entity, "entity");
        long h = mix64(seed);
        h = mix64(h + GOLDEN_GAMMA * (replication + 1));
        h = mix64(h + GOLDEN_GAMMA * fnv1a64(purpose));
        h = mix64(h + GOLDEN_GAMMA * fnv1a64(entity));
        return mix64(h + GOLDEN_GAMMA * (instance + 1));
    }

    /** The generator a stream seed stands for. */
    static RandomGenerator generator(long streamSeed) {
        return LXM.create(streamSeed);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long fnv1a64(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
