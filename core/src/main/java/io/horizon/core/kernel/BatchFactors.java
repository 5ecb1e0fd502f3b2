package io.horizon.core.kernel;

import io.horizon.core.model.DiagnosticTrace;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;

/**
 * What the μ kernels need from the model for one shard of a diagnostic batch (THEORY §4, §5.4): the prefix sums of
 * the retention trace, and the two factors of the output error δ_t = e_t · w_out with the state tangent v_t,
 * regrouped so that ψ_{b,t}(ℓ) = e_t Σ_q μ^{(q)}_{t,ℓ} (w_q v^{(q)}_{t−ℓ}). A batch is a few contiguous shards, each
 * computed on its own worker and kept apart: the kernel reads them in place, so nothing is copied to join them.
 *
 * @param prefixes prefix sums of the retention factors and first-order ratios of the shard's sequences
 * @param error e_t = w_t (ŷ_t − y_t) per step, laid out {@code [b*T + t]} (the MSE factor 2 dropped)
 * @param readoutTangent w_out ⊙ v_t, v_t = (dh_t/dθ)[u] the hidden-state tangent along the projection direction
 *     (THEORY §5.4; for the LSTM too, whose μ is the c_{t−ℓ} → h_t block), laid out {@code [(b*T + t)*H + q]}
 */
record BatchFactors(MuPrefixSums prefixes, double[] error, double[] readoutTangent) {
  /** Sequences per shard: the model work of a shard is one batch of per-step matrix products. */
  static final int SHARD = 64;

  /**
   * The factors of sequences {@code from … to−1} of {@code data} as shards of {@link #SHARD} sequences (the last
   * one shorter) in order, on {@code options.threads()} workers. The shards do not depend on the thread count, so
   * neither do the numbers: BLAS rounds a product's rows differently depending on how many rows it has.
   */
  static BatchFactors[] of(GatedRnn model, SequenceDataset data, int from, int to, ParameterSet direction,
      KernelOptions options) {
    int shards = (to - from + SHARD - 1) / SHARD;
    BatchFactors[] parts = new BatchFactors[shards];
    ParallelLoop.run(options.threads(), shards, s -> {
      int a = from + s * SHARD;
      int b = Math.min(to, a + SHARD);
      SequenceBatch batch = data.batch(a, b);
      DiagnosticTrace trace =
          model.diagnosticTrace(batch, direction, options.tangentMode(), options.retention(), options.products());
      MuPrefixSums prefixes = MuPrefixSums.of(trace.retention(), options.firstOrder(), options.resetEnvelopes());
      parts[s] = of(prefixes, stepError(batch, trace.predictions()), model.parameters().data("out.weight"),
          trace.tangent());
    });
    return parts;
  }

  /**
   * The factors of a shard from its prefix sums, step errors e_t, readout weight w_out and tangent v_t; the tangent
   * is scaled to w_out ⊙ v_t in place (the shard's trace is not used again).
   */
  static BatchFactors of(MuPrefixSums prefixes, double[] error, double[] readoutWeight, double[] tangent) {
    int h = readoutWeight.length;
    for (int i = 0; i < tangent.length; i++) {
      tangent[i] *= readoutWeight[i % h];
    }
    return new BatchFactors(prefixes, error, tangent);
  }

  /**
   * e_t = w_t (ŷ_t − y_t), the factor of the output error δ_t = e_t · w_out, the gradient of ½ w_t (ŷ_t − y_t)² with
   * respect to h_t (THEORY §5.4; the MSE factor 2 is dropped), laid out {@code [b*T + t]}.
   */
  static double[] stepError(SequenceBatch batch, double[] yhat) {
    double[] error = new double[yhat.length];
    int length = batch.length();
    for (int i = 0; i < yhat.length; i++) {
      error[i] = batch.weight(i % length) * (yhat[i] - batch.y()[i]);
    }
    return error;
  }

  /** The number of sequences in the shard. */
  int sequences() {
    return prefixes.batchSize();
  }
}
