package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.radiolink.node.OutageConfig;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import io.radiolink.profile.Profile;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.workload.ScriptedFlow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedding API refuses what it cannot run at the call, naming the argument: indexes out of range, nulls. */
final class LibraryArgumentsTest {

    private static Simulation twoReplications() {
        return Simulation.builder().profile(Profile.LTE).station("cell", 1, 1_000_000)
                .scriptedFlow(ScriptedFlow.backup(0, "cell", PhoneNumber.of("1"), 1000, 1, "pw"))
                .runLengthSeconds(10).replications(2).build();
    }

    @Test
    void runReplication_outsideZeroToReplications_rejectedNamingTheRange() {
        Simulation simulation = twoReplications();

        InvalidFieldException above = assertThrows(InvalidFieldException.class, () -> simulation.runReplication(2));
        InvalidFieldException below = assertThrows(InvalidFieldException.class, () -> simulation.runReplication(-1));

        assertEquals("replication must be from 0 to 1, was 2", above.getMessage());
        assertEquals("replication must be from 0 to 1, was -1", below.getMessage());
        simulation.runReplication(1);
    }

    @Test
    void builderProfile_null_namesTheParameter() {
        assertEquals("profile", assertThrows(NullPointerException.class,
                () -> Simulation.builder().profile(null)).getMessage());
        assertEquals("config", assertThrows(NullPointerException.class,
                () -> Simulation.builder().config(null)).getMessage());
    }

    @Test
    void startBackupAndDownload_nulls_nameTheParameter() {
        Simulation simulation = twoReplications();
        List<String> messages = new ArrayList<>();
        simulation = Simulation.builder().config(simulation.config()).script(model -> {
            Terminal phone = new Terminal(PhoneNumber.of("2"), UserData.synthetic(10, 1, 7));
            messages.add(assertThrows(NullPointerException.class,
                    () -> model.service().terminals().startBackup(phone, null)).getMessage());
            messages.add(assertThrows(NullPointerException.class,
                    () -> model.service().terminals().startBackup(null, model.stations().get(0))).getMessage());
            messages.add(assertThrows(NullPointerException.class,
                    () -> model.service().terminals().startDownload(phone, null, model.stations().get(0))).getMessage());
        }).build();

        simulation.runReplication(0);

        assertEquals(List.of("station", "terminal", "storedNumber"), messages);
    }

    @Test
    void userDataOfBytes_null_namesTheParameter() {
        assertEquals("bytes", assertThrows(NullPointerException.class, () -> UserData.ofBytes(null, 1)).getMessage());
    }

    @Test
    void outages_nullInTheList_namesTheElement() {
        List<OutageConfig.DownPeriod> periods = Arrays.asList(new OutageConfig.DownPeriod(1, 2), null);

        assertEquals("scheduled[1]", assertThrows(NullPointerException.class,
                () -> OutageConfig.scheduled(periods, true)).getMessage());
    }

    @Test
    void simulationConfig_nullStationOrFlow_namesTheElement() {
        StationConfig station = StationConfig.of("cell", 1, 1, Profile.LTE.airInterface());
        List<StationConfig> stations = Arrays.asList(station, null);
        List<ScriptedFlow> flows = Arrays.asList((ScriptedFlow) null);

        assertEquals("stations[1]", assertThrows(NullPointerException.class, () -> new SimulationConfig(stations,
                Profile.LTE.protocolConfig(), null, 10, 0, 1, 1)).getMessage());
        assertEquals("scriptedFlows[0]", assertThrows(NullPointerException.class, () -> new SimulationConfig(
                List.of(station), Profile.LTE.protocolConfig(), null, 10, 0, 1, 1, flows)).getMessage());
    }
}
