package io.radiolink.node;

import java.util.Objects;

/**
 * Observes a base station's authentication decisions, each told by the station that decided it (under
 * network storage the count is the subscriber store's, but every event names the deciding station); must
 * not throw.
 */
public interface AuthListener {

    /** A listener that ignores everything. */
    AuthListener NONE = new AuthListener() {};

    /** A listener telling every event to {@code first}, then to {@code second}. */
    static AuthListener both(AuthListener first, AuthListener second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        return new AuthListener() {
            @Override
            public void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {
                first.rejected(stationId, phone, locked, timeSeconds);
                second.rejected(stationId, phone, locked, timeSeconds);
            }

            @Override
            public void succeeded(String stationId, PhoneNumber phone, double timeSeconds) {
                first.succeeded(stationId, phone, timeSeconds);
                second.succeeded(stationId, phone, timeSeconds);
            }

            @Override
            public void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {
                first.lockedOut(stationId, phone, timeSeconds);
                second.lockedOut(stationId, phone, timeSeconds);
            }
        };
    }

    /**
     * The station rejected a request for {@code phone}: a wrong password or proof, or ({@code locked})
     * any request while the number is locked out.
     */
    default void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {}

    /**
     * A right password or proof on {@code phone}'s stored copy: its count of failures starts again (a first
     * backup's enrolment that verifies is no attempt and is not told).
     */
    default void succeeded(String stationId, PhoneNumber phone, double timeSeconds) {}

    /** {@code phone} is locked out after too many failed attempts. */
    default void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {}
}
