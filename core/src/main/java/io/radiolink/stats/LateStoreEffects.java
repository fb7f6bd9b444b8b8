package io.radiolink.stats;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.StationEffect;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changes the store made for counted flows after they ended ({@code FlowListener.lateStoreEffect}: a
 * backup's commit or a download's clear answered across a backhaul after the connection ended), by flow
 * kind and effect: of one replication's flows counted in its window (by their start, as the flows'
 * records are), or summed over replications. With the records' effects they make the station's view.
 *
 * @param counts by flow kind, every kind present, then by effect, every effect present
 */
public record LateStoreEffects(Map<FlowKind, Map<StationEffect, Long>> counts) implements Serializable {

    /** Nothing late. */
    public static final LateStoreEffects ZERO = of(new long[FlowKind.values().length][StationEffect.values().length]);

    /** Copies the maps and checks that every kind and effect has a count, none negative. */
    public LateStoreEffects {
        Objects.requireNonNull(counts, "counts");
        Map<FlowKind, Map<StationEffect, Long>> copy = new EnumMap<>(FlowKind.class);
        counts.forEach((kind, byEffect) -> copy.put(kind, ResultMaps.counts(StationEffect.class, byEffect,
                "counts of " + kind)));
        counts = ResultMaps.complete(FlowKind.class, copy, "counts");
    }

    /** The counts indexed by kind's, then effect's ordinal. */
    static LateStoreEffects of(long[][] byOrdinal) {
        Map<FlowKind, Map<StationEffect, Long>> counts = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            counts.put(kind, ResultMaps.counts(StationEffect.class, byOrdinal[kind.ordinal()]));
        }
        return new LateStoreEffects(Collections.unmodifiableMap(counts));
    }

    /** The counted flows of {@code kind} whose store made {@code effect} after they ended. */
    public long count(FlowKind kind, StationEffect effect) {
        return counts.get(kind).get(effect);
    }

    /** The late store effects of the counted flows of {@code kind}, every effect together. */
    public long of(FlowKind kind) {
        return ResultMaps.total(counts.get(kind));
    }

    /** The count-by-count sum. */
    public LateStoreEffects plus(LateStoreEffects other) {
        Map<FlowKind, Map<StationEffect, Long>> sum = new EnumMap<>(FlowKind.class);
        for (FlowKind kind : FlowKind.values()) {
            sum.put(kind, ResultMaps.sum(StationEffect.class, List.of(counts.get(kind), other.counts.get(kind))));
        }
        return new LateStoreEffects(sum);
    }
}
