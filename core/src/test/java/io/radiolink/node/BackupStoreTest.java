package io.radiolink.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Space accounting of {@link BackupStore}: committed copies plus staging reservations. */
final class BackupStoreTest {

    private static final PhoneNumber ALICE = PhoneNumber.of("+491701111111");
    private static final PhoneNumber BOB = PhoneNumber.of("+491702222222");
    private static final PasswordVerifier ALICE_VERIFIER = PasswordVerifier.of(ALICE, "4711");
    private static final PasswordVerifier BOB_VERIFIER = PasswordVerifier.of(BOB, "0815");

    private static UserData data(long sizeBytes, long label) {
        return UserData.synthetic(sizeBytes, 10, label);
    }

    private static Reservation reserve(BackupStore store, long bytes) {
        return store.reserve(bytes).orElseThrow(() -> new AssertionError("no room for " + bytes + " bytes"));
    }

    private static StoredBackup backUp(BackupStore store, PhoneNumber phone, long sizeBytes, long label,
            double nowSeconds) {
        return store.commit(reserve(store, sizeBytes), phone, data(sizeBytes, label),
                PasswordVerifier.of(phone, "pw"), nowSeconds);
    }

    /** Checks the three counters and that free space is what is left of the capacity. */
    private static void assertSpace(BackupStore store, long committed, long staged) {
        assertEquals(committed, store.committedBytes(), "committed bytes");
        assertEquals(staged, store.stagedBytes(), "staged bytes");
        assertEquals(store.capacityBytes() - committed - staged, store.freeBytes(), "free bytes");
    }

    @Test
    void newStore_empty_allSpaceFree() {
        BackupStore store = new BackupStore(1_000);
        assertEquals(1_000, store.capacityBytes());
        assertSpace(store, 0, 0);
        assertTrue(store.committedCopies().isEmpty());
        assertEquals(Optional.empty(), store.find(ALICE));
    }

    @Test
    void constructor_capacityBelowOne_rejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BackupStore(0));
        assertTrue(e.getMessage().contains("storageCapacityBytes"), e.getMessage());
    }

    @Test
    void reserve_withinFreeSpace_stagesTheBytes() {
        BackupStore store = new BackupStore(1_000);
        Reservation first = reserve(store, 300);
        Reservation second = reserve(store, 700); // exactly the rest
        assertEquals(300, first.bytes());
        assertTrue(first.isActive() && second.isActive());
        assertSpace(store, 0, 1_000);
    }

    @Test
    void reserve_moreThanFree_emptyAndNothingChanges() {
        BackupStore store = new BackupStore(1_000);
        reserve(store, 400);
        assertEquals(Optional.empty(), store.reserve(601));
        assertSpace(store, 0, 400);
        assertEquals(Optional.empty(), new BackupStore(10).reserve(Long.MAX_VALUE));
    }

    @Test
    void reserve_lessThanOneByte_rejected() {
        BackupStore store = new BackupStore(1_000);
        assertThrows(IllegalArgumentException.class, () -> store.reserve(0));
        assertThrows(IllegalArgumentException.class, () -> store.reserve(-1));
        assertSpace(store, 0, 0);
    }

    @Test
    void reserve_capacityCountsCommittedAndStaged() {
        BackupStore store = new BackupStore(1_000);
        backUp(store, ALICE, 600, 1, 0.0);
        reserve(store, 300);
        assertSpace(store, 600, 300);
        assertEquals(Optional.empty(), store.reserve(101));
        reserve(store, 100);
        assertSpace(store, 600, 400);
        assertEquals(Optional.empty(), store.reserve(1));
    }

    @Test
    void commit_activeReservation_becomesTheCommittedCopy() {
        BackupStore store = new BackupStore(1_000);
        Reservation reservation = reserve(store, 600);
        UserData data = data(600, 1);

        StoredBackup copy = store.commit(reservation, ALICE, data, ALICE_VERIFIER, 12.5);

        assertFalse(reservation.isActive());
        assertSpace(store, 600, 0);
        assertEquals(new StoredBackup(ALICE, data, ALICE_VERIFIER, copy.version(), 12.5), copy);
        assertEquals(Optional.of(copy), store.find(ALICE));
        assertEquals(Optional.empty(), store.find(BOB));
    }

    @Test
    void commit_successiveCommits_increasingVersions() {
        BackupStore store = new BackupStore(1_000);
        long first = backUp(store, ALICE, 100, 1, 0.0).version();
        long second = backUp(store, BOB, 100, 2, 1.0).version();
        long third = backUp(store, ALICE, 100, 3, 2.0).version();
        assertTrue(first < second && second < third, first + ", " + second + ", " + third);
    }

    @Test
    void commit_replacingACopy_needsRoomForBothUntilCommitThenGivesBackTheOldSpace() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup old = backUp(store, ALICE, 600, 1, 0.0);

        // The old copy stays until the new one commits, so a second 600 does not fit beside it.
        assertEquals(Optional.empty(), store.reserve(600));
        Reservation replacement = reserve(store, 400);
        assertSpace(store, 600, 400);
        assertEquals(Optional.of(old), store.find(ALICE), "old copy untouched while staging");

        StoredBackup copy = store.commit(replacement, ALICE, data(400, 2), ALICE_VERIFIER, 5.0);

        assertSpace(store, 400, 0);
        assertEquals(Optional.of(copy), store.find(ALICE));
        assertEquals(List.of(copy), List.copyOf(store.committedCopies()));
    }

    @Test
    void release_activeReservation_givesTheSpaceBackOnceOnly() {
        BackupStore store = new BackupStore(1_000);
        Reservation kept = reserve(store, 200);
        Reservation released = reserve(store, 300);

        store.release(released);
        assertFalse(released.isActive());
        assertSpace(store, 0, 200);

        store.release(released); // idempotent
        assertSpace(store, 0, 200);
        assertTrue(kept.isActive());
    }

    @Test
    void release_failedBackup_leavesTheCommittedCopyAlone() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup old = backUp(store, ALICE, 500, 1, 0.0);
        store.release(reserve(store, 500));
        assertEquals(Optional.of(old), store.find(ALICE));
        assertSpace(store, 500, 0);
    }

    @Test
    void release_afterCommit_changesNothing() {
        BackupStore store = new BackupStore(1_000);
        Reservation reservation = reserve(store, 100);
        store.commit(reservation, ALICE, data(100, 1), ALICE_VERIFIER, 0.0);
        store.release(reservation);
        assertSpace(store, 100, 0);
    }

    @Test
    void commit_releasedOrAlreadyCommittedReservation_throws() {
        BackupStore store = new BackupStore(1_000);
        Reservation released = reserve(store, 100);
        store.release(released);
        assertThrows(IllegalStateException.class,
                () -> store.commit(released, ALICE, data(100, 1), ALICE_VERIFIER, 0.0));

        Reservation committed = reserve(store, 100);
        store.commit(committed, ALICE, data(100, 1), ALICE_VERIFIER, 0.0);
        assertThrows(IllegalStateException.class,
                () -> store.commit(committed, BOB, data(100, 2), BOB_VERIFIER, 1.0));

        assertSpace(store, 100, 0);
        assertEquals(Optional.empty(), store.find(BOB));
    }

    @Test
    void commit_sizeDiffersFromReservation_throwsAndKeepsTheReservation() {
        BackupStore store = new BackupStore(1_000);
        Reservation reservation = reserve(store, 100);

        assertThrows(IllegalArgumentException.class,
                () -> store.commit(reservation, ALICE, data(101, 1), ALICE_VERIFIER, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> store.commit(reservation, ALICE, data(99, 1), ALICE_VERIFIER, 0.0));

        assertTrue(reservation.isActive());
        assertSpace(store, 0, 100);
        assertEquals(Optional.empty(), store.find(ALICE));
        store.release(reservation);
        assertSpace(store, 0, 0);
    }

    @Test
    void clear_currentVersion_removesTheCopyAndFreesItsSpace() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup copy = backUp(store, ALICE, 300, 1, 0.0);
        backUp(store, BOB, 200, 2, 0.0);

        assertTrue(store.clear(ALICE, copy.version()));

        assertEquals(Optional.empty(), store.find(ALICE));
        assertSpace(store, 200, 0);
        assertFalse(store.clear(ALICE, copy.version()), "already cleared");
    }

    @Test
    void clear_olderVersion_keepsTheNewerCopy() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup older = backUp(store, ALICE, 300, 1, 0.0);
        StoredBackup newer = backUp(store, ALICE, 200, 2, 1.0);

        assertFalse(store.clear(ALICE, older.version()));

        assertEquals(Optional.of(newer), store.find(ALICE));
        assertSpace(store, 200, 0);
    }

    @Test
    void clear_otherNumbersVersionOrUnknownNumber_removesNothing() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup alice = backUp(store, ALICE, 300, 1, 0.0);
        assertFalse(store.clear(BOB, alice.version()));
        assertEquals(Optional.of(alice), store.find(ALICE));
        assertSpace(store, 300, 0);
    }

    @Test
    void committedCopies_severalNumbers_inPhoneNumberOrderAndUnmodifiable() {
        BackupStore store = new BackupStore(1_000);
        StoredBackup bob = backUp(store, BOB, 100, 2, 0.0);
        StoredBackup alice = backUp(store, ALICE, 100, 1, 0.0);
        assertEquals(List.of(alice, bob), List.copyOf(store.committedCopies()));
        assertThrows(UnsupportedOperationException.class, () -> store.committedCopies().clear());
    }
}
