package io.horizon.core.kernel;

import java.util.Arrays;

/** The diagnostic lag grid: integer lags evenly spaced on [from, to] as {@code linspace(from, to, count)} cast to int. */
public final class LagGrid {
  /** Default grid of issue 1: 128 lags on [4, 256]. */
  public static final String DEFAULT = "4:256:128";

  private LagGrid() {}

  /** {@code linspace(from, to, count)} truncated to integers (NumPy's {@code astype(int)}). */
  public static int[] linspace(int from, int to, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("lags: count must be at least 1, got " + count);
    }
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("lags: need 1 <= from <= to, got " + from + ":" + to);
    }
    int[] lags = new int[count];
    double step = count == 1 ? 0 : (to - from) / (double) (count - 1);
    for (int i = 0; i < count; i++) {
      lags[i] = i == count - 1 ? to : (int) (from + i * step);
    }
    return lags;
  }

  /** Parses {@code from:to:count} or a comma-separated list of lags. */
  public static int[] parse(String text) {
    try {
      if (text.contains(":")) {
        String[] p = text.split(":");
        if (p.length != 3) {
          throw new IllegalArgumentException("lags: expected from:to:count, got '" + text + "'");
        }
        return linspace(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
      }
      int[] lags = Arrays.stream(text.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
      for (int i = 0; i < lags.length; i++) {
        if (lags[i] < 1 || (i > 0 && lags[i] < lags[i - 1])) {
          throw new IllegalArgumentException("lags: must be positive and non-decreasing, got '" + text + "'");
        }
      }
      return lags;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("lags: not an integer in '" + text + "'");
    }
  }

  /** Rejects lags that leave no (t, t-ℓ) pair in sequences of length T: every lag must be at most T-1. */
  public static void checkFits(int[] lags, int length) {
    int max = Arrays.stream(lags).max().orElse(0);
    if (lags.length == 0) {
      throw new IllegalArgumentException("lags: the lag grid is empty");
    }
    if (max > length - 1) {
      throw new IllegalArgumentException(
          "lags: lag " + max + " is beyond the sequence length T=" + length + " (largest usable lag is " + (length - 1)
              + ")");
    }
  }
}
