package io.radiolink.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CLI's shaded jar, {@code target/radiolink.jar}, gives the code identity of the class files it was
 * made of: a JVM running from it computes the classes hash of core's and scenarios' folders of classes
 * (docs/runs.md, section 2: the shade must not relocate or minimise io.radiolink). An integration test
 * (failsafe, after package), as it needs the jar.
 */
final class CliJarCodeIdentityIT {

    private static final Path JAR = Path.of("target", "radiolink.jar");
    private static final List<Path> FOLDERS = List.of(Path.of("..", "core", "target", "classes"),
            Path.of("..", "scenarios", "target", "classes"));

    @Test
    void current_runFromTheCliJar_theHashOfTheModulesClassFolders() throws IOException, InterruptedException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built in package");
        Map<String, String> printed = printedFromTheJar();
        assertEquals(JAR.toAbsolutePath().normalize().toString(), printed.get("location"),
                "the model classes are loaded from the jar alone");
        List<Path> folders = FOLDERS.stream().map(folder -> folder.toAbsolutePath().normalize()).toList();
        assertEquals(CodeIdentity.classesSha256(folders), printed.get("classesSha256"));
        CodeIdentity here = CodeIdentity.current();
        assertEquals(here.classesSha256(), printed.get("classesSha256"), "this test's class path: " + CodeIdentity.locations());
        assertEquals(here.version(), printed.get("version"));
        assertEquals(String.valueOf(here.commit()), printed.get("commit"));
        assertEquals(String.valueOf(here.dirty()), printed.get("dirty"));
    }

    /** The lines of {@link PrintCodeIdentity} run in a JVM whose class path is the jar, then this test's classes. */
    private static Map<String, String> printedFromTheJar() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String classPath = JAR + System.getProperty("path.separator") + Path.of("target", "test-classes");
        Process process = new ProcessBuilder(java.toString(), "-cp", classPath, PrintCodeIdentity.class.getName())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM ends");
        assertEquals(0, process.exitValue(), out);
        Map<String, String> printed = new LinkedHashMap<>();
        for (String line : out.strip().split("\n")) {
            int space = line.indexOf(' ');
            assertTrue(space > 0 && printed.put(line.substring(0, space), line.substring(space + 1)) == null, out);
        }
        System.out.println("radiolink.jar: code identity computed in " + printed.get("millis") + " ms");
        return printed;
    }
}
