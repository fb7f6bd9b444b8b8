package io.radiolink.protocol;

import io.radiolink.node.AuthListener;
import io.radiolink.node.PhoneNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A checker's own lock-out count, kept from the stations' authentication events (the checker passes it
 * every event it is told as the run's {@link AuthListener}), one count per number and <em>scope</em>: the
 * stations that share one guard (docs/protocol.md, threat model) map to one scope. It checks that a
 * lock-out comes exactly at the {@code maxFailedAttempts}-th failure in a row in its scope since the last
 * success or lock-out (told before any other decision and within the same event), that while the number
 * is locked no station of the scope decides an attempt on it, and that none rejects it as locked when it
 * is not. A count per station where the scope is wider, or a decision on an answer made after the lock
 * without checking it again, breaks it. Used by {@link NetworkInvariantChecker} (one scope, the store)
 * and {@link InvariantChecker} (a scope per station, or the peer-fetch network's one).
 */
final class LockoutModel implements AuthListener {

    /** Whether a number was locked at a moment. */
    enum Lock {
        LOCKED,
        UNLOCKED,
        /** A lock-out began at that very instant: a decision then may have come before it or after it. */
        AT_ITS_START
    }

    private record Key(String scope, PhoneNumber phone) {}

    private final Supplier<AuthConfig> lockout;
    private final Function<String, String> scopeOf;
    private final Supplier<String> countName;
    private final Consumer<Supplier<String>> violation;
    private final Map<String, Long> counts;
    private final String prefix;
    /** Failed attempts in a row since the last success or lock-out. */
    private final Map<Key, Integer> failuresInARow = new HashMap<>();
    /** The stations whose failures the current count holds. */
    private final Map<Key, Set<String>> failingStations = new HashMap<>();
    /** Every lock-out: its start and end. */
    private final Map<Key, List<double[]>> locks = new HashMap<>();
    /** The number whose failure just reached the count, whose lock-out must be told next; else null. */
    private Key lockDue;

    /**
     * A count locking as {@code lockout} says, the station of an event counted in scope {@code
     * scopeOf(station)}, named {@code countName} in messages, each violation given to {@code violation} and
     * each count ({@code prefix} + its key) added to {@code counts}. The suppliers and the function are
     * asked at every event, so a checker may learn the run's configuration after making its model.
     */
    LockoutModel(Supplier<AuthConfig> lockout, Function<String, String> scopeOf, Supplier<String> countName,
            Consumer<Supplier<String>> violation, Map<String, Long> counts, String prefix) {
        this.lockout = Objects.requireNonNull(lockout, "lockout");
        this.scopeOf = scopeOf;
        this.countName = countName;
        this.violation = violation;
        this.counts = counts;
        this.prefix = prefix;
    }

    /** Whether {@code phone} was locked at {@code timeSeconds} in the count of {@code stationId}. */
    Lock lockAt(String stationId, PhoneNumber phone, double timeSeconds) {
        for (double[] lock : locks.getOrDefault(new Key(scopeOf.apply(stationId), phone), List.of())) {
            if (timeSeconds == lock[0]) {
                return Lock.AT_ITS_START;
            }
            if (timeSeconds > lock[0] && timeSeconds < lock[1]) {
                return Lock.LOCKED;
            }
        }
        return Lock.UNLOCKED;
    }

    /** The end of an event: no lock-out the count called for is still untold. */
    void eventEnded() {
        Key due = lockDue;
        check(due == null, () -> due.phone() + " reached " + countName.get() + " of failures but was not locked out");
        lockDue = null;
    }

    private boolean locked(Key key, double timeSeconds) {
        List<double[]> all = locks.getOrDefault(key, List.of());
        return !all.isEmpty() && timeSeconds < all.get(all.size() - 1)[1];
    }

    private double lockedUntil(Key key) {
        List<double[]> all = locks.getOrDefault(key, List.of());
        return all.isEmpty() ? Double.NEGATIVE_INFINITY : all.get(all.size() - 1)[1];
    }

    /** Before any decision: no lock-out the count called for is still untold. */
    private void noLockDue(String stationId, PhoneNumber phone) {
        Key due = lockDue;
        check(due == null, () -> stationId + " decided on " + phone + " before " + due.phone() + " was locked out after "
                + lockout.get().maxFailedAttempts() + " failures in a row in " + countName.get());
        lockDue = null;
    }

    @Override
    public void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {
        noLockDue(stationId, phone);
        Key key = new Key(scopeOf.apply(stationId), phone);
        if (locked) {
            increment("rejections while locked");
            check(locked(key, timeSeconds), () -> stationId + " rejected " + phone + " as locked, but " + countName.get()
                    + " has it unlocked (" + failuresInARow.getOrDefault(key, 0) + " failures in a row)");
            return;
        }
        increment("failed attempts");
        check(!locked(key, timeSeconds), () -> stationId + " decided a failed attempt on " + phone + " while "
                + countName.get() + " has it locked until " + lockedUntil(key) + " s");
        if (lockout.get().maxFailedAttempts() == 0) {
            return;
        }
        failingStations.computeIfAbsent(key, p -> new TreeSet<>()).add(stationId);
        if (failuresInARow.merge(key, 1, Integer::sum) >= lockout.get().maxFailedAttempts()) {
            lockDue = key;
            if (failingStations.get(key).size() > 1) {
                increment("lock-outs after failures at several stations");
            }
            failuresInARow.remove(key);
            failingStations.remove(key);
            locks.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new double[] {timeSeconds, timeSeconds + lockout.get().lockoutSeconds()});
        }
    }

    @Override
    public void succeeded(String stationId, PhoneNumber phone, double timeSeconds) {
        noLockDue(stationId, phone);
        Key key = new Key(scopeOf.apply(stationId), phone);
        increment("successful attempts");
        check(!locked(key, timeSeconds), () -> stationId + " decided a successful attempt on " + phone + " while "
                + countName.get() + " has it locked until " + lockedUntil(key) + " s");
        failuresInARow.remove(key);
        failingStations.remove(key);
    }

    @Override
    public void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {
        increment("lock-outs");
        Key key = new Key(scopeOf.apply(stationId), phone);
        check(key.equals(lockDue), () -> stationId + " locked " + phone + " out, but " + countName.get() + " has "
                + failuresInARow.getOrDefault(key, 0) + " failures in a row of " + lockout.get().maxFailedAttempts());
        lockDue = null;
    }

    private void check(boolean holds, Supplier<String> message) {
        if (!holds) {
            violation.accept(message);
        }
    }

    private void increment(String key) {
        counts.merge(prefix + key, 1L, Long::sum);
    }
}
