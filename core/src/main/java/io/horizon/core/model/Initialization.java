package io.horizon.core.model;

import io.horizon.core.random.Rng;

/** Weight initialisers shared by the architectures (THEORY §8.2). */
public final class Initialization {
  private Initialization() {}

  /**
   * Fills a row-major {@code rows×cols} matrix with a (semi-)orthogonal matrix: QR of a Gaussian matrix with the
   * signs of R's diagonal folded into Q, transposed when there are fewer rows than columns (the construction of
   * PyTorch's {@code orthogonal_}, gain 1).
   */
  public static void orthogonal(double[] w, int rows, int cols, Rng rng) {
    boolean transpose = rows < cols;
    int m = transpose ? cols : rows; // tall dimension
    int n = transpose ? rows : cols;
    double[][] q = new double[n][m]; // columns of the tall m×n matrix
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        q[j][i] = rng.gaussian();
      }
    }
    for (int j = 0; j < n; j++) { // modified Gram–Schmidt; R_jj > 0 by construction, so no sign fix is needed
      for (int k = 0; k < j; k++) {
        double dot = 0;
        for (int i = 0; i < m; i++) {
          dot += q[k][i] * q[j][i];
        }
        for (int i = 0; i < m; i++) {
          q[j][i] -= dot * q[k][i];
        }
      }
      double norm = 0;
      for (int i = 0; i < m; i++) {
        norm += q[j][i] * q[j][i];
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < m; i++) {
        q[j][i] /= norm;
      }
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        w[r * cols + c] = transpose ? q[r][c] : q[c][r];
      }
    }
  }

  /** {@code log(p / (1 - p))}: the gate bias that opens a sigmoid gate to {@code p}. */
  public static double logit(double p) {
    return Math.log(p / (1 - p));
  }
}
