package io.horizon.core.learnability;

import java.util.Arrays;

/** Order statistics for the α pooling and τ summaries (THEORY §7.2, §11.3 item 1), as numpy.quantile (linear). */
public final class Quantiles {
  private Quantiles() {}

  /** The p-quantile of ascending {@code sorted} values: s[⌊h⌋] + (h − ⌊h⌋)(s[⌊h⌋+1] − s[⌊h⌋]), h = p(n−1). */
  public static double ofSorted(double[] sorted, double p) {
    double h = p * (sorted.length - 1);
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double frac = h - lo;
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }

  /** The median (mean of the two middle values for an even count), as {@code numpy.median}. */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return ofSorted(sorted, 0.5);
  }
}
