package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.PhoneNumber;
import io.radiolink.profile.Profile;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.radio.InvalidFieldException;
import io.radiolink.workload.ScriptedFlow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Flows scripted at fixed times: started as written, counted, validated against the topology. */
final class ScriptedFlowsTest {

    private static final PhoneNumber A = PhoneNumber.of("0100");
    private static final PhoneNumber B = PhoneNumber.of("0200");

    @Test
    void scriptedFlows_backupThenRestore_runAtTheirTimesAndSucceed() {
        List<FlowRecord> records = new ArrayList<>();
        SimulationResult result = Simulation.builder()
                .profile(Profile.LTE)
                .airInterface(Profile.LTE.airInterface().withLossModel(io.radiolink.radio.NoLoss.INSTANCE))
                .station("bs-1", 2, 1_000_000_000)
                .scriptedFlow(ScriptedFlow.backup(5, "bs-1", A, 300_000, 500, "1234"))
                .scriptedFlow(ScriptedFlow.download(600, "bs-1", B, A, "1234"))
                .scriptedFlow(ScriptedFlow.backup(700, "bs-1", A, 1_000, 5, null))
                .runLengthSeconds(1_000)
                .flowListener(new FlowListener() {
                    @Override
                    public void flowEnded(Flow flow, FlowRecord record) {
                        records.add(record);
                    }
                })
                .build()
                .run();
        assertEquals(List.of(FlowOutcome.SUCCESS, FlowOutcome.SUCCESS, FlowOutcome.PASSWORD_NOT_ENTERED),
                records.stream().map(FlowRecord::outcome).toList());
        assertEquals(5.0, records.get(0).startSeconds());
        assertEquals(600.0, records.get(1).startSeconds());
        assertEquals(300_000, records.get(1).userDataBytes());
        assertEquals(1, result.summary().flowsOf(FlowKind.DOWNLOAD).counts().flows());
    }

    @Test
    void config_flowAtUnknownStationOrAfterRunLength_rejected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Simulation.builder().profile(Profile.LTE)
                .station("bs-1", 1, 1_000).scriptedFlow(ScriptedFlow.backup(1, "bs-9", A, 10, 1, "x"))
                .runLengthSeconds(10).build()).getMessage().contains("bs-9"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Simulation.builder().profile(Profile.LTE)
                .station("bs-1", 1, 1_000).scriptedFlow(ScriptedFlow.backup(11, "bs-1", A, 10, 1, "x"))
                .runLengthSeconds(10).build()).getMessage().contains("runLengthSeconds"));
    }

    @Test
    void constructors_badField_rejectedNamingIt() {
        assertEquals("atSeconds", invalidField(() -> ScriptedFlow.backup(-1, "bs-1", A, 10, 1, null)));
        assertEquals("userDataBytes", invalidField(() -> ScriptedFlow.backup(1, "bs-1", A, 0, 1, null)));
        assertEquals("recordCount", invalidField(() -> ScriptedFlow.backup(1, "bs-1", A, 10, -1, null)));
        assertEquals("password", invalidField(() -> ScriptedFlow.backup(1, "bs-1", A, 10, 1, "")));
        assertEquals("atSeconds", invalidField(() -> ScriptedFlow.download(-1, "bs-1", B, A, null)));
        assertEquals("password", invalidField(() -> ScriptedFlow.download(1, "bs-1", B, A, "")));
        assertEquals("storedNumber", assertThrows(NullPointerException.class,
                () -> ScriptedFlow.download(1, "bs-1", B, null, null)).getMessage());
        assertEquals("terminalNumber", assertThrows(NullPointerException.class,
                () -> ScriptedFlow.backup(1, "bs-1", null, 10, 1, null)).getMessage());
    }

    private static String invalidField(Executable build) {
        return assertThrows(InvalidFieldException.class, build).field();
    }

    @Test
    void toString_scriptedFlowAndConfig_neverShowThePassword() {
        ScriptedFlow flow = ScriptedFlow.backup(1, "bs-1", A, 10, 1, "s3cret");
        assertEquals("Backup[atSeconds=1.0, stationId=bs-1, terminalNumber=0100, userDataBytes=10, recordCount=1,"
                + " password=***]", flow.toString());
        assertEquals("Download[atSeconds=1.0, stationId=bs-1, terminalNumber=0200, storedNumber=0100, password=***]",
                ScriptedFlow.download(1, "bs-1", B, A, "s3cret").toString());
        assertTrue(ScriptedFlow.download(1, "bs-1", B, A, null).toString().endsWith("password=null]"));
        SimulationConfig config = Simulation.builder().profile(Profile.LTE).station("bs-1", 1, 1_000).scriptedFlow(flow)
                .runLengthSeconds(10).build().config();
        assertTrue(config.toString().contains("password=***") && !config.toString().contains("s3cret"), config.toString());
    }
}
