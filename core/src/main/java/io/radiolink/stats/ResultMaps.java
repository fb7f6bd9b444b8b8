package io.radiolink.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Immutable copies of the enum- and id-keyed maps of the result types, which iterate in key order. */
final class ResultMaps {

    private ResultMaps() {}

    /**
     * An unmodifiable copy of {@code map} in ordinal order, which must hold a non-null value for every
     * constant of {@code type}.
     */
    static <E extends Enum<E>, V> Map<E, V> complete(Class<E> type, Map<E, V> map, String field) {
        Objects.requireNonNull(map, field);
        EnumMap<E, V> copy = new EnumMap<>(type);
        for (E key : type.getEnumConstants()) {
            V value = map.get(key);
            if (value == null) {
                throw new IllegalArgumentException(field + " lacks a value for " + key);
            }
            copy.put(key, value);
        }
        if (map.size() != copy.size()) {
            throw new IllegalArgumentException(field + " has keys that are not constants of " + type.getSimpleName());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Like {@link #complete}, for counts, which must also not be negative. */
    static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, Map<E, Long> counts, String field) {
        Map<E, Long> copy = complete(type, counts, field);
        copy.forEach((key, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException(field + " of " + key + " must be >= 0, was " + count);
            }
        });
        return copy;
    }

    /** An unmodifiable count map from counts indexed by ordinal. */
    static <E extends Enum<E>> Map<E, Long> counts(Class<E> type, long[] byOrdinal) {
        EnumMap<E, Long> map = new EnumMap<>(type);
        for (E key : type.getEnumConstants()) {
            map.put(key, byOrdinal[key.ordinal()]);
        }
        return Collections.unmodifiableMap(map);
    }

    /** An unmodifiable count map of every constant of {@code type}, each 0. */
    static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
        return counts(type, new long[type.getEnumConstants().length]);
    }

    /** The key-by-key sum of count maps over every constant of {@code type}. */
    static <E extends Enum<E>> Map<E, Long> sum(Class<E> type, Iterable<Map<E, Long>> maps) {
        long[] totals = new long[type.getEnumConstants().length];
        for (Map<E, Long> map : maps) {
            map.forEach((key, count) -> totals[key.ordinal()] += count);
        }
        return counts(type, totals);
    }

    /** An unmodifiable, id-ordered copy of {@code map} without null keys or values. */
    static <V> SortedMap<String, V> sorted(Map<String, V> map, String field) {
        Objects.requireNonNull(map, field);
        TreeMap<String, V> copy = new TreeMap<>();
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key, field + " key"),
                Objects.requireNonNull(value, field + " value")));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** The sum of the counts of {@code counts}. */
    static long total(Map<?, Long> counts) {
        long total = 0;
        for (long count : counts.values()) {
            total += count;
        }
        return total;
    }
}
