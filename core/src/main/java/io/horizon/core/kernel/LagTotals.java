package io.horizon.core.kernel;

/**
 * Running totals of one lag across diagnostic batches: the envelope sums of THEORY §4.4 and the exact count and
 * sum of the emitted matched-statistic samples (THEORY §5.4).
 */
final class LagTotals {
  final int lag;
  final double[] unitAbsSum;
  double massSum;
  double logMassSum;
  long sequences;
  long windowsPerUnit;
  long sampleCount;
  double sampleSum;

  LagTotals(int lag, int hidden) {
    this.lag = lag;
    this.unitAbsSum = new double[hidden];
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
    double[] out = new double[unitAbsSum.length];
    for (int q = 0; q < out.length; q++) {
      out[q] = unitAbsSum[q] / windowsPerUnit;
    }
    return out;
  }
}
