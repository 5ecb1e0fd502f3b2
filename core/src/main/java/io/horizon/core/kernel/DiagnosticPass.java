package io.horizon.core.kernel;

import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import java.util.function.IntConsumer;

/**
 * The diagnostic pass on a frozen model (THEORY §4.4, §5.4, §8.2 "Diagnostic pass"): for each batch of diagnostic
 * sequences it runs the forward pass, the tangent along the projection direction u and the retention trace, then
 * for every lag builds μ by prefix sums (the model work on shards of the batch, the kernels on blocks of sequences in
 * parallel), accumulates the envelope and per-unit profile (and, when asked, the per-unit mean of log|μ| over a lag
 * window, THEORY §7.4 AC variant) and streams the matched-statistic samples
 * ψ_{b,t}(ℓ) = Σ_q μ^{(q)}_{t,ℓ} δ^{(q)}_t v^{(q)}_{t-ℓ}, t = ℓ … T-1, to a sink. Memory is O(batch·T·(H + lags)):
 * it does not grow with the number of sequences.
 */
public final class DiagnosticPass {
  private final KernelOptions options;

  public DiagnosticPass(KernelOptions options) {
    this.options = options;
  }

  /**
   * Runs the pass. {@code direction} holds one tensor per trainable tensor of the model, jointly of unit norm;
   * {@code progress} receives the number of sequences done after each batch.
   */
  public DiagnosticResult run(
      GatedRnn model, SequenceDataset data, ParameterSet direction, LagSampleSink sink, IntConsumer progress) {
    int[] lags = options.lags();
    LagGrid.checkFits(lags, data.length());
    int h = model.config().hiddenSize();
    LagTotals[] totals = new LagTotals[lags.length];
    LagWindow logWindow = options.unitLogWindow();
    for (int i = 0; i < lags.length; i++) {
      totals[i] = new LagTotals(lags[i], h, logWindow != null && logWindow.contains(lags[i]));
    }
    double[][] neuronSigns = null;
    for (int from = 0; from < data.count(); from += options.batchSize()) {
      int to = Math.min(data.count(), from + options.batchSize());
      BatchFactors[] shards = BatchFactors.of(model, data, from, to, direction, options);
      if (options.gauge().mode() == SignGauge.Mode.PER_NEURON && neuronSigns == null) {
        neuronSigns = pilotSigns(lags, shards, data.length(), h);
      }
      LagKernel kernel = new LagKernel(shards, options.gauge());
      kernel.run(totals, neuronSigns, options.threads(), sink);
      progress.accept(to);
    }
    return result(lags, totals, h, data.count());
  }

  private DiagnosticResult result(int[] lags, LagTotals[] totals, int h, int sequences) {
    int n = lags.length;
    double[] fMean = new double[n];
    double[] fLogMean = new double[n];
    double[][] units = new double[n][];
    double[][] unitLogs = options.unitLogWindow() == null ? null : new double[n][];
    long[] count = new long[n];
    double[] sum = new double[n];
    int[] orientation = new int[n];
    for (int i = 0; i < n; i++) {
      LagTotals t = totals[i];
      fMean[i] = t.fMean();
      fLogMean[i] = t.fLogMean();
      units[i] = t.unitProfile();
      if (unitLogs != null) {
        unitLogs[i] = t.unitLogMean();
      }
      count[i] = t.sampleCount;
      boolean global = options.gauge().mode() == SignGauge.Mode.GLOBAL;
      orientation[i] = global && t.sampleSum < 0 ? -1 : 1;
      sum[i] = orientation[i] * t.sampleSum;
    }
    return new DiagnosticResult(lags, fMean, fLogMean, units, unitLogs, count, sum, orientation, sequences);
  }

  /**
   * Per-neuron signs sgn(m_q(ℓ)) from a pilot batch (its shards), m_q(ℓ) = mean_{b,t} δ^{(q)}_t v^{(q)}_{t−ℓ} (LW-30),
   * with δ^{(q)}_t v^{(q)}_{t−ℓ} = e_t (w_q v^{(q)}_{t−ℓ}).
   */
  static double[][] pilotSigns(int[] lags, BatchFactors[] shards, int length, int h) {
    double[][] signs = new double[lags.length][h];
    for (int i = 0; i < lags.length; i++) {
      int ell = lags[i];
      double[] m = new double[h];
      for (BatchFactors shard : shards) {
        double[] error = shard.error();
        double[] v = shard.readoutTangent();
        for (int b = 0; b < shard.sequences(); b++) {
          for (int t = ell; t < length; t++) {
            double e = error[b * length + t];
            int back = (b * length + t - ell) * h;
            for (int q = 0; q < h; q++) {
              m[q] += e * v[back + q];
            }
          }
        }
      }
      for (int q = 0; q < h; q++) {
        signs[i][q] = m[q] < 0 ? -1.0 : 1.0;
      }
    }
    return signs;
  }
}
