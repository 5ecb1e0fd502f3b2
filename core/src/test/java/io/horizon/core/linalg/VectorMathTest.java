package io.horizon.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * {@link VectorMath#exp} and {@link VectorMath#log} against StrictMath's fdlibm functions over the whole range and
 * their limits, on whole and partial vectors.
 */
class VectorMathTest {
  private static final int N = VectorMath.LANES.length();

  private static double[] exp(double[] x) {
    double[] out = x.clone();
    VectorMath.exp(out, 0, out.length);
    return out;
  }

  private static double[] log(double[] x) {
    double[] out = x.clone();
    VectorMath.log(out, 0, out.length);
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
  void logWithinOneUlpOfStrictMathAcrossTheRange() {
    Rng rng = new Rng(13);
    double[] x = new double[N * 50_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = switch (i % 4) {
        case 0 -> Math.scalb(rng.uniform(1, 2), rng.nextInt(2046) - 1022);
        case 1 -> rng.uniform(1e-12, 1);
        case 2 -> 1 + Math.scalb(rng.uniform(-1, 1), -rng.nextInt(50));
        default -> rng.uniform(0, 1) * Double.MIN_NORMAL;
      };
    }
    double[] y = log(x);
    for (int i = 0; i < x.length; i++) {
      double expected = StrictMath.log(x[i]);
      assertTrue(Math.abs(y[i] - expected) <= Math.ulp(expected), "log(" + x[i] + "): " + y[i] + " vs " + expected);
    }
  }

  @Test
  void logLimitsAndSpecialValues() {
    double[] cases = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, Math.nextUp(1.0), Math.nextDown(1.0), Math.sqrt(2),
        Math.nextDown(Math.sqrt(0.5)), 1e-12, 0.5};
    double[] x = new double[N * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = cases[i % cases.length];
    }
    double[] y = log(x);
    for (int i = 0; i < x.length; i++) {
      double expected = StrictMath.log(x[i]);
      if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
        assertEquals(expected, y[i], 0.0, "log(" + x[i] + ")");
      } else {
        assertEquals(expected, y[i], Math.ulp(expected), "log(" + x[i] + ")");
      }
    }
  }

  @Test
  void everyElementGetsTheSameBitsWhereverItSits() {
    Rng rng = new Rng(12);
    double[] x = new double[3 * N + 5];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.uniform(0, 30);
    }
    double[][] whole = {exp(x), log(x)};
    for (int from : new int[] {0, 1, N - 1, N + 3}) {
      for (int n : new int[] {1, N - 1, N + 2, x.length - from}) {
        double[][] parts = {x.clone(), x.clone()};
        VectorMath.exp(parts[0], from, n);
        VectorMath.log(parts[1], from, n);
        for (int f = 0; f < 2; f++) {
          for (int i = 0; i < x.length; i++) {
            double expected = i >= from && i < from + n ? whole[f][i] : x[i];
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parts[f][i]),
                (f == 0 ? "exp" : "log") + ": element " + i + " of (values, " + from + ", " + n + ")");
          }
        }
      }
    }
  }
}
