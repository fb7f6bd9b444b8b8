package io.radiolink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Dependency rules between radiolink's packages, and towards DSOL, checked on the main classes. */
final class ArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.radiolink");
    }

    @Test
    void classesOutsideTheDsolEngine_dependOnDsolDjutilsOrLogback_never() {
        noClasses().that().resideInAPackage("io.radiolink..")
                .and().resideOutsideOfPackage("io.radiolink.engine.dsol..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("nl.tudelft..", "org.djutils..", "ch.qos.logback..")
                .because("DSOL is an optional dependency, confined to io.radiolink.engine.dsol")
                .check(mainClasses);
    }

    @Test
    void enginePackage_dependsOnTheDsolEngine_never() {
        noClasses().that().resideInAPackage("io.radiolink.engine")
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.engine.dsol..")
                .because("the dsol package implements the engine interfaces, not the other way round")
                .check(mainClasses);
    }

    /**
     * Only code that chooses DSOL touches the DSOL engine: an embedder without dsol-core on the class path
     * can use everything else, the simulation builder's default (lean) engine included.
     */
    @Test
    void classesOutsideTheEnginePackages_dependOnTheDsolEngine_never() {
        noClasses().that().resideInAPackage("io.radiolink..")
                .and().resideOutsideOfPackage("io.radiolink.engine.dsol..")
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.engine.dsol..")
                .because("dsol-core is optional: the DSOL engine is chosen explicitly, never by default")
                .check(mainClasses);
    }

    @Test
    void model_dependsOnStatisticsWorkloadOrSimulation_never() {
        noClasses().that().resideInAnyPackage("io.radiolink.engine..", "io.radiolink.random..",
                        "io.radiolink.radio..", "io.radiolink.node..", "io.radiolink.protocol..",
                        "io.radiolink.backhaul..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.radiolink.stats..", "io.radiolink.workload..", "io.radiolink.simulation..")
                .because("the model emits events; statistics, workloads and experiments listen to it")
                .check(mainClasses);
    }

    @Test
    void statistics_dependsOnTheSimulationApi_never() {
        noClasses().that().resideInAPackage("io.radiolink.stats..")
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.simulation..")
                .because("results are plain values the API hands out, not the other way round")
                .check(mainClasses);
    }

    /** Two peers, one wire: the terminals' end and the stations' end know each other only through messages. */
    @Test
    void terminalSide_dependsOnTheStationSide_never() {
        noClasses().that().resideInAPackage("io.radiolink.protocol.terminal..")
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.protocol.station..")
                .because("a terminal knows a station only through the messages on a connection")
                .check(mainClasses);
    }

    @Test
    void stationSide_dependsOnTheTerminalSide_never() {
        noClasses().that().resideInAPackage("io.radiolink.protocol.station..")
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.protocol.terminal..")
                .because("a station knows a terminal only through the messages on a connection and its SIM")
                .check(mainClasses);
    }

    /** Neither end reaches the service that wires them: a terminal reaches stations through {@code Network}. */
    @Test
    void eitherEnd_dependsOnTheServiceThatWiresThem_never() {
        noClasses().that().resideInAnyPackage("io.radiolink.protocol.terminal..", "io.radiolink.protocol.station..",
                        "io.radiolink.protocol.transfer..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.radiolink.protocol.BackupService")
                .because("the service wires the two ends; they see each other's messages, never the wiring")
                .check(mainClasses);
    }

    /** The shared vocabulary and the transfer both ends use know neither end. */
    @Test
    void sharedProtocolTypes_dependOnEitherEnd_never() {
        noClasses().that().resideInAnyPackage("io.radiolink.protocol", "io.radiolink.protocol.transfer")
                .and().doNotHaveFullyQualifiedName("io.radiolink.protocol.BackupService")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.radiolink.protocol.terminal..", "io.radiolink.protocol.station..")
                .because("messages, records, listeners and the transfer are what both ends share")
                .check(mainClasses);
    }

    /**
     * The terminal names the station it camps on, but never reaches into the station's store: what is
     * stored, and every change of it, is the station's (issue 13 moves the store behind the stations).
     */
    @Test
    void terminalSide_touchesTheStationsStore_never() {
        noClasses().that().resideInAPackage("io.radiolink.protocol.terminal..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.radiolink.node.BackupStore")
                .orShould().callMethod("io.radiolink.node.BaseStation", "store")
                .orShould().callMethodWhere(JavaCall.Predicates.target(HasName.Predicates.name("commitBackup")))
                .because("only the station's end changes or reads its store")
                .check(mainClasses);
    }

    /**
     * The backhaul is a link between a station and the store, below the protocol: the protocol (and the
     * integration of issue 13) uses it, never the other way round.
     */
    @Test
    void backhaul_dependsOnTheProtocol_never() {
        noClasses().that().resideInAPackage("io.radiolink.backhaul..")
                .should().dependOnClassesThat().resideInAnyPackage("io.radiolink.protocol..")
                .because("a link carries messages of bits; what they mean is the protocol's")
                .check(mainClasses);
    }
}
