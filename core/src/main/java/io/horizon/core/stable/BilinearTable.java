package io.horizon.core.stable;

/**
 * A function of two variables tabulated on a rectangular grid, read by bilinear interpolation with both arguments
 * clamped to the grid: McCulloch's (1986) interpolation of his Tables III–VII (the same surface as SciPy's
 * degree-1 {@code RectBivariateSpline}).
 */
final class BilinearTable {
  private final double[] rows;
  private final double[] columns;
  private final double[][] values;

  /** {@code values[i][j]} is the function at ({@code rows[i]}, {@code columns[j]}); both axes strictly increase. */
  BilinearTable(double[] rows, double[] columns, double[][] values) {
    this.rows = rows;
    this.columns = columns;
    this.values = values;
  }

  /** The interpolated value at ({@code r}, {@code c}). */
  double at(double r, double c) {
    int i = PiecewiseLinear.cell(rows, r);
    int j = PiecewiseLinear.cell(columns, c);
    double u = PiecewiseLinear.fraction(rows, i, r);
    double v = PiecewiseLinear.fraction(columns, j, c);
    double low = values[i][j] + v * (values[i][j + 1] - values[i][j]);
    double high = values[i + 1][j] + v * (values[i + 1][j + 1] - values[i + 1][j]);
    return low + u * (high - low);
  }
}
