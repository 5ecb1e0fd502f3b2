package io.horizon.core.coupling;

/** Small helpers on square and rectangular row-major {@code double[]} matrices used by the coupling analyses. */
final class Matrices {
  private Matrices() {}

  /** The n×n identity. */
  static double[] identity(int n) {
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      out[i * n + i] = 1.0;
    }
    return out;
  }

  /** The Frobenius norm {@code sqrt(Σ a_ij²)}. */
  static double frobenius(double[] a) {
    double sum = 0;
    for (double v : a) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  /** Requires {@code values.length == rows·cols}; the message names {@code field}. */
  static void requireShape(String field, double[] values, int rows, int cols) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException(field + ": shape " + rows + "×" + cols + " must be positive");
    }
    if (values.length != (long) rows * cols) {
      throw new IllegalArgumentException(
          field + ": expected " + rows + "×" + cols + " = " + (long) rows * cols + " values, got " + values.length);
    }
  }

  /** Requires every value to be finite; the message names {@code field} and the first offending index. */
  static void requireFinite(String field, double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(field + "[" + i + "]: must be finite, got " + values[i]);
      }
    }
  }
}
