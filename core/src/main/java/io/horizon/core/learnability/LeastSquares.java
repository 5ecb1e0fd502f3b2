package io.horizon.core.learnability;

import java.util.Arrays;

/** Ordinary least squares with intercept by Householder QR, for the small regressions of THEORY §7.4–7.5. */
public final class LeastSquares {
  /** A pivot below this fraction of its column's norm means the regressors are collinear. */
  private static final double RANK_TOLERANCE = 1e-12;

  private LeastSquares() {}

  /**
   * Fits y = c_0 + Σ_j c_j x_j by minimising Σ residual² (QR of the design [1, x_1, …]); {@code what} names the
   * regression in error messages.
   */
  public static LinearFit fit(String what, double[] y, double[]... regressors) {
    int n = y.length;
    int p = regressors.length + 1;
    if (n < p) {
      throw new IllegalArgumentException(what + ": need at least " + p + " points, got " + n);
    }
    double[][] columns = new double[p][];
    columns[0] = new double[n];
    Arrays.fill(columns[0], 1.0);
    for (int j = 1; j < p; j++) {
      columns[j] = regressors[j - 1].clone();
    }
    requireFinite(what, "response", y);
    for (int j = 0; j < regressors.length; j++) {
      requireFinite(what, "regressor " + (j + 1), regressors[j]);
    }
    double[] rhs = y.clone();
    double[] pivot = new double[p];
    for (int j = 0; j < p; j++) {
      pivot[j] = reflect(what, columns, rhs, j);
    }
    double[] c = new double[p];
    for (int j = p - 1; j >= 0; j--) {
      double s = rhs[j];
      for (int k = j + 1; k < p; k++) {
        s -= columns[k][j] * c[k];
      }
      c[j] = s / pivot[j];
    }
    return summarise(c, y, regressors);
  }

  private static void requireFinite(String what, String part, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(what + ": " + part + " at point " + i + " is " + values[i]);
      }
    }
  }

  /**
   * One Householder step: reflects rows j.. of column j onto its first entry and applies the same reflection to
   * the later columns and the right-hand side; returns the diagonal entry R_jj.
   */
  private static double reflect(String what, double[][] columns, double[] rhs, int j) {
    double[] v = columns[j];
    int n = v.length;
    double norm = 0;
    double full = 0;
    for (int i = 0; i < n; i++) {
      full += v[i] * v[i];
      if (i >= j) {
        norm += v[i] * v[i];
      }
    }
    norm = Math.sqrt(norm);
    if (norm <= RANK_TOLERANCE * Math.sqrt(full)) {
      throw new IllegalArgumentException(what + ": regressors are collinear on the points given (" + n + " points)");
    }
    double diagonal = v[j] > 0 ? -norm : norm;
    v[j] -= diagonal;
    double vv = 0;
    for (int i = j; i < n; i++) {
      vv += v[i] * v[i];
    }
    for (int k = j + 1; k < columns.length; k++) {
      applyReflection(v, columns[k], j, vv);
    }
    applyReflection(v, rhs, j, vv);
    return diagonal;
  }

  /** x ← x − 2 v (vᵀx)/(vᵀv) on rows j.. . */
  private static void applyReflection(double[] v, double[] x, int j, double vv) {
    double dot = 0;
    for (int i = j; i < x.length; i++) {
      dot += v[i] * x[i];
    }
    double f = 2 * dot / vv;
    for (int i = j; i < x.length; i++) {
      x[i] -= f * v[i];
    }
  }

  /** SS_res from the fitted values and R² = 1 − SS_res/SS_tot (THEORY §7.5), 1 for a constant response. */
  private static LinearFit summarise(double[] c, double[] y, double[][] regressors) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double rss = 0;
    double tss = 0;
    for (int i = 0; i < n; i++) {
      double fitted = c[0];
      for (int j = 0; j < regressors.length; j++) {
        fitted += c[j + 1] * regressors[j][i];
      }
      rss += (y[i] - fitted) * (y[i] - fitted);
      tss += (y[i] - mean) * (y[i] - mean);
    }
    double r2 = tss > 0 ? 1.0 - rss / tss : 1.0;
    return new LinearFit(c, rss, r2, n);
  }
}
