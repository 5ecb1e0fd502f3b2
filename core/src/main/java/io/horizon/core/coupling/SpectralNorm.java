package io.horizon.core.coupling;

import io.horizon.core.random.Rng;
import java.util.Arrays;

/**
 * The spectral norm {@code ‖M‖_2} of a square matrix by power iteration on {@code MᵀM} from a random Gaussian start
 * (THEORY §10.2: 5 iterations, {@code S_{t,k} = ‖∏ J_j‖_2}). The estimate never exceeds the true norm and converges
 * geometrically at the rate {@code (σ_2/σ_1)²} per iteration.
 */
public final class SpectralNorm {
  /** Iterations of THEORY §10.2. */
  public static final int ITERATIONS = 5;

  private SpectralNorm() {}

  /**
   * {@code ‖M v‖} after {@code iterations} steps {@code v ← MᵀM v / ‖MᵀM v‖} from {@code v ~ N(0, I)} drawn from
   * {@code rng}; 0 for the zero matrix.
   */
  public static double estimate(double[] m, int n, int iterations, Rng rng) {
    Matrices.requireShape("m", m, n, n);
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations: must be at least 1, got " + iterations);
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng.gaussian();
    }
    double[] u = new double[n];
    for (int iteration = 0; iteration < iterations; iteration++) {
      multiply(m, v, u, n);
      multiplyTransposed(m, u, v, n);
      double norm = norm(v);
      if (norm == 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        v[i] /= norm;
      }
    }
    multiply(m, v, u, n);
    return norm(u);
  }

  /** {@code out = M x}. */
  private static void multiply(double[] m, double[] x, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        sum += m[row + j] * x[j];
      }
      out[i] = sum;
    }
  }

  /** {@code out = Mᵀ x}. */
  private static void multiplyTransposed(double[] m, double[] x, double[] out, int n) {
    Arrays.fill(out, 0.0);
    for (int i = 0; i < n; i++) {
      double xi = x[i];
      int row = i * n;
      for (int j = 0; j < n; j++) {
        out[j] += m[row + j] * xi;
      }
    }
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }
}
