package io.radiolink.protocol;

import static io.radiolink.protocol.ModelHarness.CLEAN_AIR;
import static io.radiolink.protocol.ModelHarness.PASSWORD;
import static io.radiolink.protocol.ModelHarness.replacementPhone;
import static io.radiolink.protocol.ModelHarness.terminalWithData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.node.BackupStore;
import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.StationConfig;
import io.radiolink.node.StoredBackup;
import io.radiolink.node.Terminal;
import io.radiolink.node.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A failed or interrupted transfer never replaces or corrupts a committed copy, and a copy is never
 * cleared before the downloading terminal's complete command arrived.
 */
final class NothingLostTest {

    private static final PhoneNumber NUMBER = PhoneNumber.of("0100");

    private static Terminal phoneWith(UserData data) {
        Terminal terminal = new Terminal(NUMBER, data);
        terminal.enterMaintenancePassword(PASSWORD);
        return terminal;
    }

    @Test
    void backup_droppedWhileReplacingCopy_committedCopyUntouchedAndStagingReleased() {
        UserData old = UserData.synthetic(1_000, 10, 1);
        UserData newer = UserData.synthetic(200_000, 20, 2);
        List<UserData> storedDuringTransfer = new ArrayList<>();
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.phaseHook = (flow, phase) -> {
            if (flow.id() == 1 && phase == FlowPhase.TRANSFER) {
                storedDuringTransfer.add(station.get().store().find(NUMBER).orElseThrow().data());
            }
        };
        h.run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR.withMeanTimeToFailureSeconds(5))));
            BackupStore store = station.get().store();
            store.commit(store.reserve(1_000).orElseThrow(), NUMBER, old,
                    io.radiolink.node.PasswordVerifier.of(NUMBER, PASSWORD), 0);
            m.service().terminals().startBackup(phoneWith(old), station.get()); // flow 0: a placeholder that succeeds or drops
            m.at(100, () -> m.service().terminals().startBackup(phoneWith(newer), station.get()));
        });

        FlowRecord replacing = h.records.get(1);
        assertEquals(FlowOutcome.LINK_DROPPED, replacing.outcome(), "200 kB take ~18 s; the link lasts ~5 s");
        assertEquals(List.of(old), storedDuringTransfer, "the old copy stays while the new one stages");
        assertEquals(old, station.get().store().find(NUMBER).orElseThrow().data());
        assertEquals(0, station.get().store().stagedBytes(), "the staging reservation was released");
        assertEquals(1_000, station.get().store().committedBytes());
    }

    @Test
    void backup_completedReplacement_replacesOnlyAtCommit() {
        UserData old = UserData.synthetic(1_000, 10, 1);
        UserData newer = UserData.synthetic(3_000, 20, 2);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        List<Long> versions = new ArrayList<>();
        ModelHarness h = new ModelHarness();
        h.phaseHook = (flow, phase) -> station.get().store().find(NUMBER).ifPresent(c -> versions.add(c.version()));
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(phoneWith(old), station.get());
            m.at(100, () -> m.service().terminals().startBackup(phoneWith(newer), station.get()));
        });

        StoredBackup copy = station.get().store().find(NUMBER).orElseThrow();
        assertEquals(newer, copy.data());
        assertEquals(3_000, station.get().store().committedBytes(), "the old copy's space was given back");
        assertTrue(versions.indexOf(copy.version()) > versions.lastIndexOf(1L), "version 1 until the commit");
    }

    @Test
    void download_newerBackupCommitsDuringDownload_newerCopyIsNotCleared() {
        UserData old = UserData.synthetic(100_000, 10, 1);
        UserData newer = UserData.synthetic(1_000, 20, 2);
        Terminal b = replacementPhone("0200", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(CLEAN_AIR));
            m.service().terminals().startBackup(phoneWith(old), station.get());
            m.at(100, () -> m.service().terminals().startDownload(b, NUMBER, station.get()));
            // The 100 kB download runs ~9 s; a small backup of the same number commits within it.
            m.at(102, () -> m.service().terminals().startBackup(phoneWith(newer), station.get()));
        });

        FlowRecord download = h.records.stream().filter(r -> r.kind() == FlowKind.DOWNLOAD).findFirst().orElseThrow();
        FlowRecord second = h.records.get(1);
        assertEquals(FlowOutcome.SUCCESS, second.outcome());
        assertTrue(second.endSeconds() < download.endSeconds(), "the second backup committed first");
        assertEquals(FlowOutcome.SUCCESS, download.outcome());
        assertEquals(old, b.userData().orElseThrow(), "B got the copy it asked for");
        assertEquals(StationEffect.CONFIRMED, download.stationEffect(), "nothing cleared");
        assertEquals(newer, station.get().store().find(NUMBER).orElseThrow().data());
    }

    @Test
    void download_droppedMidTransfer_copyKept() {
        UserData data = UserData.synthetic(200_000, 10, 1);
        Terminal b = replacementPhone("0200", PASSWORD);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        ModelHarness h = new ModelHarness();
        h.run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 2, 1_000_000, CLEAN_AIR.withMeanTimeToFailureSeconds(5))));
            BackupStore store = station.get().store();
            store.commit(store.reserve(200_000).orElseThrow(), NUMBER, data,
                    io.radiolink.node.PasswordVerifier.of(NUMBER, PASSWORD), 0);
            m.service().terminals().startDownload(b, NUMBER, station.get());
        });

        assertEquals(FlowOutcome.LINK_DROPPED, h.records.get(0).outcome());
        assertEquals(data, station.get().store().find(NUMBER).orElseThrow().data());
        assertTrue(b.userData().isEmpty(), "B stores nothing partial");
    }

    @Test
    void store_failedBackupsOnLossyLinks_neverChangeCommittedCopies() {
        // Many backups over a link that drops often, all replacing one number's copy: after each flow,
        // the committed copy is either the previous one or the flow's own data, and only on commit.
        UserData first = UserData.synthetic(2_000, 1, 0);
        AtomicReference<BaseStation> station = new AtomicReference<>();
        List<String> violations = new ArrayList<>();
        List<UserData> offered = new ArrayList<>();
        ModelHarness h = new ModelHarness().seed(7);
        h.run(m -> {
            station.set(m.station(StationConfig.of("bs-1", 1, 10_000_000,
                    CLEAN_AIR.withMeanTimeToFailureSeconds(1.0).withLossModel(new io.radiolink.radio.BernoulliLoss(0.2)))));
            BackupStore store = station.get().store();
            store.commit(store.reserve(2_000).orElseThrow(), NUMBER, first,
                    io.radiolink.node.PasswordVerifier.of(NUMBER, PASSWORD), 0);
            for (int i = 1; i <= 200; i++) {
                UserData data = UserData.synthetic(1_000 + 50L * i, i, i);
                offered.add(data);
                m.at(20.0 * i, () -> m.service().terminals().startBackup(phoneWith(data), station.get()));
            }
        });
        UserData expected = first;
        for (FlowRecord r : h.records) {
            UserData own = offered.get((int) r.flowId());
            if (r.stationEffect() == StationEffect.COMMITTED) {
                expected = own;
            } else if (r.outcome().isSuccess()) {
                violations.add("flow " + r.flowId() + " succeeded without a commit");
            }
        }
        assertTrue(violations.isEmpty(), violations.toString());
        assertEquals(expected, station.get().store().find(NUMBER).orElseThrow().data());
        assertEquals(0, station.get().store().stagedBytes());
        long successes = h.records.stream().filter(r -> r.outcome().isSuccess()).count();
        assertTrue(successes > 0 && successes < 200, "the link is bad enough to fail some and good enough for some: "
                + successes);
        assertNotEquals(first, expected);
    }
}
