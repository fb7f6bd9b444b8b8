package io.radiolink.engine.dsol;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Core's tests have dsol-core on their class path (an optional dependency is one of the module's own). The
 * JVM without it is scenarios' io.radiolink.run.ScenariosAloneTest.
 */
final class DsolClassPathTest {

    @Test
    void present_dsolOnTheClassPath_true() {
        assertTrue(DsolClassPath.present());
    }
}
