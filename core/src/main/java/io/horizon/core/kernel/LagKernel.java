package io.horizon.core.kernel;

import java.util.Arrays;

/**
 * The per-lag work of one diagnostic batch: μ over all windows of length ℓ, the envelope contributions (windows
 * ending at t = ℓ-1 … T-1, THEORY §4.4) and the matched-statistic samples (windows ending at t = ℓ … T-1 paired
 * with v_{t-ℓ}, THEORY §5.4), oriented by the gauge and handed to the sink.
 *
 * <p>Sequence-outer order: one call handles a set of lags, and for each sequence runs all of them while that
 * sequence's rows of the prefix sums, δ and v are still in cache; μ, |μ| and ψ are taken in one pass per window.
 */
final class LagKernel {
  private static final double LOG_FLOOR = 1e-30;
  /**
   * Floor of |μ| before its logarithm in the per-unit mean of logs: the smallest normal double, so a window whose
   * product underflows to 0 contributes log(MIN_NORMAL) ≈ −708.4 instead of −∞.
   */
  private static final double UNIT_LOG_FLOOR = Double.MIN_NORMAL;

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

  /**
   * Adds this batch's contribution for the lags at {@code lagIndices} to {@code totals[i]} and streams their samples;
   * {@code neuronSigns[i]} holds the per-neuron gauge of lag i, or {@code neuronSigns} is null.
   */
  void accumulate(LagTotals[] totals, double[][] neuronSigns, int[] lagIndices, LagSampleSink sink) {
    int batch = prefixes.batchSize();
    int length = prefixes.length();
    int h = prefixes.hidden();
    double[][] psi = new double[lagIndices.length][];
    for (int k = 0; k < lagIndices.length; k++) {
      psi[k] = new double[batch * (length - totals[lagIndices[k]].lag)];
    }
    double[] mu = new double[h];
    double[] sequenceAbs = new double[h];
    for (int b = 0; b < batch; b++) {
      for (int k = 0; k < lagIndices.length; k++) {
        int i = lagIndices[k];
        addSequence(totals[i], b, neuronSigns == null ? null : neuronSigns[i], psi[k], mu, sequenceAbs);
      }
    }
    for (int k = 0; k < lagIndices.length; k++) {
      int i = lagIndices[k];
      emit(totals[i], i, psi[k], batch, length, sink);
    }
  }

  /**
   * Sequence b at one lag: Σ_t |μ_t| per unit into the profile, Σ_t log|μ_t| per unit when the lag keeps logs, the
   * sequence's mean |μ| into the envelope sums, and ψ_{b,t} for t = ℓ … T-1 into {@code psi[b*(T-ℓ) + t-ℓ]}.
   */
  private void addSequence(LagTotals totals, int b, double[] neuronSign, double[] psi, double[] mu,
      double[] sequenceAbs) {
    int ell = totals.lag;
    int length = prefixes.length();
    int h = mu.length;
    int perSequence = length - ell;
    double[] unitLogSum = totals.unitLogSum;
    Arrays.fill(sequenceAbs, 0.0);
    for (int t = ell - 1; t < length; t++) {
      prefixes.mu(b, t, ell, mu);
      for (int q = 0; q < h; q++) {
        sequenceAbs[q] += Math.abs(mu[q]);
      }
      if (unitLogSum != null) {
        addLogMagnitudes(mu, unitLogSum);
      }
      if (t >= ell) {
        psi[b * perSequence + t - ell] = matched(mu, b, t, ell, neuronSign);
      }
    }
    double mass = 0;
    for (int q = 0; q < h; q++) {
      totals.unitAbsSum[q] += sequenceAbs[q];
      mass += sequenceAbs[q];
    }
    mass /= (double) (length - ell + 1) * h;
    totals.massSum += mass;
    totals.logMassSum += Math.log(mass + LOG_FLOOR);
  }

  /** {@code logSum[q] += log max(|μ_q|, MIN_NORMAL)} for every unit (THEORY §7.4 AC variant). */
  private static void addLogMagnitudes(double[] mu, double[] logSum) {
    for (int q = 0; q < mu.length; q++) {
      logSum[q] += Math.log(Math.max(Math.abs(mu[q]), UNIT_LOG_FLOOR));
    }
  }

  /** Closes one lag of the batch: counts, gauge orientation, exact count and sum, and the samples to the sink. */
  private void emit(LagTotals totals, int lagIndex, double[] psi, int batch, int length, LagSampleSink sink) {
    totals.sequences += batch;
    totals.windowsPerUnit += (long) batch * (length - totals.lag + 1);
    if (gauge.mode() == SignGauge.Mode.PER_BATCH) {
      orientBlocks(psi, (length - totals.lag) * gauge.blockSize());
    }
    double sum = 0;
    for (double p : psi) {
      sum += p;
    }
    totals.sampleCount += psi.length;
    totals.sampleSum += sum;
    sink.accept(lagIndex, psi, psi.length);
  }

  /**
   * ψ_{b,t}(ℓ) = Σ_q [sgn m_q] μ^{(q)}_{t,ℓ} δ^{(q)}_t v^{(q)}_{t−ℓ} (LW-30, THEORY §5.4), summed in four
   * independent partial sums so that the products do not wait on one another.
   */
  private double matched(double[] mu, int b, int t, int ell, double[] neuronSign) {
    int length = prefixes.length();
    int h = mu.length;
    int at = (b * length + t) * h;
    int back = (b * length + t - ell) * h;
    if (neuronSign != null) {
      for (int q = 0; q < h; q++) {
        mu[q] *= neuronSign[q];
      }
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int q = 0;
    for (; q + 3 < h; q += 4) {
      s0 += mu[q] * delta[at + q] * tangent[back + q];
      s1 += mu[q + 1] * delta[at + q + 1] * tangent[back + q + 1];
      s2 += mu[q + 2] * delta[at + q + 2] * tangent[back + q + 2];
      s3 += mu[q + 3] * delta[at + q + 3] * tangent[back + q + 3];
    }
    for (; q < h; q++) {
      s0 += mu[q] * delta[at + q] * tangent[back + q];
    }
    return (s0 + s1) + (s2 + s3);
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
