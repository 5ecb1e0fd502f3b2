package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Quantiles by selection against the sorted-array definition (NumPy's linear rule), NaN/Inf and −0.0 handling. */
class FiniteSampleTest {
  private static final double[] LEVELS = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0, 0.333};

  /** NumPy's linear quantile computed the slow way on a fully sorted copy. */
  private static double sortedQuantile(double[] values, double p) {
    double[] s = values.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p;
    int below = (int) Math.floor(h);
    double a = s[below];
    double b = s[Math.min(below + 1, s.length - 1)];
    double t = h - below;
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }

  @Test
  void selectionGivesTheSameQuantilesAsSorting() {
    Rng rng = new Rng(1);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(trial < 100 ? 40 : 5000);
      int distinct = 1 + rng.nextInt(trial % 3 == 0 ? 4 : 1_000_000);
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = rng.nextInt(distinct) * (rng.uniform() < 0.5 ? -1.5 : 1.5) + 0.0;
      }
      double[] q = FiniteSample.of(x, n).quantiles(LEVELS);
      for (int k = 0; k < LEVELS.length; k++) {
        assertEquals(sortedQuantile(x, LEVELS[k]), q[k], "n=" + n + " p=" + LEVELS[k]);
      }
    }
  }

  @Test
  void numpysLinearRuleOnASmallSample() {
    FiniteSample s = FiniteSample.of(new double[] {4, 1, 3, 2}, 4);
    assertArrayEquals(new double[] {1.15, 1.75, 2.5, 1.0, 4.0}, s.quantiles(0.05, 0.25, 0.5, 0.0, 1.0), 1e-15);
  }

  @Test
  void nonFiniteValuesAreSetAsideAndNegativeZeroIsZero() {
    FiniteSample s = FiniteSample.of(new double[] {Double.NaN, -0.0, 2, Double.NEGATIVE_INFINITY, 9}, 4);
    assertEquals(2, s.size());
    assertEquals(2, s.nonFinite());
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(s.quantile(0)));
    assertArrayEquals(new double[] {0.0, 2.0}, s.sorted());
  }
}
