package io.horizon.core.coupling;

import java.util.Arrays;

/**
 * All singular values of a dense matrix in float64, descending (THEORY §10.3 "float64 SVD"), by one-sided Jacobi
 * (Hestenes) rotations of the min(rows, cols) vectors of the shorter side until every pair is orthogonal to machine
 * precision. Small singular values keep their relative accuracy, which {@code AI_r = σ_1/σ_r} needs.
 */
public final class SingularValues {
  private static final double ORTHOGONALITY = 1e-15;
  private static final int MAX_SWEEPS = 80;

  private SingularValues() {}

  /** The min(rows, cols) singular values of the row-major {@code rows×cols} matrix {@code a}, largest first. */
  public static double[] of(double[] a, int rows, int cols) {
    Matrices.requireShape("a", a, rows, cols);
    Matrices.requireFinite("a", a);
    int count = Math.min(rows, cols);
    int width = Math.max(rows, cols);
    double[][] vectors = new double[count][width];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (cols <= rows) {
          vectors[j][i] = a[i * cols + j];
        } else {
          vectors[i][j] = a[i * cols + j];
        }
      }
    }
    orthogonalize(vectors);
    double[] sigma = new double[count];
    for (int i = 0; i < count; i++) {
      sigma[i] = Math.sqrt(dot(vectors[i], vectors[i]));
    }
    Arrays.sort(sigma);
    for (int i = 0; i < count / 2; i++) {
      double swap = sigma[i];
      sigma[i] = sigma[count - 1 - i];
      sigma[count - 1 - i] = swap;
    }
    return sigma;
  }

  /** Jacobi sweeps over all pairs until none needs a rotation (at most {@link #MAX_SWEEPS}). */
  private static void orthogonalize(double[][] vectors) {
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean rotated = false;
      for (int i = 0; i < vectors.length - 1; i++) {
        for (int j = i + 1; j < vectors.length; j++) {
          rotated |= rotate(vectors[i], vectors[j]);
        }
      }
      if (!rotated) {
        return;
      }
    }
    throw new IllegalStateException("SingularValues: Jacobi sweeps did not converge in " + MAX_SWEEPS + " sweeps");
  }

  /** The plane rotation that makes {@code x} and {@code y} orthogonal; false when they already are. */
  private static boolean rotate(double[] x, double[] y) {
    double alpha = dot(x, x);
    double beta = dot(y, y);
    double gamma = dot(x, y);
    if (gamma == 0 || Math.abs(gamma) <= ORTHOGONALITY * Math.sqrt(alpha * beta)) {
      return false;
    }
    double zeta = (beta - alpha) / (2 * gamma);
    double t = zeta == 0 ? 1 : Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
    double c = 1 / Math.sqrt(1 + t * t);
    double s = c * t;
    for (int k = 0; k < x.length; k++) {
      double xk = x[k];
      double yk = y[k];
      x[k] = c * xk - s * yk;
      y[k] = s * xk + c * yk;
    }
    return true;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int k = 0; k < x.length; k++) {
      sum += x[k] * y[k];
    }
    return sum;
  }
}
