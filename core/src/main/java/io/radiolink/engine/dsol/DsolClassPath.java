package io.radiolink.engine.dsol;

import ch.qos.logback.classic.Level;
import nl.tudelft.simulation.dsol.simulators.DevsSimulator;
import org.djutils.logger.CategoryLogger;

/**
 * Whether the DSOL engine can run in this JVM. dsol-core is an optional dependency of radiolink-core, so
 * code that offers the DSOL engine asks here before it touches {@link DsolEngine}, instead of meeting a
 * {@link NoClassDefFoundError} half-way through a run. Loading this class loads no DSOL class.
 */
public final class DsolClassPath {

    /** The DSOL kernel's Maven coordinates ({@code groupId:artifactId}), for messages that ask for it. */
    public static final String ARTIFACT = "nl.tudelft.simulation:dsol-core";

    private DsolClassPath() {}

    /** True if the DSOL, djutils and logback classes {@link DsolEngine} needs can be loaded. */
    public static boolean present() {
        try {
            // A class literal loads its class when this line runs, not when this class loads.
            return loaded(DevsSimulator.class, CategoryLogger.class, Level.class);
        } catch (NoClassDefFoundError e) {
            return false;
        }
    }

    /** True: the classes are loaded once their literals have been evaluated. */
    private static boolean loaded(Class<?>... classes) {
        return classes.length > 0;
    }
}
