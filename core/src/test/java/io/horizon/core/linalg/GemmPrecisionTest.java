package io.horizon.core.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Float32 products, against a resident and with both operands copied in: each entry is the float64 product's to
 * within float rounding of the operands and the float sums over k (bounded by 1e-5 · Σ_k |a_ik b_kj| for k ≤ 64), and
 * not the float64 product itself — the float path ran.
 */
class GemmPrecisionTest {
  private static final int M = 7;
  private static final int K = 37;
  private static final int N = 9;

  @ParameterizedTest
  @CsvSource({"false, 0.0", "true, 0.0", "false, 1.0", "true, 1.0"})
  void float32ProductsMatchFloat64WithinFloatRounding(boolean transposed, double beta) {
    Rng rng = new Rng(5);
    double[] a = gaussians(rng, M * K);
    double[] b = gaussians(rng, K * N);
    double[] start = gaussians(rng, M * N);
    double[] stored = transposed ? transpose(b, K, N) : b;
    double[] exact = start.clone();
    Gemm.multiply(a, Gemm.resident(stored, transposed ? N : K, transposed ? K : N, transposed), exact, M, beta);
    double[] single = start.clone();
    Gemm.multiply(a, Gemm.resident(stored, transposed ? N : K, transposed ? K : N, transposed, Precision.FLOAT32),
        single, M, beta);
    check(a, b, start, beta, exact, single);
  }

  /** The general product (both operands copied in, either transposed) in float32, as training's weight gradients. */
  @ParameterizedTest
  @CsvSource({"false, false, 0.0", "true, false, 0.0", "false, true, 1.0", "true, true, 1.0"})
  void float32GeneralProductsMatchFloat64WithinFloatRounding(boolean transA, boolean transB, double beta) {
    Rng rng = new Rng(6);
    double[] a = gaussians(rng, M * K);
    double[] b = gaussians(rng, K * N);
    double[] start = gaussians(rng, M * N);
    double[] storedA = transA ? transpose(a, M, K) : a;
    double[] storedB = transB ? transpose(b, K, N) : b;
    double[] exact = start.clone();
    Gemm.multiply(storedA, transA, storedB, transB, exact, M, N, K, beta);
    double[] single = start.clone();
    Gemm.multiply(storedA, transA, storedB, transB, single, M, N, K, beta, Precision.FLOAT32);
    check(a, b, start, beta, exact, single);
  }

  /**
   * Each float64 entry equals the naive sum to 1e-13 of its scale Σ_k |a_ik b_kj| (+ |β c_ij|), each float32 entry
   * the float64 one to 1e-5 of it, and more than half of the float32 entries differ from the float64 ones.
   */
  private static void check(double[] a, double[] b, double[] start, double beta, double[] exact, double[] single) {
    int differing = 0;
    for (int i = 0; i < M; i++) {
      for (int j = 0; j < N; j++) {
        double scale = Math.abs(beta * start[i * N + j]);
        double naive = beta * start[i * N + j];
        for (int k = 0; k < K; k++) {
          scale += Math.abs(a[i * K + k] * b[k * N + j]);
          naive += a[i * K + k] * b[k * N + j];
        }
        assertEquals(naive, exact[i * N + j], 1e-13 * scale, "float64 entry " + i + "," + j);
        assertEquals(exact[i * N + j], single[i * N + j], 1e-5 * scale, "float32 entry " + i + "," + j);
        differing += exact[i * N + j] != single[i * N + j] ? 1 : 0;
      }
    }
    assertTrue(differing > M * N / 2, "float32 products differ from float64 in " + differing + " of " + M * N);
  }

  private static double[] gaussians(Rng rng, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rng.gaussian();
    }
    return values;
  }

  private static double[] transpose(double[] matrix, int rows, int cols) {
    double[] out = new double[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        out[c * rows + r] = matrix[r * cols + c];
      }
    }
    return out;
  }
}
