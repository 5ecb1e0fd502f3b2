package io.horizon.core.collapse;

/**
 * Upper tail of the standard normal law, for the normal approximation of the runs test (THEORY §11.3 item 6):
 * P(Z &gt; z) = erfc(z/√2)/2, with erfc from the positive-term series of erf below {@link #SERIES_LIMIT} and the
 * Laplace continued fraction above it (relative accuracy near 1e-13 over the whole line).
 */
final class StandardNormal {
  /** Below this x, erf is summed as a series; above it, erfc is evaluated as a continued fraction. */
  private static final double SERIES_LIMIT = 2.5;
  /** Relative size of the last series term or continued-fraction correction at which evaluation stops. */
  private static final double EPSILON = 1e-16;
  /** Bound on terms; both expansions converge far sooner on their ranges. */
  private static final int MAX_TERMS = 10_000;

  private StandardNormal() {}

  /** P(Z &gt; z) for a standard normal Z. */
  static double upperTail(double z) {
    return erfc(z / Math.sqrt(2)) / 2;
  }

  /** The complementary error function. */
  static double erfc(double x) {
    if (x < 0) {
      return 2 - erfc(-x);
    }
    return x < SERIES_LIMIT ? 1 - erfSeries(x) : erfcFraction(x);
  }

  /** erf x = (2/√π) e^{−x²} Σ_n 2^n x^{2n+1} / (1·3·…·(2n+1)), all terms positive. */
  private static double erfSeries(double x) {
    double term = x;
    double sum = x;
    for (int n = 1; n < MAX_TERMS && term > EPSILON * sum; n++) {
      term *= 2 * x * x / (2 * n + 1);
      sum += term;
    }
    return 2 / Math.sqrt(Math.PI) * Math.exp(-x * x) * sum;
  }

  /**
   * erfc x = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) by the modified Lentz method (x &gt; 0).
   */
  private static double erfcFraction(double x) {
    double tiny = 1e-300;
    double f = x;
    double c = x;
    double d = 0;
    for (int k = 1; k < MAX_TERMS; k++) {
      double a = k / 2.0;
      d = x + a * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = x + a / c;
      c = Math.abs(c) < tiny ? tiny : c;
      double delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        break;
      }
    }
    return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
  }
}
