package io.radiolink.cli;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.ScenarioRunner.UnitDone;
import io.radiolink.scenario.ResolvedScenario;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DefaultProgressBarRenderer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import me.tongfei.progressbar.ProgressState;

/**
 * The progress bar on stderr: units (sweep point × replication) done, simulated time done and the ETA of
 * {@link CostWeightedEta} (the bar library's own ETA, by count, is replaced by it, so one ETA is shown).
 * Shown when stderr is a terminal and CI is not set, unless {@code --quiet}; {@code --progress}
 * forces it.
 */
final class ProgressDisplay implements ScenarioRunner.Progress, AutoCloseable {

    /** What the bar shows for an ETA not known yet. */
    static final String NO_ETA = "ETA --:--";

    private final ProgressBar bar;
    private final CostWeightedEta eta;

    private ProgressDisplay(ProgressBar bar, CostWeightedEta eta) {
        this.bar = bar;
        this.eta = eta;
    }

    /**
     * A display on {@code stream} of a run of {@code unitsOfPoint[p]} units of each point {@code p} of
     * {@code scenario} (every unit, or a part's) if it should be shown, else one that shows nothing.
     */
    static ProgressDisplay create(boolean forced, boolean quiet, boolean stderrIsTerminal, boolean ci,
            ResolvedScenario scenario, int[] unitsOfPoint, PrintStream stream) {
        boolean show = !quiet && (forced || (stderrIsTerminal && !ci));
        if (!show) {
            return new ProgressDisplay(null, null);
        }
        CostWeightedEta eta = new CostWeightedEta(unitsOfPoint, WorkEstimate.eventsPerUnitOfEachPoint(scenario),
                System::nanoTime);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("replications")
                .setInitialMax(Arrays.stream(unitsOfPoint).sum())
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .setRenderer(new CostWeightedRenderer(eta))
                .setConsumer(new ConsoleProgressBarConsumer(stream, 100))
                .build();
        return new ProgressDisplay(bar, eta);
    }

    /** The library's bar with {@link CostWeightedEta}'s ETA in the place of its own. */
    private static final class CostWeightedRenderer extends DefaultProgressBarRenderer {
        private final CostWeightedEta eta;

        CostWeightedRenderer(CostWeightedEta eta) {
            super(ProgressBarStyle.ASCII, "", 1, false, null, ChronoUnit.SECONDS, true, state -> Optional.empty());
            this.eta = eta;
        }

        @Override
        protected String etaString(ProgressState state) {
            return etaText(eta.remaining());
        }
    }

    /** {@code ETA 0:01:23}, or {@link #NO_ETA}. */
    static String etaText(Optional<Duration> remaining) {
        return remaining.map(left -> String.format(Locale.ROOT, "ETA %d:%02d:%02d", left.toHours(),
                left.toMinutesPart(), left.toSecondsPart())).orElse(NO_ETA);
    }

    /** True if stderr is a terminal, as the launcher tells through {@code -Dradiolink.stderr.tty}. */
    static boolean stderrIsTerminal() {
        String told = System.getProperty("radiolink.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    @Override
    public void unitDone(UnitDone done) {
        if (bar != null) {
            eta.unitDone(done);
            bar.stepTo(done.done());
            bar.setExtraMessage(String.format(Locale.ROOT, "simulated %,.0f s", done.simulatedSeconds()));
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
