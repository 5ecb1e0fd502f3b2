package io.horizon.core.learnability;

import java.util.Arrays;
import java.util.Optional;

/**
 * Summaries of a per-unit time-scale spectrum (THEORY §7.4 and §11.3 item 1) over its finite τ_q: min, max, mean,
 * standard deviation (ddof 0, as NumPy), quantiles of τ and of ζ = −log τ, width Δζ = ζ_q90 − ζ_q10, and a
 * Gaussian KDE of τ after removing τ above the 99.5th percentile (§7.4 plotting rule).
 *
 * @param fitted units with a fitted τ
 * @param infinite fitted units with τ = ∞ (left out of every statistic below)
 * @param min smallest finite τ
 * @param max largest finite τ
 * @param mean mean of the finite τ
 * @param std standard deviation of the finite τ (ddof 0)
 * @param tauQuantiles τ at the levels {@link #levels()}
 * @param zetaQuantiles ζ = −log τ at the same levels
 * @param zetaWidth Δζ = ζ_q90 − ζ_q10
 * @param kde KDE of τ on an even grid over its range; null when the kept τ are all equal
 */
public record TimescaleSpectrum(
    int fitted,
    int infinite,
    double min,
    double max,
    double mean,
    double std,
    double[] tauQuantiles,
    double[] zetaQuantiles,
    double zetaWidth,
    DensityCurve kde) {

  /** Quantile levels q01, q10, q50, q90, q99 (THEORY §11.3 item 1). */
  private static final double[] LEVELS = {0.01, 0.10, 0.50, 0.90, 0.99};
  /** τ above this percentile are dropped before the KDE (THEORY §7.4). */
  private static final double KDE_KEEP_PERCENTILE = 0.995;

  /** The quantile levels of {@link #tauQuantiles} and {@link #zetaQuantiles}. */
  public static double[] levels() {
    return LEVELS.clone();
  }

  /**
   * Summarises the finite τ of {@code tau} with a KDE on {@code kdePoints} ≥ 2 grid points; empty when fewer than
   * two τ are finite.
   */
  public static Optional<TimescaleSpectrum> of(double[] tau, int kdePoints) {
    if (kdePoints < 2) {
      throw new IllegalArgumentException("kde-points: need at least 2 grid points, got " + kdePoints);
    }
    for (int i = 0; i < tau.length; i++) {
      if (Double.isNaN(tau[i]) || tau[i] <= 0) {
        throw new IllegalArgumentException("tau spectrum: tau[" + i + "] is " + tau[i] + ", expected positive");
      }
    }
    double[] finite = Arrays.stream(tau).filter(Double::isFinite).sorted().toArray();
    if (finite.length < 2) {
      return Optional.empty();
    }
    double mean = Arrays.stream(finite).average().orElseThrow();
    double ss = 0;
    for (double t : finite) {
      ss += (t - mean) * (t - mean);
    }
    double[] zeta = new double[finite.length];
    for (int i = 0; i < finite.length; i++) {
      zeta[i] = -Math.log(finite[finite.length - 1 - i]);
    }
    double[] tauQ = new double[LEVELS.length];
    double[] zetaQ = new double[LEVELS.length];
    for (int k = 0; k < LEVELS.length; k++) {
      tauQ[k] = Quantiles.ofSorted(finite, LEVELS[k]);
      zetaQ[k] = Quantiles.ofSorted(zeta, LEVELS[k]);
    }
    double width = Quantiles.ofSorted(zeta, 0.90) - Quantiles.ofSorted(zeta, 0.10);
    return Optional.of(new TimescaleSpectrum(tau.length, tau.length - finite.length, finite[0],
        finite[finite.length - 1], mean, Math.sqrt(ss / finite.length), tauQ, zetaQ, width,
        density(finite, kdePoints)));
  }

  /** KDE of the τ at or below the 99.5th percentile on linspace(min, max, points); null if they are all equal. */
  private static DensityCurve density(double[] sorted, int points) {
    double cap = Quantiles.ofSorted(sorted, KDE_KEEP_PERCENTILE);
    double[] kept = Arrays.stream(sorted).filter(t -> t <= cap).toArray();
    double lo = kept[0];
    double hi = kept[kept.length - 1];
    if (!(hi > lo)) {
      return null;
    }
    double step = (hi - lo) / (points - 1);
    double[] grid = new double[points];
    for (int i = 0; i < points; i++) {
      grid[i] = i == points - 1 ? hi : i * step + lo;
    }
    return new DensityCurve(grid, new GaussianKde(kept).evaluate(grid));
  }
}
