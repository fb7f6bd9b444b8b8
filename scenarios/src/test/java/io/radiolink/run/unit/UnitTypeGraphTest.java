package io.radiolink.run.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.UnitResult;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * Every type a unit is made of is one the codec writes: a walk of {@link UnitResult}'s records through
 * their generic component types, so that a new component of {@code ReplicationResult} of a type the codec
 * cannot write fails here, named, and not when the first unit is written.
 */
final class UnitTypeGraphTest {

    /** Every record reachable from {@code root} through component types and their type arguments. */
    private static Set<Class<?>> records(Type root) {
        Set<Class<?>> records = new LinkedHashSet<>();
        List<Type> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Type type = pending.remove(pending.size() - 1);
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
            } else if (type instanceof Class<?> c && c.isRecord() && records.add(c)) {
                for (RecordComponent component : c.getRecordComponents()) {
                    pending.add(component.getGenericType());
                }
            }
        }
        return records;
    }

    @Test
    void unitResult_everyComponentOfEveryRecordInIt_writableByTheCodec() {
        Set<Class<?>> records = records(UnitResult.class);
        List<String> unwritable = new ArrayList<>();
        for (Class<?> record : records) {
            for (RecordComponent component : record.getRecordComponents()) {
                try {
                    RecordCodec.codecFor(component.getGenericType());
                } catch (IllegalArgumentException e) {
                    unwritable.add(record.getName() + "." + component.getName() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), unwritable);
        List<String> names = records.stream().map(Class::getSimpleName).toList();
        for (String expected : List.of("UnitResult", "ReplicationResult", "FlowRow", "FlowStatistics", "FlowCounts",
                "LateStoreEffects", "BackhaulUsage", "Directions", "BackhaulStatistics", "Delays", "CellShare")) {
            assertTrue(names.contains(expected), "the walk reaches " + expected + ": " + names);
        }
    }

    private record WithOptional(Optional<String> name) {}

    private record WithSet(Set<String> names) {}

    private record WithUnsortedMap(Map<String, Long> counts) {}

    private record WithSortedEnumMap(SortedMap<Thread.State, Long> counts) {}

    private record WithBoxed(Integer count) {}

    private record Nested(List<WithSet> sets) {}

    private record WithClass(StringBuilder text) {}

    @Test
    void codecFor_aTypeOutsideTheList_refusedNamingTheTypeAndThePath() {
        assertRefused(WithOptional.class, "WithOptional.name: the unit codec cannot write java.util.Optional<java.lang.String>");
        assertRefused(WithSet.class, "WithSet.names: the unit codec cannot write java.util.Set<java.lang.String>");
        assertRefused(WithUnsortedMap.class, "WithUnsortedMap.counts: the unit codec writes a Map with enum keys");
        assertRefused(WithSortedEnumMap.class, "not a SortedMap keyed by State");
        assertRefused(WithBoxed.class, "WithBoxed.count: the unit codec cannot write Integer");
        assertRefused(Nested.class, "Nested.sets[].names: the unit codec cannot write java.util.Set<java.lang.String>");
        assertRefused(WithClass.class, "WithClass.text: the unit codec cannot write StringBuilder");
    }

    private static void assertRefused(Class<?> record, String expected) {
        String message = assertThrows(IllegalArgumentException.class, () -> RecordCodec.codecFor(record)).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
