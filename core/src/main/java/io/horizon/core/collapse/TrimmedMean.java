package io.horizon.core.collapse;

import java.util.Arrays;

/** Trimmed mean as scipy.stats.trim_mean: ⌊p·n⌋ values cut from each end of the sorted data (THEORY §11.3 item 9). */
final class TrimmedMean {
  private TrimmedMean() {}

  /** Mean of {@code values} without the ⌊fraction·n⌋ smallest and largest; {@code values} is sorted in place. */
  static double ofInPlace(double[] values, int n, double fraction) {
    Arrays.sort(values, 0, n);
    int cut = (int) Math.floor(fraction * n);
    double sum = 0;
    for (int i = cut; i < n - cut; i++) {
      sum += values[i];
    }
    return sum / (n - 2 * cut);
  }
}
