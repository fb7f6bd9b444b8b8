package io.radiolink.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.radiolink.report.Metric;
import io.radiolink.report.ReportFixtures;
import io.radiolink.report.SummaryMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG plots: the expected files, each of the fixed size and with something drawn on it. */
final class PlotReporterTest {

    @TempDir
    Path temp;

    @Test
    void write_singlePoint_cdfAndOutcomesButNoSweepPlots() throws IOException {
        new PlotReporter().write(ReportFixtures.single(), temp);
        assertEquals(List.of(PlotReporter.COMPLETION_CDF, PlotReporter.OUTCOMES), files());
        assertDrawn(temp.resolve(PlotReporter.COMPLETION_CDF));
        assertDrawn(temp.resolve(PlotReporter.OUTCOMES));
    }

    @Test
    void write_sweepOfOneNumber_aPlotPerSweepMetric() throws IOException {
        new PlotReporter().write(ReportFixtures.sweep(), temp);
        assertEquals(expectedSweepFiles(), files());
        for (String file : files()) {
            assertDrawn(temp.resolve(file));
        }
    }

    @Test
    void write_sweepOfTwoParameters_aPlotPerSweepMetric() throws IOException {
        new PlotReporter().write(ReportFixtures.twoParameterSweep(), temp);
        assertEquals(expectedSweepFiles(), files());
        for (String file : files()) {
            assertDrawn(temp.resolve(file));
        }
    }

    @Test
    void write_anyReport_leavesJavaAwtHeadlessChosen() throws IOException {
        new PlotReporter().write(ReportFixtures.single(), temp);
        assertNotNull(System.getProperty("java.awt.headless"));
    }

    @Test
    void sweepFileName_dotsAndUnderscoresBecomeDashes() {
        assertEquals("sweep-backup-completion-time.png", PlotReporter.sweepFileName("backup.completion_time"));
        assertEquals("sweep-blocking-probability.png", PlotReporter.sweepFileName("blocking_probability"));
    }

    @Test
    void sweepMetrics_areMetricsOfSummaryCsv() {
        Set<String> metrics = new HashSet<>();
        SummaryMetrics.of(ReportFixtures.single().points().get(0)).forEach(row -> metrics.add(row.metric()));
        for (Metric<?> metric : PlotReporter.SWEEP_METRICS) {
            assertTrue(metrics.contains(metric.name()), metric.name());
        }
    }

    @Test
    void reportsMd_sweepPlots_nameEverySweepMetricAndItsFileInOrder() throws IOException {
        String prose = Files.readString(Path.of("../scenarios/REPORTS.md")).replaceAll("\\s+", " ");
        int start = prose.indexOf("**Sweep plots** are drawn for ");
        assertTrue(start >= 0, "REPORTS.md has no paragraph on the sweep plots");
        int files = prose.indexOf("dashes: ", start);
        int end = prose.indexOf(").", files);
        assertTrue(files > start && end > files, "REPORTS.md names the sweep plots' files after \"dashes: \"");
        List<String> metrics = PlotReporter.SWEEP_METRICS.stream().map(Metric::name).toList();
        assertEquals(metrics, quoted(prose.substring(start, prose.indexOf(" (", start))));
        assertEquals(metrics.stream().map(PlotReporter::sweepFileName).toList(), quoted(prose.substring(files, end)));
    }

    @Test
    void shown_fewPoints_allOfThem() {
        List<Integer> points = List.of(0, 1, 2, 3, 4, 5, 6, 7);
        assertEquals(points, PlotReporter.shown(points));
    }

    @Test
    void shown_manyPoints_spreadEvenlyWithFirstAndLast() {
        List<Integer> points = IntStream.range(0, 50).boxed().toList();
        List<Integer> shown = PlotReporter.shown(points);
        assertEquals(PlotReporter.MAX_SERIES, shown.size());
        assertEquals(0, shown.get(0));
        assertEquals(49, shown.get(shown.size() - 1));
        assertEquals(PlotReporter.MAX_SERIES, new HashSet<>(shown).size());
        for (int i = 1; i < shown.size(); i++) {
            int gap = shown.get(i) - shown.get(i - 1);
            assertTrue(gap == 7 || gap == 6 || gap == 8, shown.toString());
        }
    }

    @Test
    void cdfPercentiles_increaseFromZeroToHundred() {
        double[] percentiles = PlotReporter.cdfPercentiles();
        assertEquals(0.0, percentiles[0]);
        assertEquals(100.0, percentiles[percentiles.length - 1]);
        for (int i = 1; i < percentiles.length; i++) {
            assertTrue(percentiles[i] > percentiles[i - 1]);
        }
    }

    @Test
    void tickLabel_plainDecimalsWithALeadingZero() {
        assertEquals("0.05", ChartImages.tickLabel(0.05));
        assertEquals("0", ChartImages.tickLabel(0.0));
        assertEquals("1500", ChartImages.tickLabel(1500.0));
        assertEquals("0.00001", ChartImages.tickLabel(1e-5));
        assertEquals("0.3", ChartImages.tickLabel(0.1 + 0.2));
        assertEquals("", ChartImages.tickLabel(Double.NaN));
    }

    @Test
    void niceCeiling_roundNumberAtOrAbove() {
        assertEquals(6.0, ChartImages.niceCeiling(5.37));
        assertEquals(40.0, ChartImages.niceCeiling(33.3));
        assertEquals(100.0, ChartImages.niceCeiling(100.0));
        assertEquals(1.0, ChartImages.niceCeiling(0.0));
    }

    private static List<String> quoted(String text) {
        List<String> names = new ArrayList<>();
        Matcher name = Pattern.compile("`([^`]+)`").matcher(text);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static List<String> expectedSweepFiles() {
        List<String> expected = new ArrayList<>(List.of(PlotReporter.COMPLETION_CDF, PlotReporter.OUTCOMES));
        PlotReporter.SWEEP_METRICS.forEach(metric -> expected.add(PlotReporter.sweepFileName(metric.name())));
        expected.sort(null);
        return expected;
    }

    private List<String> files() throws IOException {
        try (Stream<Path> list = Files.list(temp)) {
            return list.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** The image has the fixed size, many colours (text, anti-aliased lines) and more than 2 % non-white pixels. */
    private static void assertDrawn(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not an image");
        assertEquals(PlotReporter.WIDTH, image.getWidth(), file.toString());
        assertEquals(PlotReporter.HEIGHT, image.getHeight(), file.toString());
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        assertTrue(colours.size() > 20, file + " has " + colours.size() + " colours");
        double share = (double) ink / (image.getWidth() * image.getHeight());
        assertTrue(share > 0.02, file + " has " + share + " non-white pixels");
        assertFalse(share > 0.9, file + " is mostly one dark colour");
    }
}
