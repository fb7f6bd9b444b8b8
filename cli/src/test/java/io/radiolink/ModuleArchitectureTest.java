package io.radiolink;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.radiolink.scenario.EngineChoice;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependency rules across the modules, checked here because cli's class path holds the main classes of
 * core, scenarios and cli (core's own ArchitectureTest sees only core's).
 */
final class ModuleArchitectureTest {

    /** scenarios' test jar, which a packaged reactor build puts on this class path instead of its test-classes. */
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("io.radiolink");
    }

    @Test
    void scenarioLayer_dependsOnTheCommandThePlotsOrTheirLibraries_never() {
        noClasses().that().resideInAnyPackage("io.radiolink.scenario..", "io.radiolink.run..", "io.radiolink.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.radiolink.cli..", "io.radiolink.plot..",
                        "picocli..", "org.knowm.xchart..", "me.tongfei.progressbar..", "org.apache.pdfbox..")
                .because("radiolink-scenarios runs on core and Jackson alone (README, \"Scenario files from Java\")")
                .check(mainClasses);
    }

    @Test
    void anyModuleOutsideTheDsolEngine_dependsOnDsolDjutilsOrLogback_never() {
        noClasses().that().resideOutsideOfPackage("io.radiolink.engine.dsol..")
                .should().dependOnClassesThat().resideInAnyPackage("nl.tudelft..", "org.djutils..", "ch.qos.logback..")
                .because("DSOL is optional in core and absent from scenarios: only io.radiolink.engine.dsol touches it")
                .check(mainClasses);
    }

    /**
     * EngineChoice is the one place outside core that names the DSOL engine, and it asks
     * DsolClassPath.present() first; anything else would load DsolEngine where DSOL may be missing.
     */
    @Test
    void outsideTheDsolEngine_onlyEngineChoice_dependsOnIt() {
        noClasses().that().resideOutsideOfPackage("io.radiolink.engine.dsol..")
                .and().doNotHaveFullyQualifiedName(EngineChoice.class.getName())
                .should().dependOnClassesThat().resideInAPackage("io.radiolink.engine.dsol..")
                .because("a scenario names the DSOL engine through EngineChoice, which checks for dsol-core first")
                .check(mainClasses);
    }
}
