package io.radiolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.run.ScenarioRunner.UnitDone;
import io.radiolink.scenario.ResolvedScenario;
import io.radiolink.scenario.ScenarioException;
import io.radiolink.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bar shows one ETA, the cost-weighted one: {@code ETA --:--} before a unit has ended, a time after; no
 * other time than the elapsed one (the bar library's own ETA, by count, would be one more).
 */
final class ProgressDisplayTest {

    private static final Pattern ETA = Pattern.compile("ETA");
    private static final Pattern TIME = Pattern.compile("\\d+:\\d\\d:\\d\\d");

    @Test
    void create_beforeAnyUnit_showsOneEtaNotKnownYet() throws ScenarioException {
        String last = lastFrame(0);
        assertEquals(1, count(ETA, last), last);
        assertEquals(1, count(TIME, last), last);
        assertTrue(last.contains(ProgressDisplay.NO_ETA), last);
    }

    @Test
    void unitDone_afterAUnit_showsOneEtaWithATime() throws ScenarioException {
        String last = lastFrame(1);
        assertEquals(1, count(ETA, last), last);
        assertEquals(2, count(TIME, last), last);
        assertTrue(Pattern.compile("/ ETA \\d+:\\d\\d:\\d\\d\\)").matcher(last).find(), last);
    }

    @Test
    void etaText_hoursMinutesSeconds() {
        assertEquals("ETA 1:02:03", ProgressDisplay.etaText(Optional.of(Duration.ofSeconds(3723))));
        assertEquals("ETA 0:00:00", ProgressDisplay.etaText(Optional.of(Duration.ZERO)));
        assertEquals("ETA --:--", ProgressDisplay.etaText(Optional.empty()));
    }

    /** The last line the bar drew on a forced display of loss-sweep after {@code units} units of point 0. */
    private static String lastFrame(int units) throws ScenarioException {
        ResolvedScenario scenario = ScenarioLoader.load(Examples.FOLDER.resolve("loss-sweep.json"),
                OptionalLong.empty(), OptionalInt.empty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int total = scenario.points().size() * scenario.replications();
        int[] unitsOfPoint = new int[scenario.points().size()];
        Arrays.fill(unitsOfPoint, scenario.replications());
        try (ProgressDisplay display = ProgressDisplay.create(true, false, false, true, scenario, unitsOfPoint,
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            for (int k = 1; k <= units; k++) {
                display.unitDone(new UnitDone(k, total, 0, 1_000_000, 600.0 * k, false));
            }
        }
        String[] frames = bytes.toString(StandardCharsets.UTF_8).split("\r");
        return frames[frames.length - 1].strip();
    }

    private static int count(Pattern pattern, String frame) {
        Matcher matcher = pattern.matcher(frame);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }
}
