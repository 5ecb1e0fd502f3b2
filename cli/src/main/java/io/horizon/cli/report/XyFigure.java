package io.horizon.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * An x–y figure with the report's style (white, grid, legend on the right, linear or logarithmic axes), rendered
 * to PNG. Points that a logarithmic axis cannot show (≤ 0) and non-finite points are left out; a series left
 * without points is not drawn.
 */
final class XyFigure {
  static final int WIDTH = 960;
  static final int HEIGHT = 560;
  /** Ratio max/min of a log axis from which it labels decades only (below, every 1–9 × 10^k). */
  static final double DECADES_ONLY_FROM = 100;
  private static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 6f}, 0f);
  private static final BasicStroke SOLID = new BasicStroke(1.8f);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private final XYChart chart;
  private final boolean logX;
  private final boolean logY;
  private final double[] xRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
  private final double[] yRange = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

  /** An empty figure with its title, axis titles and axis scales. */
  XyFigure(String title, String xTitle, String yTitle, boolean logX, boolean logY) {
    this.chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    this.logX = logX;
    this.logY = logY;
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setMarkerSize(6);
    chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(logY).setPlotGridLinesColor(new Color(0xdddddd))
        .setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    if (!logX) {
      chart.getStyler().setxAxisTickLabelsFormattingFunction(XyFigure::tickLabel);
    }
    if (!logY) {
      chart.getStyler().setyAxisTickLabelsFormattingFunction(XyFigure::tickLabel);
    }
  }

  /** A solid line with markers, named in the legend. */
  XyFigure line(String name, Curve curve, Color color) {
    add(name, curve, color, SOLID, SeriesMarkers.CIRCLE, XYSeries.XYSeriesRenderStyle.Line);
    return this;
  }

  /** A solid line without markers, named in the legend. */
  XyFigure plainLine(String name, Curve curve, Color color) {
    add(name, curve, color, SOLID, SeriesMarkers.NONE, XYSeries.XYSeriesRenderStyle.Line);
    return this;
  }

  /** A dashed line without markers (a fitted law), named in the legend. */
  XyFigure dashed(String name, Curve curve, Color color) {
    add(name, curve, color, DASHED, SeriesMarkers.NONE, XYSeries.XYSeriesRenderStyle.Line);
    return this;
  }

  /** Round markers only, named in the legend. */
  XyFigure points(String name, Curve curve, Color color) {
    add(name, curve, color, SOLID, SeriesMarkers.CIRCLE, XYSeries.XYSeriesRenderStyle.Scatter);
    return this;
  }

  /** Triangle markers only, named in the legend. */
  XyFigure triangles(String name, Curve curve, Color color) {
    add(name, curve, color, SOLID, SeriesMarkers.TRIANGLE_UP, XYSeries.XYSeriesRenderStyle.Scatter);
    return this;
  }

  /** Whether at least one series has points. */
  boolean hasData() {
    return !chart.getSeriesMap().isEmpty();
  }

  /** Renders the figure; a figure without any series shows a "no data" series at the origin of its axes. */
  Plot render(String file, String caption) {
    if (!hasData()) {
      double origin = logX || logY ? 1 : 0;
      add("no data", new Curve(new double[] {origin}, new double[] {origin}), Color.GRAY, SOLID,
          SeriesMarkers.CIRCLE, XYSeries.XYSeriesRenderStyle.Scatter);
    }
    chart.getStyler().setXAxisLogarithmicDecadeOnly(xRange[1] / xRange[0] >= DECADES_ONLY_FROM)
        .setYAxisLogarithmicDecadeOnly(yRange[1] / yRange[0] >= DECADES_ONLY_FROM);
    try {
      return new Plot(file, chart.getTitle(), caption, BitmapEncoder.getBitmapBytes(chart,
          BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A linear-axis tick label: at most four significant digits, plain for 0 and between 10⁻³ and 10⁵, else
   * scientific (XChart places log-axis ticks itself only with its own labels).
   */
  static String tickLabel(double v) {
    double magnitude = Math.abs(v);
    if (magnitude == 0 || magnitude >= 1e-3 && magnitude < 1e5) {
      return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.2g", v);
  }

  private void add(String name, Curve curve, Color color, BasicStroke stroke, Marker marker,
      XYSeries.XYSeriesRenderStyle style) {
    Curve shown = curve.where(x -> Double.isFinite(x) && (!logX || x > 0), y -> Double.isFinite(y) && (!logY || y > 0));
    if (shown.isEmpty()) {
      return;
    }
    widen(xRange, shown.x());
    widen(yRange, shown.y());
    XYSeries series = chart.addSeries(name, shown.x(), shown.y());
    series.setXYSeriesRenderStyle(style);
    series.setLineColor(color);
    series.setLineStyle(stroke);
    series.setMarkerColor(color);
    series.setMarker(marker);
  }

  private static void widen(double[] range, double[] values) {
    for (double v : values) {
      range[0] = Math.min(range[0], v);
      range[1] = Math.max(range[1], v);
    }
  }
}
