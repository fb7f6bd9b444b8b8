package io.radiolink.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.protocol.ArqConfig;
import io.radiolink.protocol.ControlConfig;
import io.radiolink.protocol.Flow;
import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowListener;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.protocol.FlowRecord;
import io.radiolink.protocol.ProtocolConfig;
import io.radiolink.radio.AirInterface;
import io.radiolink.radio.LinkConfig;
import io.radiolink.radio.NoLoss;
import io.radiolink.stats.ExperimentSummary;
import io.radiolink.stats.WorkloadCounts;
import io.radiolink.workload.Distribution;
import io.radiolink.workload.Relocation;
import io.radiolink.workload.WorkloadConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Restores placed by the workload's relocation model, with station storage, counted same-cell and cross-cell. */
final class RestoreRelocationTest {

    private static final LinkConfig LINK = new LinkConfig(1_000_000, 0.01, 1_000, 20, 20, NoLoss.INSTANCE);
    private static final AirInterface AIR = new AirInterface(LINK, LINK, 0.05, 0, Double.POSITIVE_INFINITY, 0.01);
    private static final WorkloadConfig WORKLOAD = WorkloadConfig.backupsOnly(1_000_000, 0.2,
            new Distribution.Fixed(2_000)).withRestores(0.5, new Distribution.Fixed(30));

    private static Simulation simulation(WorkloadConfig workload, int stations, FlowListener listener) {
        Simulation.Builder builder = Simulation.builder()
                .protocol(new ProtocolConfig(ArqConfig.selectiveRepeat(16, 0.2, 5), new ControlConfig(0.5, 3)))
                .airInterface(AIR)
                .workload(workload)
                .runLengthSeconds(1_000)
                .seed(7)
                .flowListener(listener);
        for (int i = 0; i < stations; i++) {
            builder.station("bs-" + i, 50, Long.MAX_VALUE);
        }
        return builder.build();
    }

    @Test
    void relocation_default_everyRestoreAtTheBackupsStationAndSameCell() {
        List<FlowRecord> records = new ArrayList<>();
        WorkloadCounts counts = simulation(WORKLOAD, 3, listener(records)).run().replications().get(0).workload();
        List<FlowRecord> downloads = records.stream().filter(r -> r.kind() == FlowKind.DOWNLOAD).toList();
        assertTrue(downloads.size() > 20, "enough restores: " + downloads.size());
        for (FlowRecord d : downloads) {
            assertEquals(backupStation(records, d), d.stationId());
            assertEquals(FlowOutcome.SUCCESS, d.outcome());
        }
        assertEquals(downloads.size(), counts.sameCellRestores().restores());
        assertEquals(0, counts.sameCellRestores().failed());
        assertEquals(0, counts.crossCellRestores().restores());
    }

    @Test
    void relocation_sameCellZero_everyRestoreElsewhereEndsCopyElsewhereWithStationStorage() {
        List<FlowRecord> records = new ArrayList<>();
        ExperimentSummary summary = ExperimentSummary.of(simulation(
                WORKLOAD.withRelocation(new Relocation.SameCell(0.0)), 3, listener(records)).run().replications());
        List<FlowRecord> downloads = records.stream().filter(r -> r.kind() == FlowKind.DOWNLOAD).toList();
        assertTrue(downloads.size() > 20, "enough restores: " + downloads.size());
        for (FlowRecord d : downloads) {
            assertNotEquals(backupStation(records, d), d.stationId());
            assertEquals(FlowOutcome.COPY_ELSEWHERE, d.outcome(), "that station holds no copy, the home station does");
        }
        WorkloadCounts counts = summary.workload();
        assertEquals(0, counts.sameCellRestores().restores());
        assertEquals(downloads.size(), counts.crossCellRestores().restores());
        assertEquals(downloads.size(), counts.crossCellRestores().failed());
        assertEquals(1.0, summary.relocation().crossCellShare().mean());
        assertEquals(1.0, summary.relocation().crossCellFailureShare().mean());
        assertTrue(Double.isNaN(summary.relocation().sameCellFailureShare().mean()), "no same-cell restore");
    }

    @Test
    void relocation_sameCellOne_sameResultsAsTheDefault() {
        List<FlowRecord> byDefault = new ArrayList<>();
        List<FlowRecord> named = new ArrayList<>();
        simulation(WORKLOAD, 3, listener(byDefault)).run();
        simulation(WORKLOAD.withRelocation(new Relocation.SameCell(1.0)), 3, listener(named)).run();
        assertEquals(byDefault, named);
    }

    @Test
    void relocation_matrixOfAnotherSize_refusedWhenBuilt() {
        Relocation.Matrix twoByTwo = new Relocation.Matrix(List.of(List.of(0.5, 0.5), List.of(0.5, 0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> simulation(WORKLOAD.withRelocation(twoByTwo), 3, FlowListener.NONE));
    }

    private static FlowListener listener(List<FlowRecord> records) {
        return new FlowListener() {
            @Override
            public void flowEnded(Flow flow, FlowRecord record) {
                records.add(record);
            }
        };
    }

    /** The station of the last backup of the download's number that ended before it started. */
    private static String backupStation(List<FlowRecord> records, FlowRecord download) {
        return records.stream()
                .filter(r -> r.kind() == FlowKind.BACKUP && r.terminalNumber().equals(download.addressedNumber())
                        && r.endSeconds() <= download.startSeconds())
                .reduce((first, second) -> second).orElseThrow().stationId();
    }
}
