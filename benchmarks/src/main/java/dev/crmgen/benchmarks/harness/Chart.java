package dev.crmgen.benchmarks.harness;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A horizontal bar per figure: crmgen's advantage over its peer on a log scale (1× in the middle), green where it
 * meets its target, red where it misses, grey where there is no target; a tick marks the target.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int ROW = 26;
    private static final int LABEL = 520;
    private static final int RIGHT = 90;
    private static final double MIN = 0.1;
    private static final double MAX = 100;

    private Chart() {}

    static void write(List<Figure> figures, String title, Path png) throws IOException {
        long sections = figures.stream().map(Figure::section).distinct().count();
        int rows = figures.size() + (int) sections;
        int height = 86 + rows * ROW + 40;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 12, 24);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(
                "crmgen's advantage over its peer in the same run (log scale; right of 1× = crmgen better).", 12, 44);
        g.drawString(
                "Green: target met; red: missed (for budgets such as < 300 ms see the table); grey: no target;"
                        + " black tick: the target.",
                12,
                60);

        int plotLeft = LABEL;
        int plotRight = WIDTH - RIGHT;
        int top = 76;
        int bottom = top + rows * ROW;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (double tick : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100}) {
            int x = x(tick, plotLeft, plotRight);
            g.setColor(tick == 1 ? Color.DARK_GRAY : new Color(225, 225, 225));
            g.drawLine(x, top - 4, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String label = (tick < 1 ? String.valueOf(tick) : String.valueOf((int) tick)) + "×";
            g.drawString(label, x - g.getFontMetrics().stringWidth(label) / 2, bottom + 16);
        }
        int one = x(1, plotLeft, plotRight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        int row = 0;
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                int y = top + row++ * ROW;
                g.setColor(new Color(245, 245, 245));
                g.fillRect(0, y + 2, WIDTH, ROW - 4);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
                g.drawString(section, 12, y + ROW - 9);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            }
            int y = top + row++ * ROW;
            g.setColor(Color.BLACK);
            g.drawString(shorten(f.name(), fm, LABEL - 30), 24, y + ROW - 9);
            double adv = f.advantage();
            int end = x(adv, plotLeft, plotRight);
            g.setColor(
                    f.met() == null
                            ? new Color(150, 150, 150)
                            : f.met() ? new Color(60, 160, 80) : new Color(210, 60, 50));
            g.fillRect(Math.min(one, end), y + 5, Math.max(2, Math.abs(end - one)), ROW - 10);
            if (!Double.isNaN(f.minAdvantage())) {
                int tx = x(f.minAdvantage(), plotLeft, plotRight);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(2));
                g.drawLine(tx, y + 2, tx, y + ROW - 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(format(adv), plotRight + 6, y + ROW - 9);
        }
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    static String format(double advantage) {
        if (Double.isInfinite(advantage)) {
            return "∞";
        }
        return String.format(Locale.ROOT, advantage >= 10 ? "%.0f×" : "%.2f×", advantage);
    }

    private static int x(double value, int left, int right) {
        double v = Math.max(MIN, Math.min(MAX, value));
        double t = (Math.log10(v) - Math.log10(MIN)) / (Math.log10(MAX) - Math.log10(MIN));
        return (int) Math.round(left + t * (right - left));
    }

    private static String shorten(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 4 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
