package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

class LayerNormTest {
  private static final int ROWS = 3;
  private static final int H = 5;

  private static double[] random(Rng rng, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.gaussian();
    }
    return v;
  }

  private static double[] apply(double[] in, double[] w, double[] b) {
    double[] out = new double[ROWS * H];
    LayerNorm.forward(in, w, b, new double[ROWS * H], new double[ROWS], out, ROWS, H);
    return out;
  }

  /** Weighted sum of outputs, so that one scalar's finite difference checks the whole backward pass. */
  private static double objective(double[] in, double[] w, double[] b, double[] weights) {
    double[] out = apply(in, w, b);
    double s = 0;
    for (int i = 0; i < out.length; i++) {
      s += weights[i] * out[i];
    }
    return s;
  }

  @Test
  void backwardAndTangentMatchFiniteDifferences() {
    Rng rng = new Rng(3);
    double[] in = random(rng, ROWS * H);
    double[] w = random(rng, H);
    double[] b = random(rng, H);
    double[] weights = random(rng, ROWS * H);
    double[] zhat = new double[ROWS * H];
    double[] inv = new double[ROWS];
    LayerNorm.forward(in, w, b, zhat, inv, new double[ROWS * H], ROWS, H);
    double[] dIn = new double[ROWS * H];
    double[] dW = new double[H];
    double[] dB = new double[H];
    LayerNorm.backward(weights, zhat, inv, w, dIn, dW, dB, ROWS, H);
    double eps = 1e-6;
    double[][] targets = {in, w, b};
    double[][] grads = {dIn, dW, dB};
    for (int k = 0; k < 3; k++) {
      for (int i = 0; i < targets[k].length; i++) {
        double keep = targets[k][i];
        targets[k][i] = keep + eps;
        double plus = objective(in, w, b, weights);
        targets[k][i] = keep - eps;
        double minus = objective(in, w, b, weights);
        targets[k][i] = keep;
        assertEquals((plus - minus) / (2 * eps), grads[k][i], 1e-8, "gradient " + k + "/" + i);
      }
    }
    double[] tIn = random(rng, ROWS * H);
    double[] tW = random(rng, H);
    double[] tB = random(rng, H);
    double[] tOut = new double[ROWS * H];
    LayerNorm.tangent(tIn, zhat, inv, w, tW, tB, tOut, ROWS, H);
    double[] plus = apply(shift(in, tIn, eps), shift(w, tW, eps), shift(b, tB, eps));
    double[] minus = apply(shift(in, tIn, -eps), shift(w, tW, -eps), shift(b, tB, -eps));
    for (int i = 0; i < tOut.length; i++) {
      assertEquals((plus[i] - minus[i]) / (2 * eps), tOut[i], 1e-8, "tangent " + i);
    }
  }

  private static double[] shift(double[] v, double[] d, double eps) {
    double[] out = v.clone();
    for (int i = 0; i < v.length; i++) {
      out[i] += eps * d[i];
    }
    return out;
  }
}
