package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The radiolink command in a process of its own, started in a given working directory (so that
 * {@code results/<name>} resolves there) on this test's class path: its real exit status and output.
 *
 * @param process the running process
 * @param out where its stdout goes
 * @param err where its stderr goes
 */
record Radiolink(Process process, Path out, Path err) {

    /** Long enough for any run a test waits for; a run that takes longer has hung. */
    private static final long TIMEOUT_SECONDS = 300;

    /** What a finished process printed and returned. */
    record Finished(int status, String out, String err) {}

    /** Runs {@code args} in {@code workingDirectory} and waits for it. */
    static Finished run(Path workingDirectory, String... args) {
        return start(workingDirectory, null, args).finish();
    }

    /**
     * Starts {@code args} in {@code workingDirectory}, under {@code umask} (e.g. "027") if not null, with no
     * CI variable, as {@link #startCommand} does.
     */
    static Radiolink start(Path workingDirectory, String umask, String... args) {
        return launch(workingDirectory, umask == null ? List.of() : shell("umask " + umask), args);
    }

    /**
     * Starts {@code args} in {@code workingDirectory} in a mount namespace of its own ({@code unshare -rm},
     * no privileges needed where user namespaces are enabled) after the shell command {@code setUp}, e.g. a
     * {@code mount} that only this process sees; see {@link #mountNamespaces}.
     */
    static Radiolink startInMountNamespace(Path workingDirectory, String setUp, String... args) {
        List<String> launcher = new ArrayList<>(List.of("unshare", "-rm"));
        launcher.addAll(shell(setUp));
        return launch(workingDirectory, launcher, args);
    }

    /** True if this machine lets a process make a mount namespace of its own and mount a tmpfs in it. */
    static boolean mountNamespaces() {
        try {
            Process probe = new ProcessBuilder("unshare", "-rm", "sh", "-c", "mount -t tmpfs none /tmp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code sh -c "<setUp> && exec <the command that follows>"}. */
    private static List<String> shell(String setUp) {
        return List.of("sh", "-c", setUp + " && exec \"$0\" \"$@\"");
    }

    /**
     * The command that starts radiolink in a JVM of its own: this test's {@code java} and class path, headless
     * (as the launcher runs it), started quickly; the arguments follow it.
     */
    static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
    }

    private static Radiolink launch(Path workingDirectory, List<String> launcher, String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(javaCommand());
        command.addAll(List.of(args));
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.remove("CI");
        return startCommand(workingDirectory, environment, command);
    }

    /**
     * Starts {@code command} (a script that runs radiolink, say) in {@code workingDirectory} with
     * {@code environment} as its whole environment; stdout and stderr go to temporary files outside the
     * working directory.
     */
    static Radiolink startCommand(Path workingDirectory, Map<String, String> environment, List<String> command) {
        try {
            Path out = Files.createTempFile("radiolink-test-", ".out");
            Path err = Files.createTempFile("radiolink-test-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            return new Radiolink(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the process to end and returns what it did. */
    Finished finish() {
        try {
            boolean ended = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            assertTrue(ended, "radiolink ended within " + TIMEOUT_SECONDS + " s");
            Finished finished = new Finished(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return finished;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code file} exists (a started run shows its marker), failing if the process ends first. */
    void awaitFile(Path file) throws InterruptedException {
        await(() -> Files.exists(file), file + " to appear", 20);
    }

    /**
     * Waits until {@code condition} holds, looking every {@code pollMillis} milliseconds, failing if the
     * process ends first or it takes longer than any run a test waits for.
     */
    void await(BooleanSupplier condition, String what, long pollMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(process.isAlive(), "radiolink ended before " + what);
            assertTrue(System.nanoTime() < deadline, "no " + what + " after " + TIMEOUT_SECONDS + " s");
            Thread.sleep(pollMillis);
        }
    }
}
