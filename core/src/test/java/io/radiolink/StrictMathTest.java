package io.radiolink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Same numbers on any JVM: the model's main sources (core and scenarios, everything that computes a number
 * of report.json or the CSV files) call no {@code java.lang.Math} function whose result the JVM may choose
 * (HotSpot's intrinsics differ from fdlibm in the last bit); {@code StrictMath} is fdlibm everywhere. Exact
 * IEEE operations ({@code sqrt}, {@code abs}, {@code fma}, {@code floor}, ...) stay on {@code Math}.
 */
final class StrictMathTest {

    /** The main sources of the modules whose numbers reach the reports (cli's plots may differ by fonts anyway). */
    private static final List<Path> MODEL_SOURCES = List.of(Path.of("src/main/java"),
            Path.of("../scenarios/src/main/java"));

    /** A call, method reference or static import of a java.lang.Math function that is not exactly rounded. */
    private static final Pattern PLATFORM_MATH = Pattern.compile(
            "(?<![\\w.])(java\\.lang\\.)?Math\\s*(\\.|::)\\s*"
            + "(exp|expm1|log|log10|log1p|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\\b"
            + "|import\\s+static\\s+java\\.lang\\.Math\\.\\*");

    @Test
    void modelSources_platformDependentMath_never() {
        List<String> offences = MODEL_SOURCES.stream().flatMap(SourceFiles::under)
                .flatMap(file -> offences(file.toString(), SourceFiles.text(file)).stream())
                .toList();
        assertEquals(List.of(), offences, "use StrictMath: Math's transcendental functions may differ by JVM");
    }

    /** The guard finds calls, references and imports of Math's functions, and lets StrictMath and exact ones pass. */
    @Test
    void offences_platformDependentMath_found() {
        for (String line : List.of("double x = Math.log1p(-u);", "return Math.exp(mu);", "Math.pow(2, n)",
                "DoubleUnaryOperator f = Math::log;", "java.lang.Math.sin(a)", "import static java.lang.Math.*;",
                "x = -Math.log10(y);")) {
            assertFalse(offences("X", line).isEmpty(), line);
        }
        for (String line : List.of("double x = StrictMath.log1p(-u);", "Math.sqrt(v)", "Math.abs(d)",
                "Math.fma(a, b, c)", "Math.floor(t)", "Math.max(a, b)", "FastMath.exp(x)",
                "// Math.log is not used here", "/* Math.pow */ int n = 1;", "long logs = exposure.log(x);")) {
            assertEquals(List.of(), offences("X", line), line);
        }
    }

    /** What {@code code} calls against the rule, its comments left out (a comment may name Math's functions). */
    private static List<String> offences(String file, String code) {
        String withoutComments = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        return PLATFORM_MATH.matcher(withoutComments).results().map(match -> file + ": " + match.group()).toList();
    }
}
