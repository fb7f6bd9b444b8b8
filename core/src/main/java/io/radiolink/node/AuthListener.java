package io.radiolink.node;

/** Observes a base station's authentication decisions; must not throw. */
public interface AuthListener {

    /** A listener that ignores everything. */
    AuthListener NONE = new AuthListener() {};

    /**
     * The station rejected a request for {@code phone}: a wrong password or proof, or ({@code locked})
     * any request while the number is locked out.
     */
    default void rejected(String stationId, PhoneNumber phone, boolean locked, double timeSeconds) {}

    /** {@code phone} is locked out after too many failed attempts. */
    default void lockedOut(String stationId, PhoneNumber phone, double timeSeconds) {}
}
