package io.horizon.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/** {@link VectorMath#exp} against StrictMath's fdlibm exp over the whole range and its limits, on whole and partial vectors. */
class VectorMathTest {
  private static final int N = VectorMath.LANES.length();

  private static double[] exp(double[] x) {
    double[] out = x.clone();
    VectorMath.exp(out, 0, out.length);
    return out;
  }

  @Test
  void expWithinTwoUlpOfStrictMathAcrossTheRange() {
    Rng rng = new Rng(11);
    double[] x = new double[N * 50_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 3 == 0 ? rng.uniform(-745, 709.7) : Math.scalb(rng.uniform(-1, 1), rng.nextInt(60) - 50);
    }
    double[] y = exp(x);
    for (int i = 0; i < x.length; i++) {
      double expected = StrictMath.exp(x[i]);
      double ulp = Math.ulp(expected);
      assertTrue(Math.abs(y[i] - expected) <= 2 * ulp, "exp(" + x[i] + "): " + y[i] + " vs " + expected);
    }
  }

  @Test
  void expLimitsAndSpecialValues() {
    double[] x = new double[N * 2];
    double[] cases = {0.0, -0.0, 709.78, 709.79, -745.1, -746, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN, -708.5, 1e-300, -1e-300};
    for (int i = 0; i < x.length; i++) {
      x[i] = cases[i % cases.length];
    }
    double[] y = exp(x);
    for (int i = 0; i < x.length; i++) {
      double expected = StrictMath.exp(x[i]);
      if (Double.isNaN(expected)) {
        assertTrue(Double.isNaN(y[i]));
      } else {
        assertEquals(expected, y[i], 2 * Math.ulp(expected), "exp(" + x[i] + ")");
      }
    }
  }

  @Test
  void everyElementGetsTheSameBitsWhereverItSits() {
    Rng rng = new Rng(12);
    double[] x = new double[3 * N + 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.uniform(-30, 30);
    }
    double[] whole = exp(x);
    for (int from : new int[] {0, 1, N - 1, N + 3}) {
      for (int n : new int[] {1, N - 1, N + 2, x.length - from}) {
        double[] part = x.clone();
        VectorMath.exp(part, from, n);
        for (int i = 0; i < x.length; i++) {
          double expected = i >= from && i < from + n ? whole[i] : x[i];
          assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(part[i]),
              "element " + i + " of exp(values, " + from + ", " + n + ")");
        }
      }
    }
  }
}
