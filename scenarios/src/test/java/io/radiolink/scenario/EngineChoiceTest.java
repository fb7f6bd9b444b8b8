package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class EngineChoiceTest {

    @Test
    void newEngine_eachChoice_givesANewEngineOfItsKind() {
        assertInstanceOf(LeanEngine.class, EngineChoice.LEAN.newEngine());
        assertInstanceOf(DsolEngine.class, EngineChoice.DSOL.newEngine());
        assertNotSame(EngineChoice.LEAN.newEngine(), EngineChoice.LEAN.newEngine());
    }

    /** This module's tests have dsol-core (test scope); without it, see io.radiolink.run.ScenariosAloneTest. */
    @Test
    void unavailable_dsolOnTheClassPath_bothEnginesRun() {
        assertEquals(Optional.empty(), EngineChoice.LEAN.unavailable());
        assertEquals(Optional.empty(), EngineChoice.DSOL.unavailable());
    }

    @Test
    void toString_isTheNameInScenarioFiles() {
        assertEquals("lean", EngineChoice.LEAN.toString());
        assertEquals("dsol", EngineChoice.DSOL.toString());
    }
}
