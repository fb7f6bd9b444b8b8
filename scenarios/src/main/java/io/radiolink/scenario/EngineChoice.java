package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import java.util.Locale;

/**
 * The engines a scenario's {@code engine} field can name; both give identical results for the same
 * scenario and seed, the DSOL engine with a few milliseconds more of fixed cost per replication.
 */
public enum EngineChoice {

    /** radiolink's own event calendar, {@link LeanEngine}: the default. */
    LEAN,

    /** A fresh DSOL simulator per replication, {@link DsolEngine}. */
    DSOL;

    /** A new engine of this kind; engines hold no state between runs, so one per unit of work is fine. */
    public Engine newEngine() {
        return switch (this) {
            case LEAN -> new LeanEngine();
            case DSOL -> new DsolEngine();
        };
    }

    /** The name a scenario file uses, in lower case: {@code lean} or {@code dsol}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
