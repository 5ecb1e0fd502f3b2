package io.horizon.core.stable;

/**
 * Linear interpolation on a strictly increasing axis, held constant beyond its ends: the table look-ups of
 * THEORY §7.1 ("linear interpolation; ν̂ clamped to table range") and of McCulloch's (1986) tables.
 */
final class PiecewiseLinear {
  private PiecewiseLinear() {}

  /** Index {@code i} of the cell {@code [axis[i], axis[i+1]]} that holds {@code x} clamped to the axis range. */
  static int cell(double[] axis, double x) {
    int lo = 0;
    int hi = axis.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (x < axis[mid]) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return lo;
  }

  /** Position of {@code x}, clamped to the axis range, inside cell {@code i}: 0 at its left end, 1 at its right. */
  static double fraction(double[] axis, int i, double x) {
    double clamped = Math.min(Math.max(x, axis[0]), axis[axis.length - 1]);
    return (clamped - axis[i]) / (axis[i + 1] - axis[i]);
  }

  /** The interpolated {@code values} (given at the {@code axis} points) at {@code x}. */
  static double at(double[] axis, double[] values, double x) {
    int i = cell(axis, x);
    double t = fraction(axis, i, x);
    return values[i] + t * (values[i + 1] - values[i]);
  }
}
