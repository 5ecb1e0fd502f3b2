package io.horizon.core.kernel;

/**
 * Running totals of one lag across diagnostic batches: the envelope sums of THEORY §4.4, optionally the per-unit
 * sums of log|μ| of the AC decay-rate fit (THEORY §7.4), and the exact count and sum of the emitted
 * matched-statistic samples (THEORY §5.4).
 */
final class LagTotals {
  final int lag;
  final double[] unitAbsSum;
  /** Σ_{b,t} log max(|μ^{(q)}_{b,t,ℓ}|, MIN_NORMAL) per unit, or null when this lag's logs are not wanted. */
  final double[] unitLogSum;
  double massSum;
  double logMassSum;
  long sequences;
  long windowsPerUnit;
  long sampleCount;
  double sampleSum;

  /** Empty totals of lag {@code lag} for {@code hidden} units; {@code unitLogs} turns on the sums of log|μ|. */
  LagTotals(int lag, int hidden, boolean unitLogs) {
    this.lag = lag;
    this.unitAbsSum = new double[hidden];
    this.unitLogSum = unitLogs ? new double[hidden] : null;
  }

  /** Empty totals of the same lag, width and log setting. */
  LagTotals empty() {
    return new LagTotals(lag, unitAbsSum.length, unitLogSum != null);
  }

  /** Adds the envelope and log sums of {@code other} (the counts are kept by the caller). */
  void add(LagTotals other) {
    for (int q = 0; q < unitAbsSum.length; q++) {
      unitAbsSum[q] += other.unitAbsSum[q];
    }
    if (unitLogSum != null) {
      for (int q = 0; q < unitLogSum.length; q++) {
        unitLogSum[q] += other.unitLogSum[q];
      }
    }
    massSum += other.massSum;
    logMassSum += other.logMassSum;
  }

  /** Envelope mean f̂(ℓ) = mean_b mass_b(ℓ) (column {@code f_mean}). */
  double fMean() {
    return massSum / sequences;
  }

  /** Geometric version mean_b log(mass_b(ℓ) + 1e-30) (column {@code f_logmean}). */
  double fLogMean() {
    return logMassSum / sequences;
  }

  /** Per-unit profile μ̄_q(ℓ) = mean_{b,t} |μ^{(q)}_{b,t,ℓ}|. */
  double[] unitProfile() {
    return perWindow(unitAbsSum);
  }

  /** Per-unit mean of logs E_{b,t} log|μ^{(q)}_{b,t,ℓ}| (THEORY §7.4 AC variant), or null when not accumulated. */
  double[] unitLogMean() {
    return unitLogSum == null ? null : perWindow(unitLogSum);
  }

  private double[] perWindow(double[] sums) {
    double[] out = new double[sums.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = sums[q] / windowsPerUnit;
    }
    return out;
  }
}
