package io.horizon.core.kernel;

/**
 * What the diagnostic pass produces besides the streamed samples: the envelope f̂(ℓ) (mean and log-mean over
 * sequences), the per-unit profile μ̄_q(ℓ) (THEORY §4.4), optionally the per-unit mean of log|μ| (THEORY §7.4 AC
 * variant) and the exact count, sum and orientation of each lag's matched-statistic samples (THEORY §5.4).
 *
 * @param lags the lag grid
 * @param fMean f̂(ℓ) = mean_b mass_b(ℓ)
 * @param fLogMean mean_b log(mass_b(ℓ) + 1e-30)
 * @param unitProfile μ̄_q(ℓ), indexed [lag index][unit]
 * @param unitLogMean E_{b,t} log max(|μ^{(q)}_{b,t,ℓ}|, MIN_NORMAL) over the same windows as the profile, indexed
 *     [lag index][unit]; null when {@link KernelOptions#unitLogWindow()} is off, and a null row for each lag
 *     outside that window (not computed)
 * @param sampleCount samples per lag
 * @param sampleSum sum of the oriented samples per lag
 * @param orientation sign to multiply the streamed samples by: −1 or +1 under the global gauge, +1 otherwise
 *     (the other gauges orient before streaming)
 * @param sequences diagnostic sequences processed
 */
public record DiagnosticResult(
    int[] lags,
    double[] fMean,
    double[] fLogMean,
    double[][] unitProfile,
    double[][] unitLogMean,
    long[] sampleCount,
    double[] sampleSum,
    int[] orientation,
    int sequences) {

  /** Signal amplitude m̂_ℓ = |mean ψ(ℓ)| (column {@code mbar}). */
  public double mbar(int lagIndex) {
    return Math.abs(sampleSum[lagIndex] / sampleCount[lagIndex]);
  }
}
