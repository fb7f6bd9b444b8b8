package io.radiolink.run;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every package of core and scenarios is either hashed into the code identity ({@link CodeIdentity#MODEL_PACKAGES})
 * or named as not ({@link CodeIdentity#NOT_MODEL}): a new package must be put on one side (docs/runs.md,
 * section 2). Checked here because ArchUnit is a test dependency of cli, whose class path holds both modules.
 */
final class ModelPackagesTest {

    /** The main classes of core and scenarios: those of the code sources CodeIdentity hashes, and nothing else. */
    private static JavaClasses coreAndScenarios;

    /** The module jars in a packaged reactor build, their folders of classes otherwise. */
    @BeforeAll
    static void importCoreAndScenarios() throws IOException {
        List<Location> locations = new ArrayList<>();
        for (Path location : CodeIdentity.locations()) {
            if (Files.isDirectory(location)) {
                locations.add(Location.of(location));
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    locations.add(Location.of(jar));
                }
            }
        }
        coreAndScenarios = new ClassFileImporter().importLocations(locations);
    }

    @Test
    void coreAndScenarios_everyClass_inAModelPackageOrANamedOtherOne() {
        String[] listed = Stream.concat(CodeIdentity.MODEL_PACKAGES.stream(), CodeIdentity.NOT_MODEL.stream())
                .map(name -> name + "..").toArray(String[]::new);
        classes().should().resideInAnyPackage(listed)
                .because("the code identity hashes the model packages; a package of core or scenarios that is"
                        + " neither in CodeIdentity.MODEL_PACKAGES nor in CodeIdentity.NOT_MODEL is unclassified")
                .check(coreAndScenarios);
    }

    /** No stale entry: each listed package holds classes of core or scenarios, and none is on both lists. */
    @Test
    void modelAndNotModelPackages_eachHoldsClasses_noneOnBothLists() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass javaClass : coreAndScenarios) {
            packages.add(javaClass.getPackageName());
        }
        List<String> empty = Stream.concat(CodeIdentity.MODEL_PACKAGES.stream(), CodeIdentity.NOT_MODEL.stream())
                .filter(listed -> packages.stream().noneMatch(p -> p.equals(listed) || p.startsWith(listed + ".")))
                .toList();
        assertEquals(List.of(), empty, "listed packages without a class in " + CodeIdentity.locations());
        assertEquals(List.of(), CodeIdentity.MODEL_PACKAGES.stream().filter(CodeIdentity.NOT_MODEL::contains).toList());
    }
}
