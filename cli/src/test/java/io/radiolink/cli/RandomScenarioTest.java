package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.scenario.RandomScenarioFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that cannot be tuned to: random scenario files over the whole schema ({@link RandomScenarioFiles}),
 * each either refused by {@code validate} with exit 2 and one line, or accepted and then run with exit 0
 * (bounded by a time budget of {@value #BUDGET_SECONDS} s, so that a heavy draw is refused by the budget
 * instead) — never exit 1, never a stack trace. {@value #DEFAULT_FILES} files by default;
 * {@code -Dradiolink.fuzz.files=N} draws more, {@code -Dradiolink.fuzz.seed=S} another sequence.
 */
final class RandomScenarioTest {

    static final int DEFAULT_FILES = 150;
    static final String BUDGET_SECONDS = "2";

    @TempDir
    Path temp;

    @Test
    void validateThenRun_randomFiles_exitTwoWithOneLineOrExitZero() throws IOException {
        int files = Integer.getInteger("radiolink.fuzz.files", DEFAULT_FILES);
        long seed = Long.getLong("radiolink.fuzz.seed", 20261201L);
        Random random = new Random(seed);
        String previous = System.getProperty("radiolink.budget.seconds");
        System.setProperty("radiolink.budget.seconds", BUDGET_SECONDS);
        List<String> broken = new ArrayList<>();
        int refused = 0;
        int ran = 0;
        int overBudget = 0;
        try {
            for (int i = 0; i < files; i++) {
                String json = RandomScenarioFiles.next(random);
                Path file = Files.writeString(temp.resolve("s" + i + ".json"), json);
                CliRun validate = CliRun.of("validate", file.toString());
                String problem = problem(validate, "validate");
                if (problem == null && validate.status() == 0) {
                    CliRun run = CliRun.of("run", file.toString(), "--out", temp.resolve("out" + i).toString(),
                            "--quiet", "--threads", "1");
                    problem = problem(run, "run");
                    if (problem == null && run.status() == 2 && !run.err().contains("a workload or flows are required")) {
                        problem = "run refused what validate accepted: " + run.err();
                    }
                    ran += run.status() == 0 ? 1 : 0;
                } else if (validate.err().contains("beyond the budget")) {
                    overBudget++;
                } else {
                    refused++;
                    if (Boolean.getBoolean("radiolink.fuzz.verbose")) {
                        System.out.println("refused: " + validate.err().replaceFirst("^error: [^:]*: ?", ""));
                    }
                }
                if (problem != null) {
                    broken.add("file " + i + " (seed " + seed + "): " + problem + "\n" + json);
                }
                deleteTree(temp.resolve("out" + i));
            }
        } finally {
            if (previous == null) {
                System.clearProperty("radiolink.budget.seconds");
            } else {
                System.setProperty("radiolink.budget.seconds", previous);
            }
        }
        System.out.printf("random scenario files: %d, refused %d, over the budget %d, ran %d, broken %d%n", files,
                refused, overBudget, ran, broken.size());
        assertEquals(List.of(), broken.size() > 3 ? broken.subList(0, 3) : broken);
        assertTrue(ran >= files / 10, "a tenth of the files at least should run: " + ran);
        assertTrue(refused >= files / 10, "a tenth of the files at least should be refused: " + refused);
    }

    /** What is wrong with an invocation's outcome, or null: only 0, or 2 with one line starting "error: ". */
    private static String problem(CliRun run, String command) {
        if (run.err().contains("\tat ") || run.err().contains("Exception")) {
            return command + " printed a trace: " + run.err();
        }
        if (run.status() == 0) {
            return null;
        }
        if (run.status() != 2) {
            return command + " exited " + run.status() + ": " + run.err();
        }
        if (!run.err().startsWith("error: ") || run.err().lines().count() != 1) {
            return command + " exited 2 without one error line: " + run.err();
        }
        return null;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
