package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code radiolink} launcher at the repository's root: the build time it announces is the README's,
 * and (with {@code -Dradiolink.launcher.build=true}, as it runs Maven on a copy of the repository) a
 * first build prints nothing but that announcement.
 */
final class LauncherTest {

    private static final Path ROOT = Path.of("..");
    private static final String ANNOUNCEMENT = "radiolink: building ";
    private static final Pattern FIGURE = Pattern.compile("about (\\d+ s)");
    private static final Set<String> NOT_COPIED = Set.of(".git", "target", "results");

    @Test
    void announcement_firstBuildTime_isTheReadmes() throws IOException {
        List<String> echoed = Files.readAllLines(ROOT.resolve("radiolink")).stream()
                .filter(line -> line.contains("echo \"" + ANNOUNCEMENT)).toList();
        assertEquals(1, echoed.size(), "the launcher's announcement of a build");
        Matcher figure = FIGURE.matcher(echoed.get(0));
        assertTrue(figure.find(), "the announcement gives no time: " + echoed.get(0));
        String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("The first call builds the runnable jar (`cli/target/radiolink.jar`, about "
                + figure.group(1)), "README.md's first build time differs from the launcher's " + figure.group(1));
    }

    @Test
    @EnabledIfSystemProperty(named = "radiolink.launcher.build", matches = "true")
    void firstBuild_stderr_isTheAnnouncementAlone(@TempDir Path copy) throws IOException, InterruptedException {
        copyTree(ROOT.toAbsolutePath().normalize(), copy);
        Path out = copy.resolve("stdout.txt");
        Path err = copy.resolve("stderr.txt");
        Process launcher = new ProcessBuilder("bash", copy.resolve("radiolink").toString(), "--version")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(launcher.waitFor(10, TimeUnit.MINUTES), "the build did not end within 10 minutes");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, launcher.exitValue(), stderr);
        assertTrue(stdout.startsWith("radiolink "), stdout);
        assertFalse(stdout.contains("\u001b") || stderr.contains("\u001b"), "escape codes: " + stderr.replace("\u001b", "ESC"));
        List<String> lines = stderr.lines().toList();
        assertEquals(1, lines.size(), stderr);
        assertTrue(lines.get(0).startsWith(ANNOUNCEMENT), stderr);
    }

    /** The repository's files without version control, build output and run results. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.filter(p -> !excluded(from.relativize(p))).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static boolean excluded(Path relative) {
        for (Path part : relative) {
            if (NOT_COPIED.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
