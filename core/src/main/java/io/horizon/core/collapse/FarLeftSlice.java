package io.horizon.core.collapse;

import io.horizon.core.learnability.Quantiles;
import java.util.Arrays;

/**
 * The far-left (slow) slice of a ζ population: the units with ζ_q ≤ quantile_{q_low}(ζ) over the finite ζ
 * (THEORY §11.3 items 9–10; q_low = 0.10 is the primary choice and the slow-mode set of item 10).
 */
public final class FarLeftSlice {
  /** Primary q_low (THEORY §11.3 items 9–10: {@code slow_mode_q_low = 0.10}). */
  public static final double DEFAULT_Q_LOW = 0.10;

  private FarLeftSlice() {}

  /** Indices q, ascending, of the units with finite ζ_q at or below the q_low-quantile of the finite ζ. */
  public static int[] units(double[] zeta, double qLow) {
    if (!(qLow > 0 && qLow < 1)) {
      throw new IllegalArgumentException("q-low: must lie in (0, 1), got " + qLow);
    }
    double[] finite = Arrays.stream(zeta).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      return new int[0];
    }
    double threshold = Quantiles.ofSorted(finite, qLow);
    int[] out = new int[zeta.length];
    int n = 0;
    for (int q = 0; q < zeta.length; q++) {
      if (zeta[q] <= threshold) {
        out[n++] = q;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
