package io.horizon.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * A heatmap of positive values on a logarithmic colour scale (rows top to bottom, columns left to right), with
 * its axis labels and a colour bar in powers of ten, rendered to PNG. Values ≤ 0 or not finite are drawn grey.
 */
final class HeatmapFigure {
  private static final int LEFT = 90;
  private static final int RIGHT = 130;
  private static final int TOP = 50;
  private static final int BOTTOM = 60;
  private static final int BAR_WIDTH = 22;
  private static final int ROW_HEIGHT = 44;
  private static final int MIN_PLOT_HEIGHT = 160;
  /** Perceptually ordered anchors (dark blue → teal → green → yellow) interpolated linearly. */
  private static final Color[] SCALE = {new Color(0x440154), new Color(0x3b528b), new Color(0x21918c),
      new Color(0x5ec962), new Color(0xfde725)};
  private static final Color MISSING = new Color(0xcccccc);
  /** Powers of ten the colour bar needs in its range to label them only. */
  private static final int MIN_DECADE_TICKS = 2;
  /** Labels of a colour bar spanning less. */
  private static final int SPREAD_TICKS = 5;

  private final String title;
  private final String xTitle;
  private final String yTitle;
  private final String valueTitle;

  /** A heatmap with its title, axis titles and the name of the coloured value. */
  HeatmapFigure(String title, String xTitle, String yTitle, String valueTitle) {
    this.title = title;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
    this.valueTitle = valueTitle;
  }

  /** Renders {@code values[row][column]} with column labels {@code columns} and row labels {@code rows}. */
  Plot render(String file, String caption, double[] columns, String[] rows, double[][] values) {
    double[] range = logRange(values);
    int plotWidth = XyFigure.WIDTH - LEFT - RIGHT;
    int plotHeight = Math.max(MIN_PLOT_HEIGHT, rows.length * ROW_HEIGHT);
    BufferedImage image = new BufferedImage(XyFigure.WIDTH, TOP + plotHeight + BOTTOM, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int r = 0; r < rows.length; r++) {
      int y0 = TOP + r * plotHeight / rows.length;
      int y1 = TOP + (r + 1) * plotHeight / rows.length;
      for (int c = 0; c < columns.length; c++) {
        int x0 = LEFT + c * plotWidth / columns.length;
        int x1 = LEFT + (c + 1) * plotWidth / columns.length;
        double v = values[r][c];
        g.setColor(v > 0 && Double.isFinite(v) ? colour((Math.log10(v) - range[0]) / (range[1] - range[0])) : MISSING);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
      }
    }
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(LEFT, TOP, plotWidth, plotHeight);
    labels(g, columns, rows, plotWidth, plotHeight);
    colourBar(g, range, plotWidth, plotHeight);
    g.dispose();
    try {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      ImageIO.write(image, "png", png);
      return new Plot(file, title, caption, png.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private void labels(Graphics2D g, double[] columns, String[] rows, int plotWidth, int plotHeight) {
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    FontMetrics bold = g.getFontMetrics();
    g.drawString(title, (XyFigure.WIDTH - bold.stringWidth(title)) / 2, TOP - 20);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    int every = Math.max(1, (int) Math.ceil(columns.length / 16.0));
    for (int c = 0; c < columns.length; c += every) {
      String label = XyFigure.tickLabel(columns[c]);
      int x = LEFT + (2 * c + 1) * plotWidth / (2 * columns.length);
      g.drawLine(x, TOP + plotHeight, x, TOP + plotHeight + 4);
      g.drawString(label, x - m.stringWidth(label) / 2, TOP + plotHeight + 18);
    }
    for (int r = 0; r < rows.length; r++) {
      int y = TOP + (2 * r + 1) * plotHeight / (2 * rows.length);
      g.drawString(rows[r], LEFT - 8 - m.stringWidth(rows[r]), y + m.getAscent() / 2);
    }
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    FontMetrics axis = g.getFontMetrics();
    g.drawString(xTitle, LEFT + (plotWidth - axis.stringWidth(xTitle)) / 2, TOP + plotHeight + 44);
    Graphics2D turned = (Graphics2D) g.create();
    turned.rotate(-Math.PI / 2);
    turned.drawString(yTitle, -(TOP + (plotHeight + axis.stringWidth(yTitle)) / 2), 22);
    turned.dispose();
  }

  private void colourBar(Graphics2D g, double[] range, int plotWidth, int plotHeight) {
    int x = LEFT + plotWidth + 24;
    for (int y = 0; y < plotHeight; y++) {
      g.setColor(colour(1 - (double) y / (plotHeight - 1)));
      g.drawLine(x, TOP + y, x + BAR_WIDTH, TOP + y);
    }
    g.setColor(Color.DARK_GRAY);
    g.drawRect(x, TOP, BAR_WIDTH, plotHeight);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    for (double tick : ticks(range)) {
      int y = TOP + (int) Math.round((range[1] - tick) / (range[1] - range[0]) * (plotHeight - 1));
      g.drawLine(x + BAR_WIDTH, y, x + BAR_WIDTH + 4, y);
      String label = tick == Math.rint(tick) ? "1e" + (int) tick : XyFigure.tickLabel(Math.pow(10, tick));
      g.drawString(label, x + BAR_WIDTH + 7, y + m.getAscent() / 2);
    }
    g.drawString(valueTitle, x - 4, TOP - 6);
  }

  /**
   * The log10 values the colour bar labels: every power of ten in {@code range} when it spans at least
   * {@value #MIN_DECADE_TICKS}, else {@value #SPREAD_TICKS} values spread evenly over it.
   */
  private static double[] ticks(double[] range) {
    double first = Math.ceil(range[0]);
    int decades = (int) (Math.floor(range[1]) - first) + 1;
    if (decades >= MIN_DECADE_TICKS) {
      double[] out = new double[decades];
      for (int k = 0; k < decades; k++) {
        out[k] = first + k;
      }
      return out;
    }
    double[] out = new double[SPREAD_TICKS];
    for (int k = 0; k < SPREAD_TICKS; k++) {
      out[k] = range[0] + (range[1] - range[0]) * k / (SPREAD_TICKS - 1);
    }
    return out;
  }

  /** [min, max] of log10 over the positive finite values; a unit-wide range around a single value. */
  private static double[] logRange(double[][] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, Math.log10(v));
          hi = Math.max(hi, Math.log10(v));
        }
      }
    }
    if (!(lo < hi)) {
      double centre = Double.isFinite(lo) ? lo : 0;
      return new double[] {centre - 0.5, centre + 0.5};
    }
    return new double[] {lo, hi};
  }

  /** The scale's colour at {@code t} in [0, 1]. */
  static Color colour(double t) {
    double at = Math.min(1, Math.max(0, t)) * (SCALE.length - 1);
    int i = Math.min(SCALE.length - 2, (int) Math.floor(at));
    double f = at - i;
    Color a = SCALE[i];
    Color b = SCALE[i + 1];
    return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
        mix(a.getBlue(), b.getBlue(), f));
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round(a + (b - a) * f);
  }
}
