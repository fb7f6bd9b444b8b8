package io.radiolink.cli;

import io.radiolink.run.ScenarioRunner;
import io.radiolink.run.ScenarioRunner.UnitDone;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar on stderr: units (sweep point × replication) done, simulated time done and ETA.
 * Shown when stderr is a terminal and CI is not set, unless {@code --quiet}; {@code --progress}
 * forces it.
 */
final class ProgressDisplay implements ScenarioRunner.Progress, AutoCloseable {

    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    /** A display on {@code stream} if it should be shown, else one that shows nothing. */
    static ProgressDisplay create(boolean forced, boolean quiet, boolean stderrIsTerminal, boolean ci, int total,
            PrintStream stream) {
        boolean show = !quiet && (forced || (stderrIsTerminal && !ci));
        if (!show) {
            return new ProgressDisplay(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("replications")
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .continuousUpdate()
                .setConsumer(new ConsoleProgressBarConsumer(stream, 100))
                .build();
        return new ProgressDisplay(bar);
    }

    /** True if stderr is a terminal, as the launcher tells through {@code -Dradiolink.stderr.tty}. */
    static boolean stderrIsTerminal() {
        String told = System.getProperty("radiolink.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }

    @Override
    public void unitDone(UnitDone done) {
        if (bar != null) {
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
