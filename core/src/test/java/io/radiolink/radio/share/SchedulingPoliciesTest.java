package io.radiolink.radio.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry is closed: every policy the sealed interface permits has one name and one factory. */
final class SchedulingPoliciesTest {

    @Test
    void names_everyPermittedPolicyOnceInRegistrationOrder() {
        assertEquals(List.of("processorSharing", "roundRobin"), SchedulingPolicies.names());
        List<Class<?>> registered = SchedulingPolicies.names().stream()
                .<Class<?>>map(SchedulingPolicies::type).toList();
        assertEquals(Arrays.asList(SchedulingPolicy.class.getPermittedSubclasses()), registered);
    }

    @Test
    void nameOf_eachPolicy_theNameItsTypeIsRegisteredUnder() {
        assertEquals("processorSharing", SchedulingPolicies.nameOf(new ProcessorSharing()));
        assertEquals("roundRobin", SchedulingPolicies.nameOf(new RoundRobin(0.001)));
        assertSame(RoundRobin.class, SchedulingPolicies.type("roundRobin"));
    }

    @Test
    void type_unknownName_refusedListingTheNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchedulingPolicies.type("proportionalFair"));
        assertEquals("unknown scheduling policy 'proportionalFair'; allowed: processorSharing, roundRobin",
                e.getMessage());
    }

    @Test
    void discipline_eachPolicy_itsOwnImplementation() {
        io.radiolink.engine.lean.LeanScheduler scheduler = new io.radiolink.engine.lean.LeanScheduler();
        assertEquals(ProcessorSharingDiscipline.Queue.class,
                new CellDirection(scheduler, 1000, new ProcessorSharing()).open(1000, (u, t) -> { }).getClass());
        assertEquals(RoundRobinDiscipline.Queue.class,
                new CellDirection(scheduler, 1000, new RoundRobin(0.001)).open(1000, (u, t) -> { }).getClass());
    }
}
