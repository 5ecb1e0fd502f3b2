package io.horizon.cli.report;

import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;

/**
 * The per-lag α-stable fits of the last checkpoint of every run (THEORY §7.1): the distribution of the tail index
 * α̂ over the lags (histogram outlines on a shared grid of bins) and the scale γ̂ against the lag.
 */
final class StablePlots {
  /** Bins of the α̂ histogram over (0, 2]. */
  static final int ALPHA_BINS = 20;
  private static final double ALPHA_MAX = 2.0;

  private StablePlots() {}

  /** The two figures. */
  static List<Plot> of(List<LearnabilityReport> finals, RunStyles styles) {
    return List.of(alpha(finals, styles), gamma(finals, styles));
  }

  private static Plot alpha(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Distribution of the tail index α̂ over lags", "tail index α̂", "lags", false, false);
    for (LearnabilityReport r : finals) {
      f.plainLine(styles.label(r.getRunId()), histogram(ReportSeries.doubles(r.getAlphaList())),
          styles.color(r.getRunId()));
    }
    return f.render("alpha-distribution.png", "How many lags of each run's last checkpoint have their α̂ (the "
        + "per-lag α-stable tail index of the gradient samples, THEORY §7.1) in each of " + ALPHA_BINS
        + " equal bins over (0, 2]; α̂ = 2 is Gaussian, smaller is heavier-tailed.");
  }

  /** The outline of the histogram of {@code values} on {@link #ALPHA_BINS} bins over (0, 2]. */
  static Curve histogram(double[] values) {
    int[] counts = new int[ALPHA_BINS];
    double width = ALPHA_MAX / ALPHA_BINS;
    for (double v : values) {
      counts[Math.min(ALPHA_BINS - 1, Math.max(0, (int) Math.ceil(v / width) - 1))]++;
    }
    double[] x = new double[2 * ALPHA_BINS + 2];
    double[] y = new double[x.length];
    for (int b = 0; b < ALPHA_BINS; b++) {
      x[2 * b + 1] = b * width;
      x[2 * b + 2] = (b + 1) * width;
      y[2 * b + 1] = counts[b];
      y[2 * b + 2] = counts[b];
    }
    x[x.length - 1] = ALPHA_MAX;
    return new Curve(x, y);
  }

  private static Plot gamma(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Scale γ̂ vs lag ℓ", "lag ℓ", "scale γ̂(ℓ)", false, true);
    for (LearnabilityReport r : finals) {
      f.line(styles.label(r.getRunId()), new Curve(ReportSeries.lags(r), ReportSeries.doubles(r.getGammaList())),
          styles.color(r.getRunId()));
    }
    return f.render("gamma-vs-lag.png", "The per-lag α-stable scale γ̂(ℓ) of the gradient samples (THEORY §7.1) of "
        + "each run's last checkpoint; γ̂ = 0 (too few samples for a fit) is left out of the log axis.");
  }
}
