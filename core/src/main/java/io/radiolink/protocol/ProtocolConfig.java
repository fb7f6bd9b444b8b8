package io.radiolink.protocol;

import java.util.Objects;

/**
 * The protocol's settings, shared by terminals and base stations.
 *
 * @param arq the data transfer
 * @param control the control messages
 * @param auth authentication and lock-out
 */
public record ProtocolConfig(ArqConfig arq, ControlConfig control, AuthConfig auth) {

    /** Checks for nulls. */
    public ProtocolConfig {
        Objects.requireNonNull(arq, "arq");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(auth, "auth");
    }

    /** Settings with the claims' authentication ({@link AuthConfig#CLAIMED}). */
    public ProtocolConfig(ArqConfig arq, ControlConfig control) {
        this(arq, control, AuthConfig.CLAIMED);
    }

    /** The same settings with another authentication. */
    public ProtocolConfig withAuth(AuthConfig newAuth) {
        return new ProtocolConfig(arq, control, newAuth);
    }

    /** The same settings with another ARQ configuration. */
    public ProtocolConfig withArq(ArqConfig newArq) {
        return new ProtocolConfig(newArq, control, auth);
    }

    /** The same settings with another control configuration. */
    public ProtocolConfig withControl(ControlConfig newControl) {
        return new ProtocolConfig(arq, newControl, auth);
    }
}
