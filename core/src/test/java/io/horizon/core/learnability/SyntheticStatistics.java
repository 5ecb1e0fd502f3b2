package io.horizon.core.learnability;

import java.util.Arrays;

/**
 * Lag statistics of a synthetic envelope f(ℓ) with fixed α, γ and alignment ā (m̂ = ā f, LW-31), for the scaling
 * checks of THEORY §12.6.
 */
public final class SyntheticStatistics {
  private SyntheticStatistics() {}

  /** Every lag reliable, unlimited samples, log f̂ = log f and a one-unit profile equal to f. */
  public static LagStatistics of(int[] lags, double[] f, double alpha, double gamma, double abar) {
    int n = lags.length;
    double[] logF = new double[n];
    double[] mbar = new double[n];
    double[][] profile = new double[n][1];
    for (int i = 0; i < n; i++) {
      logF[i] = Math.log(f[i]);
      mbar[i] = abar * f[i];
      profile[i][0] = f[i];
    }
    return new LagStatistics(lags, f, logF, filled(n, alpha), filled(n, gamma), reliable(n), mbar,
        unlimited(n), profile, null);
  }

  /** Lags 1 … count. */
  public static int[] consecutive(int count) {
    int[] lags = new int[count];
    for (int i = 0; i < count; i++) {
      lags[i] = i + 1;
    }
    return lags;
  }

  /** Integer budgets ⌊from·ratio^k⌉ up to {@code to}, duplicates removed. */
  public static long[] geometricBudgets(double from, double to, double ratio) {
    return java.util.stream.DoubleStream.iterate(from, v -> v <= to, v -> v * ratio)
        .mapToLong(Math::round).distinct().toArray();
  }

  static double[] filled(int n, double value) {
    double[] out = new double[n];
    Arrays.fill(out, value);
    return out;
  }

  static boolean[] reliable(int n) {
    boolean[] out = new boolean[n];
    Arrays.fill(out, true);
    return out;
  }

  static long[] unlimited(int n) {
    long[] out = new long[n];
    Arrays.fill(out, Long.MAX_VALUE);
    return out;
  }
}
