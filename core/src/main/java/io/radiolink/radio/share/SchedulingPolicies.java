package io.radiolink.radio.share;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The registry of scheduling policies: each {@link SchedulingPolicy} record with the name a scenario
 * file gives it and the factory of its {@code Discipline}. The set is closed: a policy permitted by
 * {@link SchedulingPolicy} without exactly one entry here stops this class from loading (so every
 * direction fails to build, and {@code SchedulingPoliciesTest} with it), and a name that is not
 * registered is refused with the list of those that are; nothing falls back to another policy.
 */
public final class SchedulingPolicies {

    /** Makes the discipline of policies of type {@code P} for a direction. */
    @FunctionalInterface
    private interface Factory<P extends SchedulingPolicy> {
        Discipline create(P policy, CellDirection direction);
    }

    /** One policy: its name, its record type, its factory. */
    private record Entry<P extends SchedulingPolicy>(String name, Class<P> type, Factory<P> factory) {
        Discipline create(SchedulingPolicy policy, CellDirection direction) {
            return factory.create(type.cast(policy), direction);
        }
    }

    private static final List<Entry<?>> ENTRIES = List.of(
            new Entry<>("processorSharing", ProcessorSharing.class,
                    (policy, direction) -> new ProcessorSharingDiscipline(direction)),
            new Entry<>("roundRobin", RoundRobin.class,
                    (policy, direction) -> new RoundRobinDiscipline(direction, policy.intervalSeconds())));

    static {
        List<Class<?>> permitted = Arrays.asList(SchedulingPolicy.class.getPermittedSubclasses());
        List<Class<?>> registered = new ArrayList<>();
        for (Entry<?> entry : ENTRIES) {
            registered.add(entry.type());
        }
        if (registered.size() != permitted.size() || !registered.containsAll(permitted)
                || ENTRIES.stream().map(Entry::name).distinct().count() != ENTRIES.size()) {
            throw new IllegalStateException("the scheduling policies registered, " + registered
                    + ", are not each policy SchedulingPolicy permits, " + permitted + ", once under a name of its own");
        }
    }

    private SchedulingPolicies() {}

    /** The registered names, in registration order: {@code processorSharing}, {@code roundRobin}. */
    public static List<String> names() {
        return ENTRIES.stream().map(Entry::name).toList();
    }

    /**
     * The record type of the policy registered as {@code name}.
     *
     * @throws IllegalArgumentException if no policy has that name; the message lists the names
     */
    public static Class<? extends SchedulingPolicy> type(String name) {
        Objects.requireNonNull(name, "name");
        for (Entry<?> entry : ENTRIES) {
            if (entry.name().equals(name)) {
                return entry.type();
            }
        }
        throw new IllegalArgumentException("unknown scheduling policy '" + name + "'; allowed: "
                + String.join(", ", names()));
    }

    /** The name {@code policy}'s type is registered under. */
    public static String nameOf(SchedulingPolicy policy) {
        return entryOf(policy).name();
    }

    /** The discipline that implements {@code policy} for {@code direction}. */
    static Discipline discipline(SchedulingPolicy policy, CellDirection direction) {
        return entryOf(policy).create(policy, direction);
    }

    private static Entry<?> entryOf(SchedulingPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        for (Entry<?> entry : ENTRIES) {
            if (entry.type() == policy.getClass()) {
                return entry;
            }
        }
        // Unreachable while the static check holds: every permitted type has its entry.
        throw new IllegalStateException("no scheduling policy registered for " + policy.getClass());
    }
}
