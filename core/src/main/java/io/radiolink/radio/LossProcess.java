package io.radiolink.radio;

/** The per-link state of a {@link LossModel}: one call per transmitted unit, in transmission order. */
@FunctionalInterface
public interface LossProcess {

    /** Advances the process by one transmitted unit and tells whether that unit is lost. */
    boolean nextUnitLost();
}
