package io.radiolink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of core has a package-info.java, and every public type a Javadoc comment. */
final class DocumentationTest {

    private static final Path MAIN = Path.of("src/main/java");
    /** A public type, or a type nested in an interface (implicitly public), at any indentation. */
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum)\\s+\\w+.*");
    private static final Pattern INTERFACE_MEMBER_TYPE = Pattern.compile("^ {4}(?:record|interface|enum|class)\\s+\\w+.*");

    @Test
    void everyPackage_hasPackageInfo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            dirs.filter(Files::isDirectory).filter(DocumentationTest::holdsJava)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .forEach(dir -> missing.add(MAIN.relativize(dir).toString()));
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyPublicType_hasJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean isInterface = lines.stream().anyMatch(l -> l.matches("^public\\s+(sealed\\s+)?interface\\s.*"));
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    boolean publicType = PUBLIC_TYPE.matcher(line).matches()
                            || (isInterface && INTERFACE_MEMBER_TYPE.matcher(line).matches());
                    if (publicType && !documented(lines, i)) {
                        missing.add(MAIN.relativize(file) + ":" + (i + 1) + " " + line.strip());
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "public types without Javadoc:\n" + String.join("\n", missing));
    }

    /** True if the nearest line above {@code index} that is not an annotation closes a Javadoc comment. */
    private static boolean documented(List<String> lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String above = lines.get(i).strip();
            if (above.startsWith("@")) {
                continue;
            }
            return above.endsWith("*/") && commentIsJavadoc(lines, i);
        }
        return false;
    }

    private static boolean commentIsJavadoc(List<String> lines, int end) {
        for (int i = end; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith("/**")) {
                return true;
            }
            if (line.startsWith("/*")) {
                return false;
            }
        }
        return false;
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
