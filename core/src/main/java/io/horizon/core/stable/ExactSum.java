package io.horizon.core.stable;

import java.util.Arrays;

/**
 * A sum of doubles without rounding error (Shewchuk's non-overlapping expansions, as in Python's {@code math.fsum}):
 * the running total is kept exactly as a few partials and read out correctly rounded, so the result is the same
 * for every order and grouping of the terms (the exact per-lag sum of the streaming accumulator, THEORY §7.1).
 */
final class ExactSum {
  private double[] partials = new double[4];
  private int size;

  /** Adds {@code x} exactly; fails if the exact total leaves the double range. */
  void add(double x) {
    int kept = 0;
    for (int i = 0; i < size; i++) {
      double y = partials[i];
      if (Math.abs(x) < Math.abs(y)) {
        double swap = x;
        x = y;
        y = swap;
      }
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("samples: the running sum overflows the double range");
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, 2 * kept);
    }
    partials[kept++] = x;
    size = kept;
  }

  /** Adds the exact total of {@code other}. */
  void add(ExactSum other) {
    for (int i = 0; i < other.size; i++) {
      add(other.partials[i]);
    }
  }

  /** The exact total rounded to the nearest double (ties to even). */
  double value() {
    if (size == 0) {
      return 0.0;
    }
    int i = size - 1;
    double hi = partials[i];
    double lo = 0.0;
    while (i > 0) {
      double x = hi;
      double y = partials[--i];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) {
        break;
      }
    }
    // Half-way case: the partials below can tip a tie that x + y resolved the wrong way.
    if (i > 0 && ((lo < 0 && partials[i - 1] < 0) || (lo > 0 && partials[i - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }
}
