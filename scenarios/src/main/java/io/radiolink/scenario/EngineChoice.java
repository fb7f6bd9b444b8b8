package io.radiolink.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import io.radiolink.engine.Engine;
import io.radiolink.engine.dsol.DsolClassPath;
import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import java.util.Locale;
import java.util.Optional;

/**
 * The engines a scenario's {@code engine} field can name; both give identical results for the same
 * scenario and seed, the DSOL engine with a few milliseconds more of fixed cost per replication.
 *
 * <p>radiolink-scenarios does not bring DSOL (core declares it optional): the DSOL engine runs only where
 * {@code nl.tudelft.simulation:dsol-core} is on the class path, as it is in the radiolink command. Elsewhere
 * the loader refuses a scenario that names it, at its {@code engine} field, and {@link DsolEngine} is never
 * loaded.
 */
public enum EngineChoice {

    /** radiolink's own event calendar, {@link LeanEngine}: the default. */
    LEAN,

    /** A fresh DSOL simulator per replication, {@link DsolEngine}. */
    DSOL;

    /**
     * Why this engine cannot run in this JVM, as the text after the {@code engine} field's path in an error
     * ({@code 'dsol' needs ... on the class path ...; allowed: ...}); empty if it can.
     */
    public Optional<String> unavailable() {
        return switch (this) {
            case LEAN -> Optional.empty();
            case DSOL -> DsolClassPath.present() ? Optional.empty() : Optional.of("'" + this + "' needs "
                    + DsolClassPath.ARTIFACT + " on the class path, and it is not there; allowed: " + LEAN
                    + " (the same results without DSOL), or " + this + " with " + DsolClassPath.ARTIFACT
                    + " added to the class path");
        };
    }

    /**
     * A new engine of this kind; engines hold no state between runs, so one per unit of work is fine.
     *
     * @throws IllegalStateException if this engine cannot run here ({@link #unavailable()})
     */
    public Engine newEngine() {
        unavailable().ifPresent(why -> {
            throw new IllegalStateException("engine: " + why);
        });
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
