package io.horizon.core.stable;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reliability guards of THEORY §7.1, shared by the estimators, with the reason each one gives. */
final class Reliability {
  /** Fewer finite samples than this: no fit (THEORY §7.1, {@code n < 500}). */
  static final int MIN_SAMPLES = 500;
  /** Below this many samples an α̂ at the edge of its range is unreliable (THEORY §7.1, {@code n < 2000}). */
  static final int EDGE_SAMPLES = 2000;
  /** Distance from the ends of the α range that counts as the edge (THEORY §7.1: 1.01, 1.99 on [1, 2]). */
  static final double EDGE_MARGIN = 0.01;
  /** Interquartile ranges at or below this are constant samples (THEORY §7.1). */
  static final double MIN_IQR = 1e-10;
  /** Scale estimates at or below this are unreliable (THEORY §7.1). */
  static final double MIN_GAMMA = 1e-12;

  private Reliability() {}

  /**
   * The guards that rule out a fit before it starts (NaN/Inf samples, no samples, n &lt; 500, IQR ≤ 1e-10): the
   * fallback fit of THEORY §7.1 (α = 2, γ = 0, δ = median) with the reason, or empty if {@code sample} can be fitted.
   */
  static Optional<StableFit> screen(FiniteSample sample, StableMethod method) {
    int n = sample.size();
    double[] quartiles = n > 0 ? sample.quantiles(0.25, 0.5, 0.75) : new double[3];
    double location = quartiles[1];
    if (sample.nonFinite() > 0) {
      return Optional.of(StableFit.notFitted(method, n, location,
          sample.nonFinite() + " of " + (n + sample.nonFinite()) + " samples are NaN or infinite"));
    }
    if (n == 0) {
      return Optional.of(StableFit.notFitted(method, 0, location, "no samples"));
    }
    if (n < MIN_SAMPLES) {
      return Optional.of(StableFit.notFitted(method, n, location,
          "only " + n + " samples, fewer than " + MIN_SAMPLES));
    }
    double iqr = quartiles[2] - quartiles[0];
    if (iqr <= MIN_IQR) {
      return Optional.of(StableFit.notFitted(method, n, location,
          "interquartile range " + iqr + " <= " + MIN_IQR + " (constant or nearly constant samples)"));
    }
    return Optional.empty();
  }

  /**
   * The finished fit, unreliable if γ̂ ≤ 1e-12, if an estimate is not finite, if α̂ lies below {@code lowest}, or if
   * α̂ is within 0.01 of either end of [{@code lowest}, {@code highest}] with n &lt; 2000 (THEORY §7.1).
   */
  static StableFit judge(StableMethod method, double alpha, double beta, double gamma, double delta, int n,
      double lowest, double highest) {
    List<String> reasons = new ArrayList<>();
    if (!(Double.isFinite(alpha) && Double.isFinite(beta) && Double.isFinite(gamma) && Double.isFinite(delta))) {
      reasons.add("non-finite estimate (alpha " + alpha + ", beta " + beta + ", gamma " + gamma + ", delta " + delta
          + ")");
    }
    if (gamma <= MIN_GAMMA) {
      reasons.add("scale estimate " + gamma + " <= " + MIN_GAMMA);
    }
    if (alpha < lowest) {
      reasons.add("alpha estimate " + alpha + " is below the estimator's range [" + lowest + ", " + highest + "]");
    }
    if (n < EDGE_SAMPLES && (alpha <= lowest + EDGE_MARGIN || alpha >= highest - EDGE_MARGIN)) {
      reasons.add("alpha estimate " + alpha + " at the edge of [" + lowest + ", " + highest + "] with only " + n
          + " samples (< " + EDGE_SAMPLES + ")");
    }
    return new StableFit(alpha, beta, gamma, delta, n, reasons.isEmpty(), String.join("; ", reasons), method);
  }
}
