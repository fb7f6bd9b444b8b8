package io.radiolink.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.SourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The family-wise rule counts every validation test class of this package and every unit test elsewhere
 * in core that uses it, and only those; no test outside the family builds an interval of its own, and no
 * test in it sets a quantile by hand.
 */
final class FamilyWiseTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Path HERE = TESTS.resolve("io/radiolink/validation");
    /** The test sources of every module (scenarios and cli cannot reach the rule: they hold no check). */
    private static final List<Path> EVERY_MODULE = List.of(TESTS, Path.of("../scenarios/src/test/java"),
            Path.of("../cli/src/test/java"));
    /**
     * Tests of the intervals' own arithmetic against hand computations, or against the reports' own intervals
     * recomputed from the reported values (report.ReplicationsAgreement): no model, no closed form.
     */
    private static final Set<String> INTERVAL_ARITHMETIC = Set.of("stats.EstimateTest", "stats.ExperimentSummaryTest",
            "stats.BackhaulSummaryTest", "report.ReplicationsAgreement");

    /** A Student-t interval at a confidence of its own, not the rule's. */
    private static final Pattern OWN_ESTIMATE = Pattern.compile("(?<!\\w)Estimate\\.of\\(");
    /** A quantile of a distribution: inside the family at the rule's level, outside it an interval of its own. */
    private static final Pattern OWN_QUANTILE = Pattern.compile("\\b(Normal|T)Distribution\\b");
    /**
     * A quantile set by hand: a named z or sigma constant, a textbook quantile, or a number times a standard
     * error (a square root, or a name of one, perhaps through one more factor: {@code 4.5 * mean / sqrt(n)}).
     */
    private static final Pattern HAND_SET_QUANTILE = Pattern.compile(
            "\\b(Z|SIGMAS?|Z_\\w+)\\s*=\\s*\\d"
            + "|(?<![\\w.])(1\\.96|2\\.576|2\\.58|3\\.29|3\\.291)(?![\\w.])"
            + "|(?<![\\w.])\\d+(\\.\\d+)?\\s*\\*\\s*(\\w+\\s*/\\s*)?(Math\\.)?sqrt\\("
            + "|(?<![\\w.])\\d+(\\.\\d+)?\\s*\\*\\s*\\w*"
            + "(standardError|StandardError|sd|Sd|sigma|Sigma|stdDev|StdDev)\\w*");

    @Test
    void checks_everyValidationTestOfThePackageAndEveryUserOfTheRuleCounted() throws IOException {
        List<String> family = Stream.concat(validationTests(), testSources(TESTS)
                        .filter(file -> !file.startsWith(HERE) && code(file).contains("FamilyWise."))
                        .map(FamilyWiseTest::name))
                .sorted().toList();
        assertEquals(family, FamilyWise.CHECKS.keySet().stream().sorted().toList());
    }

    /**
     * Outside the family no test builds an interval of its own (it would be a statistical check the rule does
     * not count), and in it no test sets a quantile by hand (its check would be at another level).
     */
    @Test
    void testSources_intervalsOnlyThroughTheRule() {
        List<String> offences = EVERY_MODULE.stream().flatMap(FamilyWiseTest::testSources)
                .filter(file -> !file.endsWith("FamilyWise.java") && !file.endsWith("FamilyWiseTest.java"))
                .filter(file -> !INTERVAL_ARITHMETIC.contains(name(file)))
                .flatMap(file -> offences(name(file), code(file), FamilyWise.CHECKS.containsKey(name(file)))
                        .stream())
                .toList();
        assertEquals(List.of(), offences, "count the check in FamilyWise and take its interval from the rule "
                + "(scenarios and cli: move it into core, or give the module the rule)");
    }

    /** The guard finds what it is meant to find, and lets the rule's own calls and exact checks pass. */
    @Test
    void offences_handSetQuantilesAndOwnIntervals_found() {
        for (String line : List.of("assertEquals(p, x, 4.5 * Math.sqrt(p * (1 - p) / n));",
                "assertEquals(m, x, 4.5 * mean / Math.sqrt(n));", "assertEquals(m, x, 3 * standardError);",
                "double tolerance = 3 * sdOfMean;", "private static final double Z = 3.29;",
                "private static final double SIGMAS = 4.5;", "double z = 1.96;")) {
            assertFalse(offences("x.T", line, true).isEmpty(), line);
            assertFalse(offences("x.T", line, false).isEmpty(), line);
        }
        for (String line : List.of("Estimate share = Estimate.of(values, 0.99);",
                "double z = new NormalDistribution().inverseCumulativeProbability(0.995);")) {
            assertFalse(offences("x.T", line, false).isEmpty(), line);
        }
        for (String line : List.of("assertEquals(m, x, FamilyWise.twoSidedZ() * standardError);",
                "Estimate e = FamilyWise.estimate(values);", "assertEquals(0.2, p, 1e-15);",
                "double estimated = WorkEstimate.of(one, 1, false).eventsPerUnit();",
                "double s = 2 * x; // 4.5 * Math.sqrt(n)", "new ResumeConfig(4, 4.0679, 1.965626175434298, 2);")) {
            assertEquals(List.of(), offences("x.T", line, true), line);
            assertEquals(List.of(), offences("x.T", line, false), line);
        }
    }

    /** What {@code code} does against the rule, its comments left out (a comment may name a quantile). */
    private static List<String> offences(String test, String code, boolean inTheFamily) {
        Stream<Pattern> banned = inTheFamily ? Stream.of(HAND_SET_QUANTILE, OWN_ESTIMATE)
                : Stream.of(HAND_SET_QUANTILE, OWN_ESTIMATE, OWN_QUANTILE);
        String withoutComments = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        return banned.flatMap(pattern -> pattern.matcher(withoutComments).results())
                .map(match -> test + (inTheFamily ? "" : " (outside the family)") + ": " + match.group())
                .toList();
    }

    private static Stream<String> validationTests() throws IOException {
        try (Stream<Path> files = Files.list(HERE)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith("ValidationTest.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .toList().stream();
        }
    }

    private static Stream<Path> testSources(Path root) {
        return SourceFiles.under(root);
    }

    /** A test's key in {@link FamilyWise#CHECKS}: its simple name here, its name under io.radiolink elsewhere. */
    private static String name(Path file) {
        Path relative = file.getParent().resolve(file.getFileName().toString().replace(".java", ""));
        for (Path root : EVERY_MODULE) {
            if (file.startsWith(root)) {
                relative = root.resolve("io/radiolink").relativize(relative);
            }
        }
        return file.startsWith(HERE) ? relative.getFileName().toString() : relative.toString().replace('/', '.');
    }

    private static String code(Path file) {
        return SourceFiles.text(file);
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
