package io.radiolink.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.radiolink.engine.dsol.DsolEngine;
import io.radiolink.engine.lean.LeanEngine;
import org.junit.jupiter.api.Test;

final class EngineChoiceTest {

    @Test
    void newEngine_eachChoice_givesANewEngineOfItsKind() {
        assertInstanceOf(LeanEngine.class, EngineChoice.LEAN.newEngine());
        assertInstanceOf(DsolEngine.class, EngineChoice.DSOL.newEngine());
        assertNotSame(EngineChoice.LEAN.newEngine(), EngineChoice.LEAN.newEngine());
    }

    @Test
    void toString_isTheNameInScenarioFiles() {
        assertEquals("lean", EngineChoice.LEAN.toString());
        assertEquals("dsol", EngineChoice.DSOL.toString());
    }
}
