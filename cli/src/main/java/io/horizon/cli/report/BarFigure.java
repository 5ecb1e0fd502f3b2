package io.horizon.cli.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Grouped bars with the report's style (white, grid, legend on the right), one group per category and one bar per
 * series, rendered to PNG. Non-finite values are drawn as 0.
 */
final class BarFigure {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private final CategoryChart chart;
  private final List<String> categories;

  /** An empty figure with its title, axis titles and the category names of every group. */
  BarFigure(String title, String xTitle, String yTitle, List<String> categories) {
    this.chart = new CategoryChartBuilder().width(XyFigure.WIDTH).height(XyFigure.HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    this.categories = List.copyOf(categories);
    CategoryStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setLegendBorderColor(Color.LIGHT_GRAY);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    s.setPlotGridLinesColor(new Color(0xdddddd));
    s.setyAxisTickLabelsFormattingFunction(XyFigure::tickLabel);
  }

  /** One bar per category, named in the legend. */
  BarFigure bars(String name, double[] values, Color color) {
    if (values.length != categories.size()) {
      throw new IllegalArgumentException(
          "values: " + values.length + " bars for " + categories.size() + " categories of " + name);
    }
    double[] shown = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      shown[i] = Double.isFinite(values[i]) ? values[i] : 0;
    }
    CategorySeries series = chart.addSeries(name, categories,
        Arrays.stream(shown).boxed().toList());
    series.setFillColor(color);
    return this;
  }

  /** Renders the figure. */
  Plot render(String file, String caption) {
    try {
      return new Plot(file, chart.getTitle(), caption,
          BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
