package io.horizon.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** {@link VectorMath#exp} against StrictMath's fdlibm exp over the whole range, its limits, and the ordered sum. */
class VectorMathTest {
  private static final int N = VectorMath.LANES.length();

  private static double[] exp(double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i + N <= x.length; i += N) {
      VectorMath.exp(DoubleVector.fromArray(VectorMath.LANES, x, i)).intoArray(out, i);
    }
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
  void sumAddsTheLanesLeftToRight() {
    double[] lanes = new double[N];
    double expected = 0;
    for (int i = 0; i < N; i++) {
      lanes[i] = i == 0 ? 1e16 : 1.0 + i;
      expected += lanes[i];
    }
    assertEquals(expected, VectorMath.sum(DoubleVector.fromArray(VectorMath.LANES, lanes, 0), new double[N]));
  }
}
