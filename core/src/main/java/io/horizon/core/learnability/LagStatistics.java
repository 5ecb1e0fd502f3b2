package io.horizon.core.learnability;

import io.horizon.core.kernel.DiagnosticResult;

/**
 * Per-lag inputs of the learnability statistics (THEORY §4.4, §5.4, §7.1): the envelope, the α-stable fit of the
 * matched statistic and the per-unit profiles, one entry per lag of the diagnostic grid.
 *
 * @param lags the diagnostic lag grid, positive and strictly increasing
 * @param fMean envelope f̂(ℓ) = mean_b mass_b(ℓ) (column {@code f_mean}), ≥ 0
 * @param fLogMean geometric envelope mean_b log(mass_b(ℓ) + 1e-30) (column {@code f_logmean}), used by the fits
 * @param alpha tail index α̂_ℓ (THEORY §7.1)
 * @param gamma scale γ̂_ℓ ≥ 0 (0 is what the reliability guards of §7.1 return for too few samples)
 * @param alphaReliable the reliability flag of §7.1
 * @param mbar signal amplitude m̂_ℓ = |mean ψ(ℓ)| ≥ 0 (THEORY §5.4)
 * @param sampleCount number of matched-statistic samples of the lag (caps the usable budget N)
 * @param unitProfile per-unit profile μ̄_q(ℓ) = mean |μ^{(q)}| ≥ 0, indexed [lag][unit] (THEORY §4.4)
 * @param unitLogProfile per-unit mean of logs E log|μ^{(q)}|, indexed [lag][unit], for the AC τ variant of §7.4;
 *     null when not measured
 */
public record LagStatistics(
    int[] lags,
    double[] fMean,
    double[] fLogMean,
    double[] alpha,
    double[] gamma,
    boolean[] alphaReliable,
    double[] mbar,
    long[] sampleCount,
    double[][] unitProfile,
    double[][] unitLogProfile) {

  public LagStatistics {
    if (lags == null || lags.length == 0) {
      throw new IllegalArgumentException("lag statistics: ell is empty");
    }
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] < 1 || (i > 0 && lags[i] <= lags[i - 1])) {
        throw new IllegalArgumentException(
            "lag statistics: ell must be positive and strictly increasing, ell[" + i + "] = " + lags[i]);
      }
    }
    checkValues("f_mean", fMean, lags.length, 0.0);
    checkValues("f_logmean", fLogMean, lags.length, Double.NEGATIVE_INFINITY);
    checkValues("alpha", alpha, lags.length, Double.MIN_VALUE);
    checkValues("gamma", gamma, lags.length, 0.0);
    checkValues("mbar", mbar, lags.length, 0.0);
    checkLength("alpha_reliable", alphaReliable == null ? -1 : alphaReliable.length, lags.length);
    checkLength("n_samples", sampleCount == null ? -1 : sampleCount.length, lags.length);
    for (int i = 0; i < lags.length; i++) {
      if (sampleCount[i] < 0) {
        throw new IllegalArgumentException("lag statistics: n_samples[" + i + "] is negative: " + sampleCount[i]);
      }
    }
    int units = checkProfile("unit profile", unitProfile, lags.length, -1, 0.0);
    if (unitLogProfile != null) {
      checkProfile("unit log profile", unitLogProfile, lags.length, units, Double.NEGATIVE_INFINITY);
    }
  }

  /**
   * Gathers the diagnostic pass output (envelope, profile, sample counts and m̂_ℓ of THEORY §4.4/§5.4) with the
   * per-lag α-stable fits (§7.1); {@code unitLogProfile} may be null.
   */
  public static LagStatistics of(DiagnosticResult diagnostic, double[] alpha, double[] gamma, boolean[] reliable,
      double[][] unitLogProfile) {
    int n = diagnostic.lags().length;
    double[] mbar = new double[n];
    for (int i = 0; i < n; i++) {
      mbar[i] = diagnostic.mbar(i);
    }
    return new LagStatistics(diagnostic.lags(), diagnostic.fMean(), diagnostic.fLogMean(), alpha, gamma, reliable,
        mbar, diagnostic.sampleCount(), diagnostic.unitProfile(), unitLogProfile);
  }

  /** Number of lags of the grid. */
  public int size() {
    return lags.length;
  }

  private static void checkLength(String field, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("lag statistics: " + field + " has " + (actual < 0 ? "no" : actual)
          + " entries, expected one per lag (" + expected + ")");
    }
  }

  private static void checkValues(String field, double[] values, int expected, double min) {
    checkLength(field, values == null ? -1 : values.length, expected);
    for (int i = 0; i < values.length; i++) {
      checkValue(field + "[" + i + "]", values[i], min);
    }
  }

  private static void checkValue(String where, double value, double min) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("lag statistics: " + where + " is " + value);
    }
    if (value < min) {
      throw new IllegalArgumentException("lag statistics: " + where + " is " + value + ", below " + min);
    }
  }

  /** Checks a [lag][unit] table and returns its unit count; {@code units} < 0 accepts any common width ≥ 1. */
  private static int checkProfile(String field, double[][] table, int lagCount, int units, double min) {
    checkLength(field, table == null ? -1 : table.length, lagCount);
    int width = units < 0 ? (table[0] == null ? 0 : table[0].length) : units;
    if (width < 1) {
      throw new IllegalArgumentException("lag statistics: " + field + " has no units");
    }
    for (int i = 0; i < lagCount; i++) {
      if (table[i] == null || table[i].length != width) {
        throw new IllegalArgumentException("lag statistics: " + field + " row " + i + " has "
            + (table[i] == null ? 0 : table[i].length) + " units, expected " + width);
      }
      for (int q = 0; q < width; q++) {
        checkValue(field + "[" + i + "][" + q + "]", table[i][q], min);
      }
    }
    return width;
  }
}
