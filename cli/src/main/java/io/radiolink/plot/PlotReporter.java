package io.radiolink.plot;

import io.radiolink.protocol.FlowKind;
import io.radiolink.protocol.FlowOutcome;
import io.radiolink.report.Metric;
import io.radiolink.report.Metrics;
import io.radiolink.report.PointResult;
import io.radiolink.report.Reading;
import io.radiolink.report.Reporter;
import io.radiolink.report.RunReport;
import io.radiolink.report.SummaryMetrics;
import io.radiolink.report.Sweeps;
import io.radiolink.scenario.SweepPoint;
import io.radiolink.stats.DurationHistogram;
import io.radiolink.stats.Estimate;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the plots as PNG files of {@value #WIDTH} x {@value #HEIGHT} pixels (XChart, drawn off screen):
 * {@value #COMPLETION_CDF} and {@value #OUTCOMES} for every run, and for a sweep one
 * {@code sweep-<metric>.png} per metric of {@link #SWEEP_METRICS}, the metric's mean and confidence
 * interval at each point against the swept parameter.
 *
 * <p>For a sweep, the CDF plot draws each point as a series and the outcome plot each point as a bar of
 * failure reasons stacked, up to {@value #MAX_SERIES} points; a larger sweep is represented by
 * {@value #MAX_SERIES} points spread evenly over it, the first and last included. A sweep plot has the
 * swept parameter's values on its x axis if exactly one parameter is swept and all its values are
 * numbers; otherwise the points are placed in grid order, labelled with their values, under an axis
 * titled with the swept paths. Every file is the same for the same report: no time, no random colour.
 */
public final class PlotReporter implements Reporter {

    /** Completion-time CDFs, backups above and downloads below. */
    public static final String COMPLETION_CDF = "completion-cdf.png";

    /** Failures by reason as a percentage of the flows, backups above and downloads below. */
    public static final String OUTCOMES = "outcomes.png";

    /** Width of every plot in pixels. */
    public static final int WIDTH = 800;

    /** Height of every plot in pixels. */
    public static final int HEIGHT = 600;

    /** The kinds each plot shows one panel of, one above the other, in this order. */
    private static final List<FlowKind> KINDS = List.of(FlowKind.values());

    /** Sweep points drawn in the CDF and outcome plots at most. */
    public static final int MAX_SERIES = 8;

    /** The metrics drawn against the sweep, each into {@link #sweepFileName(String)} of its name in {@code summary.csv}. */
    public static final List<Metric<?>> SWEEP_METRICS = sweepMetrics();

    /** Every kind's completion time, every kind's failure share, then the cells' blocking and busy channels. */
    private static List<Metric<?>> sweepMetrics() {
        List<Metric<?>> metrics = new ArrayList<>();
        for (FlowKind kind : KINDS) {
            metrics.add(Metrics.of(kind).completionTime());
        }
        for (FlowKind kind : KINDS) {
            metrics.add(Metrics.of(kind).failureShare());
        }
        metrics.add(Metrics.BLOCKING_PROBABILITY);
        metrics.add(Metrics.MEAN_BUSY_CHANNELS);
        return List.copyOf(metrics);
    }


    /** The file of a sweep plot: {@code sweep-} and the metric's name with dots and underscores as dashes. */
    public static String sweepFileName(String metric) {
        return "sweep-" + metric.replace('.', '-').replace('_', '-') + ".png";
    }

    @Override
    public void write(RunReport report, Path directory) throws IOException {
        if (report.points().isEmpty()) {
            return;
        }
        ChartImages.preferHeadless();
        List<PointResult> shown = shown(report.points());
        boolean sweep = report.points().size() > 1;
        ChartImages.writePng(directory.resolve(COMPLETION_CDF), WIDTH, HEIGHT,
                KINDS.stream().map(kind -> cdf(kind, shown, sweep)).toList());
        List<String> paths = Sweeps.paths(report);
        ChartImages.writePng(directory.resolve(OUTCOMES), WIDTH, HEIGHT, KINDS.stream()
                .map(kind -> sweep ? outcomes(kind, shown, paths) : outcomes(kind, shown.get(0))).toList());
        if (sweep) {
            for (Metric<?> metric : SWEEP_METRICS) {
                ChartImages.writePng(directory.resolve(sweepFileName(metric.name())), WIDTH, HEIGHT,
                        List.of(sweepChart(report.points(), paths, metric)));
            }
        }
    }

    /** Every point if there are at most {@link #MAX_SERIES}, else that many spread evenly, first and last included. */
    static <T> List<T> shown(List<T> points) {
        if (points.size() <= MAX_SERIES) {
            return points;
        }
        List<T> shown = new ArrayList<>();
        for (int i = 0; i < MAX_SERIES; i++) {
            shown.add(points.get((int) Math.round(i * (points.size() - 1) / (double) (MAX_SERIES - 1))));
        }
        return shown;
    }

    private static XYChart cdf(FlowKind kind, List<PointResult> shown, boolean sweep) {
        XYChart chart = new XYChart(WIDTH, HEIGHT / KINDS.size());
        ChartImages.style(chart.getStyler());
        ChartImages.compactLegend(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        chart.getStyler().setLegendVisible(sweep);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        ChartImages.numericXAxis(chart.getStyler());
        chart.setXAxisTitle("completion time (s)");
        chart.setYAxisTitle("share of successful flows");
        double[] percentiles = cdfPercentiles();
        long successes = 0;
        for (PointResult point : shown) {
            DurationHistogram histogram = Metrics.of(kind).completionTime().reading().pooled(point.summary());
            successes += histogram.count();
            if (histogram.count() == 0) {
                continue;
            }
            double[] seconds = new double[percentiles.length];
            double[] share = new double[percentiles.length];
            for (int i = 0; i < percentiles.length; i++) {
                seconds[i] = histogram.secondsAtPercentile(percentiles[i]);
                share[i] = percentiles[i] / 100.0;
            }
            String name = Sweeps.label(point.point()) + " (n=" + histogram.count() + ")";
            chart.addSeries(name, seconds, share).setMarker(SeriesMarkers.NONE);
        }
        String title = title(kind) + " completion time CDF";
        if (successes == 0) {
            title += " (no successful flows)";
        } else if (!sweep) {
            title += " (" + successes + " successful flows, all replications)";
        }
        chart.setTitle(title);
        return chart;
    }

    /**
     * The percentiles a CDF is drawn through: every 1 % up to 90, every 0.5 % up to 99, every 0.1 % up to
     * 100, finer where the tail is. (Unequal steps also keep XChart from placing the ticks on the data.)
     */
    static double[] cdfPercentiles() {
        List<Double> percentiles = new ArrayList<>();
        for (int p = 0; p <= 90; p++) {
            percentiles.add((double) p);
        }
        for (int half = 181; half <= 198; half++) {
            percentiles.add(half / 2.0);
        }
        for (int tenth = 991; tenth <= 1000; tenth++) {
            percentiles.add(tenth / 10.0);
        }
        return percentiles.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** One point: a bar per failure reason, as a percentage of the point's flows of {@code kind}. */
    private static CategoryChart outcomes(FlowKind kind, PointResult point) {
        CategoryChart chart = outcomeChart(kind);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(20);
        List<String> reasons = new ArrayList<>();
        List<Double> percent = new ArrayList<>();
        for (FlowOutcome outcome : FlowOutcome.values()) {
            if (!outcome.isSuccess()) {
                reasons.add(outcome.name());
                percent.add(percentOf(point, kind, outcome));
            }
        }
        chart.addSeries("failures", reasons, percent);
        // A round top keeps the ticks round, also when one small bar is all there is.
        chart.getStyler().setYAxisMax(ChartImages.niceCeiling(percent.stream().mapToDouble(Double::doubleValue).max()
                .orElse(0.0)));
        long flows = count(point, Metrics.of(kind).flows());
        chart.setTitle(String.format(Locale.ROOT, "%s failures by reason (%d of %d flows failed, all replications)",
                title(kind), flows - count(point, Metrics.of(kind).outcomes().get(FlowOutcome.SUCCESS)), flows));
        return chart;
    }

    /**
     * A sweep: a stacked bar per shown point, one layer per failure reason that occurs at any of them, as a
     * percentage of the point's flows of {@code kind}, so that a bar's height is the point's failure share.
     */
    private static CategoryChart outcomes(FlowKind kind, List<PointResult> shown, List<String> paths) {
        CategoryChart chart = outcomeChart(kind);
        chart.getStyler().setStacked(true);
        chart.setTitle(title(kind) + " failures by reason");
        chart.setXAxisTitle(String.join(", ", paths));
        List<String> labels = categoryLabels(shown);
        double[] totals = new double[shown.size()];
        for (FlowOutcome outcome : FlowOutcome.values()) {
            if (outcome.isSuccess()) {
                continue;
            }
            List<Double> percent = new ArrayList<>();
            boolean occurs = false;
            for (int i = 0; i < shown.size(); i++) {
                occurs |= count(shown.get(i), Metrics.of(kind).outcomes().get(outcome)) > 0;
                percent.add(percentOf(shown.get(i), kind, outcome));
                totals[i] += percent.get(i);
            }
            if (occurs) {
                chart.addSeries(outcome.name(), labels, percent).setFillColor(ChartImages.colour(outcome.ordinal()));
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            chart.addSeries("no failures", labels, new ArrayList<>(Collections.nCopies(shown.size(), 0.0)));
        }
        chart.getStyler().setYAxisMax(ChartImages.niceCeiling(Arrays.stream(totals).max().orElse(0.0)));
        return chart;
    }

    private static CategoryChart outcomeChart(FlowKind kind) {
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT / KINDS.size());
        ChartImages.style(chart.getStyler());
        ChartImages.compactLegend(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Bar);
        chart.getStyler().setYAxisMin(0.0);
        chart.setYAxisTitle("% of " + noun(kind) + "s");
        return chart;
    }

    /** The point's flows of {@code kind} that ended with {@code outcome}, as a percentage of its flows of that kind. */
    private static double percentOf(PointResult point, FlowKind kind, FlowOutcome outcome) {
        long flows = count(point, Metrics.of(kind).flows());
        return flows == 0 ? 0.0 : 100.0 * count(point, Metrics.of(kind).outcomes().get(outcome)) / flows;
    }

    /** The count's total over the point's replications. */
    private static long count(PointResult point, Metric<Reading.Count> count) {
        return count.reading().ofPoint(point.summary());
    }

    /** The metric's estimate at every point against the swept parameter, with the interval as error bars. */
    private static Chart<?, ?> sweepChart(List<PointResult> points, List<String> paths, Metric<?> metric) {
        List<SummaryMetrics.Row> rows = new ArrayList<>();
        for (PointResult point : points) {
            rows.add(metric.row(point));
        }
        SummaryMetrics.Row first = rows.get(0);
        String yTitle = first.metric() + " (" + first.unit() + "), mean and "
                + percent(first.estimate().confidence()) + " % CI";
        Chart<?, ?> chart = numericSingleParameter(points)
                ? againstValues(points, rows, metric.name())
                : inGridOrder(points, rows, metric.name());
        chart.setXAxisTitle(paths.isEmpty() ? "sweep point" : String.join(", ", paths));
        chart.setYAxisTitle(yTitle);
        return chart;
    }

    /** The points with a mean, sorted by the one swept number, on a numeric x axis. */
    private static XYChart againstValues(List<PointResult> points, List<SummaryMetrics.Row> rows, String name) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        ChartImages.style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        ChartImages.numericXAxis(chart.getStyler());
        chart.setTitle(name);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            if (Double.isFinite(rows.get(i).estimate().mean())) {
                order.add(i);
            }
        }
        if (order.isEmpty()) {
            chart.setTitle(name + " (no data)");
            return chart;
        }
        order.sort(Comparator.comparingDouble(i -> parameter(points.get(i).point())));
        double[] x = new double[order.size()];
        double[] y = new double[order.size()];
        double[] error = new double[order.size()];
        for (int k = 0; k < order.size(); k++) {
            Estimate estimate = rows.get(order.get(k)).estimate();
            x[k] = parameter(points.get(order.get(k)).point());
            y[k] = estimate.mean();
            error[k] = halfWidthOrZero(estimate);
        }
        chart.addSeries(name, x, y, error);
        openFlatRange(chart.getStyler(), rows);
        return chart;
    }

    /** Every point in grid order, labelled with its values; a point without a mean is a gap. */
    private static CategoryChart inGridOrder(List<PointResult> points, List<SummaryMetrics.Row> rows, String name) {
        CategoryChart chart = new CategoryChart(WIDTH, HEIGHT);
        ChartImages.style(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        chart.getStyler().setLegendVisible(false);
        chart.setTitle(name);
        List<String> labels = categoryLabels(points);
        int widest = labels.stream().mapToInt(String::length).max().orElse(0);
        // Roughly 7 pixels a character: slant the labels when they would not fit side by side.
        if (labels.size() * (widest * 7 + 12) > WIDTH - 120) {
            chart.getStyler().setXAxisLabelRotation(labels.size() > 30 ? 90 : 45);
        }
        List<Double> y = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        boolean any = false;
        for (SummaryMetrics.Row row : rows) {
            double mean = row.estimate().mean();
            any |= Double.isFinite(mean);
            y.add(Double.isFinite(mean) ? mean : Double.NaN);
            error.add(halfWidthOrZero(row.estimate()));
        }
        if (!any) {
            chart.setTitle(name + " (no data)");
        }
        chart.addSeries(name, labels, y, error);
        openFlatRange(chart.getStyler(), rows);
        return chart;
    }

    /**
     * Gives the y axis a range when every mean and interval end is one value (say a blocking probability of
     * 0 everywhere), which XChart would otherwise draw as an empty plot: [0, 1] around 0, else half the
     * value either side.
     */
    private static void openFlatRange(AxesChartStyler styler, List<SummaryMetrics.Row> rows) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (SummaryMetrics.Row row : rows) {
            Estimate estimate = row.estimate();
            for (double value : new double[] {estimate.mean(), estimate.lower(), estimate.upper()}) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (low != high) {
            return;
        }
        if (low == 0.0) {
            styler.setYAxisMin(0.0);
            styler.setYAxisMax(1.0);
        } else {
            styler.setYAxisMin(low - Math.abs(low) / 2);
            styler.setYAxisMax(low + Math.abs(low) / 2);
        }
    }

    /**
     * True if exactly one parameter is swept and every point's value of it is a JSON number that a double holds
     * (a swept {@code 1e400} runs as infinite, and has no place on a numeric axis: the points are then drawn as
     * categories, as a sweep of strings is).
     */
    private static boolean numericSingleParameter(List<PointResult> points) {
        for (PointResult point : points) {
            if (point.point().values().size() != 1 || !point.point().values().get(0).value().isNumber()
                    || !Double.isFinite(point.point().values().get(0).value().doubleValue())) {
                return false;
            }
        }
        return true;
    }

    private static double parameter(SweepPoint point) {
        return point.values().get(0).value().doubleValue();
    }

    /** Each point's values; prefixed with its number when two points would otherwise look alike. */
    private static List<String> categoryLabels(List<PointResult> points) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean unique = true;
        for (PointResult point : points) {
            String label = Sweeps.values(point.point());
            unique &= !label.isEmpty() && seen.add(label);
            labels.add(label);
        }
        if (!unique) {
            for (int i = 0; i < labels.size(); i++) {
                int index = points.get(i).point().index();
                labels.set(i, labels.get(i).isEmpty() ? "#" + index : "#" + index + ": " + labels.get(i));
            }
        }
        return labels;
    }

    private static double halfWidthOrZero(Estimate estimate) {
        return Double.isFinite(estimate.halfWidth()) ? estimate.halfWidth() : 0.0;
    }

    private static String percent(double confidence) {
        return BigDecimal.valueOf(confidence * 100).stripTrailingZeros().toPlainString();
    }

    /** A kind as a plot names it: its name in lower case ("backup"), so every kind has one. */
    private static String noun(FlowKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** A kind as a panel's title names it: "Backup". */
    private static String title(FlowKind kind) {
        String noun = noun(kind);
        return Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
    }
}
