package io.radiolink.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** The look of every plot, and the PNG files that hold one chart or several stacked panels. */
final class ChartImages {

    /** Distinct colours (Tableau 10) for things that keep their colour from plot to plot, e.g. a failure reason. */
    private static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728), new Color(0x9467BD),
        new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F), new Color(0xBCBD22), new Color(0x17BECF)};

    private ChartImages() {}

    /** The palette's colour for {@code index}, cycling. */
    static Color colour(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /**
     * Sets {@code java.awt.headless} to true unless someone chose already, so that plotting never needs a
     * display. It has to happen before the first AWT class initializes; after that it changes nothing, and
     * drawing into an image works either way.
     */
    static void preferHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The common style: white backgrounds, light grid, logical sans-serif fonts, anti-aliasing, no tooltips. */
    static void style(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(Color.GRAY);
        styler.setPlotGridLinesColor(new Color(220, 220, 220));
        styler.setLegendBorderColor(Color.LIGHT_GRAY);
        styler.setChartFontColor(Color.BLACK);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setErrorBarsColorSeriesColor(true);
        styler.setToolTipsEnabled(false);
        styler.setAntiAlias(true);
        styler.setYAxisTickMarkSpacingHint(45);
        styler.setyAxisTickLabelsFormattingFunction(ChartImages::tickLabel);
    }

    /** A compact legend for a half-height panel, so that {@link PlotReporter#MAX_SERIES} entries fit beside it. */
    static void compactLegend(AxesChartStyler styler) {
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setLegendPadding(4);
    }

    /** Styles an axis of numbers on x too (category axes hold text and are left alone). */
    static void numericXAxis(AxesChartStyler styler) {
        styler.setxAxisTickLabelsFormattingFunction(ChartImages::tickLabel);
    }

    /** A tick value in plain decimal notation with a leading zero, to ten significant digits: 0.05, 1500, 0.00001. */
    static String tickLabel(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return "";
        }
        if (value == 0.0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code max} (1 for none above 0). */
    static double niceCeiling(double max) {
        if (!(max > 0.0) || !Double.isFinite(max)) {
            return 1.0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    /**
     * Writes {@code panels} into one PNG of {@code width} x {@code height} pixels, stacked top to bottom with
     * equal heights (the last takes the rounding remainder).
     */
    static void writePng(Path file, int width, int height, List<? extends Chart<?, ?>> panels) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            int panelHeight = height / panels.size();
            for (int i = 0; i < panels.size(); i++) {
                int top = i * panelHeight;
                int h = i == panels.size() - 1 ? height - top : panelHeight;
                Graphics2D panel = (Graphics2D) graphics.create(0, top, width, h);
                try {
                    panels.get(i).paint(panel, width, h);
                } finally {
                    panel.dispose();
                }
            }
        } finally {
            graphics.dispose();
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available for " + file);
            }
        }
    }
}
