package io.radiolink.protocol;

import io.radiolink.node.BaseStation;
import io.radiolink.node.PhoneNumber;
import io.radiolink.node.Terminal;

/** A running or finished backup or download, seen from outside. */
public interface Flow {

    /** The flow's number within its {@link BackupService}. */
    long id();

    /** Backup or download. */
    FlowKind kind();

    /** The terminal running it. */
    Terminal terminal();

    /** The base station it talks to. */
    BaseStation station();

    /** The phone number the data is stored under. */
    PhoneNumber addressedNumber();

    /** The current phase (the last one, once finished). */
    FlowPhase phase();

    /** True once the flow ended (its record was reported). */
    boolean isEnded();

    /**
     * True while one of the terminal's timers of this flow can still act: its control retry or its data
     * sender (a backup's), also one still to be armed when its message or frame leaves. False once the
     * flow ended, as the invariant tests check.
     */
    boolean timersArmed();
}
