package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.radiolink.profile.Profile;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.CellCapacity;
import io.radiolink.radio.share.ProcessorSharing;
import io.radiolink.radio.share.RoundRobin;
import io.radiolink.radio.share.SchedulingPolicies;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cell capacity mode in a scenario file: {@code airInterface.capacity}, bound, resolved, built, refused. */
final class CapacityFormatTest {

    @TempDir
    Path dir;

    private static String withAir(String air) {
        return Scenarios.withTop(Scenarios.MINIMAL, "\"airInterface\": " + air);
    }

    private CellCapacity capacityOf(String json) throws ScenarioException {
        return Scenarios.load(dir, json).points().get(0).config().stations().get(0).airInterface().capacity();
    }

    @Test
    void schedulerNames_areTheRegistrysInItsOrder() {
        assertEquals(SchedulingPolicies.names(), ScenarioFile.variantsOf(ScenarioFile.Scheduler.class));
    }

    @Test
    void schedulerVariants_buildThePolicyRegisteredUnderTheirName() throws Invalid {
        List<ScenarioFile.Scheduler> variants = List.of(new ScenarioFile.Scheduler.ProcessorSharing(),
                new ScenarioFile.Scheduler.RoundRobin(0.001));
        List<String> names = ScenarioFile.variantsOf(ScenarioFile.Scheduler.class);
        assertEquals(names.size(), variants.size(), "a variant per name");
        for (int i = 0; i < variants.size(); i++) {
            assertEquals(names.get(i), SchedulingPolicies.nameOf(variants.get(i).toModel("s")));
        }
    }

    @Test
    void load_capacityLeftOut_isTheProfilesWrittenOut() throws ScenarioException {
        ResolvedScenario scenario = Scenarios.load(dir, Scenarios.withTop(Scenarios.MINIMAL,
                "\"profile\": \"CIRCUIT_SWITCHED_DATA\""));

        assertEquals(AirInterface.DEDICATED, scenario.points().get(0).config().stations().get(0).airInterface().capacity());
        assertEquals("{\"mode\":\"dedicated\"}", scenario.resolved().at("/airInterface/capacity").toString());
    }

    @Test
    void load_capacityLeftOut_lteIsShared() throws ScenarioException {
        assertEquals(Profile.LTE.airInterface().capacity(), capacityOf(Scenarios.MINIMAL));
    }

    @Test
    void load_sharedAloneUnderLte_takesTheProfilesCapacities() throws ScenarioException {
        assertEquals(Profile.LTE.airInterface().capacity(), capacityOf(withAir("{\"capacity\": {\"mode\": \"shared\"}}")));
        assertEquals(new CellCapacity.Shared(1e6, 33.8e6, new RoundRobin(0.001)), capacityOf(withAir(
                "{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 1000000, \"scheduler\": "
                        + "{\"policy\": \"roundRobin\", \"intervalSeconds\": 0.001}}}")));
    }

    @Test
    void load_dedicated_buildsTheDedicatedMode() throws ScenarioException {
        assertEquals(AirInterface.DEDICATED, capacityOf(withAir("{\"capacity\": {\"mode\": \"dedicated\"}}")));
    }

    @Test
    void load_sharedWithoutScheduler_processorSharing() throws ScenarioException {
        String json = withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 2000000, "
                + "\"downlinkBitsPerSecond\": 8000000}}");

        assertEquals(new CellCapacity.Shared(2e6, 8e6, new ProcessorSharing()), capacityOf(json));
        JsonNode resolved = Scenarios.load(dir, json).resolved().at("/airInterface/capacity");
        assertEquals("{\"mode\":\"shared\",\"uplinkBitsPerSecond\":2000000.0,\"downlinkBitsPerSecond\":8000000.0,"
                + "\"scheduler\":{\"policy\":\"processorSharing\"}}", resolved.toString());
    }

    @Test
    void load_sharedRoundRobin_buildsItsInterval() throws ScenarioException {
        String json = withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 2000000, "
                + "\"downlinkBitsPerSecond\": 8000000, \"scheduler\": {\"policy\": \"roundRobin\", "
                + "\"intervalSeconds\": 0.001}}}");

        assertEquals(new CellCapacity.Shared(2e6, 8e6, new RoundRobin(0.001)), capacityOf(json));
    }

    @Test
    void load_sweptCapacity_eachPointItsOwn() throws ScenarioException {
        String json = Scenarios.withTop(withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 2000000, "
                + "\"downlinkBitsPerSecond\": 8000000}}"), "\"sweep\": {\"parameters\": [{\"path\": "
                + "\"airInterface.capacity.uplinkBitsPerSecond\", \"values\": [1000000, 3000000]}]}");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        assertEquals(2, scenario.points().size());
        for (int i = 0; i < 2; i++) {
            CellCapacity.Shared shared = (CellCapacity.Shared) scenario.points().get(i).config().stations().get(0)
                    .airInterface().capacity();
            assertEquals(i == 0 ? 1e6 : 3e6, shared.uplinkBitsPerSecond());
            assertEquals(8e6, shared.downlinkBitsPerSecond());
        }
    }

    @Test
    void load_sweptMode_wholeObjects() throws ScenarioException {
        String json = Scenarios.withTop(Scenarios.MINIMAL, "\"sweep\": {\"parameters\": [{\"path\": "
                + "\"airInterface.capacity\", \"values\": [{\"mode\": \"dedicated\"}, {\"mode\": \"shared\", "
                + "\"uplinkBitsPerSecond\": 1000000, \"downlinkBitsPerSecond\": 2000000}]}]}");

        ResolvedScenario scenario = Scenarios.load(dir, json);

        assertEquals(AirInterface.DEDICATED, scenario.points().get(0).config().stations().get(0).airInterface().capacity());
        assertEquals(new CellCapacity.Shared(1e6, 2e6, new ProcessorSharing()),
                scenario.points().get(1).config().stations().get(0).airInterface().capacity());
    }

    @Test
    void load_unknownMode_locatedWithTheModes() {
        String message = Scenarios.error(dir, withAir("{\"capacity\": {\"mode\": \"share\"}}"));

        assertTrue(message.contains("airInterface.capacity.mode: unknown capacity mode 'share'; allowed: dedicated, "
                + "shared; did you mean 'shared'?"), message);
    }

    @Test
    void load_unknownPolicy_locatedWithTheRegistrysNames() {
        String message = Scenarios.error(dir, withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 1, "
                + "\"downlinkBitsPerSecond\": 1, \"scheduler\": {\"policy\": \"roundRobn\"}}}"));

        assertTrue(message.contains("airInterface.capacity.scheduler.policy: unknown scheduling policy 'roundRobn'; "
                + "allowed: " + String.join(", ", SchedulingPolicies.names())), message);
    }

    @Test
    void load_sharedWithoutUplinkCapacity_requiredWhereTheProfileIsDedicated() {
        String message = Scenarios.error(dir, Scenarios.withTop(withAir("{\"capacity\": {\"mode\": \"shared\", "
                + "\"downlinkBitsPerSecond\": 1000000}}"), "\"profile\": \"CIRCUIT_SWITCHED_DATA\""));

        assertTrue(message.contains("airInterface.capacity.uplinkBitsPerSecond: required field missing; allowed: "
                + "a finite number >= 1 (bit/s)"), message);
    }

    @Test
    void load_capacityBelowOneBit_locatedWithTheRange() {
        String message = Scenarios.error(dir, withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 0.5, "
                + "\"downlinkBitsPerSecond\": 1000000}}"));

        assertTrue(message.matches(":\\d+:\\d+: airInterface\\.capacity\\.uplinkBitsPerSecond: must be .*"), message);
    }

    @Test
    void load_roundRobinWithoutInterval_required() {
        String message = Scenarios.error(dir, withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 1, "
                + "\"downlinkBitsPerSecond\": 1, \"scheduler\": {\"policy\": \"roundRobin\"}}}"));

        assertTrue(message.contains("airInterface.capacity.scheduler.intervalSeconds: required field missing"), message);
    }

    @Test
    void load_intervalOfProcessorSharing_unknownField() {
        String message = Scenarios.error(dir, withAir("{\"capacity\": {\"mode\": \"shared\", \"uplinkBitsPerSecond\": 1, "
                + "\"downlinkBitsPerSecond\": 1, \"scheduler\": {\"policy\": \"processorSharing\", \"intervalSeconds\": 1}}}"));

        assertTrue(message.contains("unknown field 'intervalSeconds'"), message);
    }
}
