package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The family-wise rule counts every validation test class of this package, and only those. */
final class FamilyWiseTest {

    private static final Path HERE = Path.of("src/test/java/io/radiolink/validation");

    @Test
    void checks_everyValidationTestOfThePackageCounted() throws IOException {
        List<String> classes;
        try (Stream<Path> files = Files.list(HERE)) {
            classes = files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith("ValidationTest.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .sorted().toList();
        }
        assertEquals(classes, FamilyWise.CHECKS.keySet().stream().sorted().toList());
    }

    @Test
    void perCheckConfidence_isOneMinusTheFamilyErrorOverTheChecks() {
        assertEquals(1 - FamilyWise.FAMILY_WISE_ERROR / FamilyWise.checks(), FamilyWise.perCheckConfidence());
        assertEquals(FamilyWise.perCheckConfidence(), FamilyWise.estimate(new double[] {1, 2, 3}).confidence());
    }

    /** docs/statistics.md states the count, the error rate and each class's checks as the helper has them. */
    @Test
    void statisticsDoc_statesTheRuleAsTheHelperHasIt() throws IOException {
        String doc = Files.readString(Path.of("../docs/statistics.md"));
        int checks = FamilyWise.checks();
        assertTrue(doc.contains("The family has " + checks + " checks"), "the count");
        assertTrue(doc.contains("1 − " + FamilyWise.FAMILY_WISE_ERROR + "/" + checks), "the per-check confidence");
        FamilyWise.CHECKS.forEach((test, count) ->
                assertTrue(doc.contains("| `" + test + "` | " + count + " |"), test + "'s row"));
    }
}
