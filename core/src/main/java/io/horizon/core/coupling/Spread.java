package io.horizon.core.coupling;

import io.horizon.core.learnability.Quantiles;
import java.util.Arrays;

/**
 * The median and interquartile range of a sample (THEORY §10.3 reports lag-wise medians with their IQR).
 *
 * @param median the median
 * @param lower the 25% quantile
 * @param upper the 75% quantile
 */
public record Spread(double median, double lower, double upper) {

  /** The spread of {@code values} (numpy.quantile, linear); every value must be given. */
  public static Spread of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("values: need at least one value");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Spread(Quantiles.ofSorted(sorted, 0.5), Quantiles.ofSorted(sorted, 0.25),
        Quantiles.ofSorted(sorted, 0.75));
  }
}
