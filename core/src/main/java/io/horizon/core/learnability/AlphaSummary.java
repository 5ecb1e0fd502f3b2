package io.horizon.core.learnability;

/**
 * The pooled tail index α_eff = median of the reliable lags' α̂_ℓ (THEORY §7.2; the median is the spec's
 * reconstruction of the pooling statistic) and the spread of the pooled values.
 *
 * @param pooled median α̂ over the reliable lags, or over all lags when none is reliable
 * @param fromReliableLags false when no lag was reliable and {@code pooled} fell back to all lags
 * @param pooledLags number of α̂ values pooled
 * @param min smallest pooled α̂
 * @param max largest pooled α̂
 */
public record AlphaSummary(double pooled, boolean fromReliableLags, int pooledLags, double min, double max) {

  /** Pools the α̂_ℓ of the reliable lags of {@code statistics} (all lags when none is reliable). */
  public static AlphaSummary of(LagStatistics statistics) {
    int reliable = 0;
    for (boolean r : statistics.alphaReliable()) {
      reliable += r ? 1 : 0;
    }
    boolean fromReliable = reliable > 0;
    double[] values = new double[fromReliable ? reliable : statistics.size()];
    int k = 0;
    for (int i = 0; i < statistics.size(); i++) {
      if (!fromReliable || statistics.alphaReliable()[i]) {
        values[k++] = statistics.alpha()[i];
      }
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return new AlphaSummary(Quantiles.median(values), fromReliable, values.length, min, max);
  }

  /** κ of the pooled α (LW-37 with the §7.2 guard). */
  public double kappa() {
    return StableExponents.kappa(pooled);
  }
}
