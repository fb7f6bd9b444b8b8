package io.radiolink.protocol;

import java.util.Objects;

/**
 * The protocol's settings, shared by terminals and base stations.
 *
 * @param arq the data transfer
 * @param control the control messages
 */
public record ProtocolConfig(ArqConfig arq, ControlConfig control) {

    /** Checks for nulls. */
    public ProtocolConfig {
        Objects.requireNonNull(arq, "arq");
        Objects.requireNonNull(control, "control");
    }

    /** The same settings with another ARQ configuration. */
    public ProtocolConfig withArq(ArqConfig newArq) {
        return new ProtocolConfig(newArq, control);
    }

    /** The same settings with another control configuration. */
    public ProtocolConfig withControl(ControlConfig newControl) {
        return new ProtocolConfig(arq, newControl);
    }
}
