package io.horizon.core.kernel;

/**
 * The per-lag work of one diagnostic batch: μ over all windows of length ℓ, the envelope contributions (windows
 * ending at t = ℓ-1 … T-1, THEORY §4.4) and the matched-statistic samples (windows ending at t = ℓ … T-1 paired
 * with v_{t-ℓ}, THEORY §5.4), oriented by the gauge and handed to the sink.
 */
final class LagKernel {
  private static final double LOG_FLOOR = 1e-30;

  private final MuPrefixSums prefixes;
  private final double[] delta;
  private final double[] tangent;
  private final SignGauge gauge;

  LagKernel(MuPrefixSums prefixes, double[] delta, double[] tangent, SignGauge gauge) {
    this.prefixes = prefixes;
    this.delta = delta;
    this.tangent = tangent;
    this.gauge = gauge;
  }

  /** Adds this batch's contribution for one lag to {@code totals} and streams its samples. */
  void accumulate(LagTotals totals, double[] neuronSign, int lagIndex, LagSampleSink sink) {
    int ell = totals.lag;
    int batch = prefixes.batchSize();
    int length = prefixes.length();
    int h = prefixes.hidden();
    int perSequence = length - ell;
    double[] mu = new double[h];
    double[] psi = new double[batch * perSequence];
    for (int b = 0; b < batch; b++) {
      double mass = 0;
      for (int t = ell - 1; t < length; t++) {
        prefixes.mu(b, t, ell, mu);
        for (int q = 0; q < h; q++) {
          double a = Math.abs(mu[q]);
          totals.unitAbsSum[q] += a;
          mass += a;
        }
        if (t >= ell) {
          psi[b * perSequence + t - ell] = matched(mu, b, t, ell, neuronSign);
        }
      }
      mass /= (double) (length - ell + 1) * h;
      totals.massSum += mass;
      totals.logMassSum += Math.log(mass + LOG_FLOOR);
    }
    totals.sequences += batch;
    totals.windowsPerUnit += (long) batch * (length - ell + 1);
    if (gauge.mode() == SignGauge.Mode.PER_BATCH) {
      orientBlocks(psi, perSequence * gauge.blockSize());
    }
    double sum = 0;
    for (double p : psi) {
      sum += p;
    }
    totals.sampleCount += psi.length;
    totals.sampleSum += sum;
    sink.accept(lagIndex, psi, psi.length);
  }

  /** ψ_{b,t}(ℓ) = Σ_q [sgn m_q] μ^{(q)}_{t,ℓ} δ^{(q)}_t v^{(q)}_{t−ℓ} (LW-30, THEORY §5.4). */
  private double matched(double[] mu, int b, int t, int ell, double[] neuronSign) {
    int length = prefixes.length();
    int h = mu.length;
    int at = (b * length + t) * h;
    int back = (b * length + t - ell) * h;
    double s = 0;
    if (neuronSign == null) {
      for (int q = 0; q < h; q++) {
        s += mu[q] * delta[at + q] * tangent[back + q];
      }
    } else {
      for (int q = 0; q < h; q++) {
        s += neuronSign[q] * mu[q] * delta[at + q] * tangent[back + q];
      }
    }
    return s;
  }

  /** Flips each block of consecutive samples by the sign of its own mean (sgn 0 := +1). */
  private static void orientBlocks(double[] psi, int block) {
    for (int from = 0; from < psi.length; from += block) {
      int to = Math.min(psi.length, from + block);
      double s = 0;
      for (int i = from; i < to; i++) {
        s += psi[i];
      }
      if (s < 0) {
        for (int i = from; i < to; i++) {
          psi[i] = -psi[i];
        }
      }
    }
  }
}
