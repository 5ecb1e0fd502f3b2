package io.horizon.core.kernel;

import io.horizon.core.model.DiagnosticTrace;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;

/**
 * What the μ kernels need from the model for one shard of a diagnostic batch (THEORY §4, §5.4): the prefix sums of
 * the retention trace, the output error δ_t and the state tangent v_t, the latter two laid out
 * {@code [(b*T + t)*H + q]}. A batch is a few contiguous shards, each computed on its own worker and kept apart: the
 * kernel reads them in place, so nothing is copied to join them.
 *
 * @param prefixes prefix sums of the retention factors and first-order ratios of the shard's sequences
 * @param delta output error δ_t = w_t (ŷ_t − y_t) · w_out
 * @param tangent v_t = (dh_t/dθ)[u], the hidden-state tangent along the projection direction (THEORY §5.4; for the
 *     LSTM too, whose μ is the c_{t−ℓ} → h_t block)
 */
record BatchFactors(MuPrefixSums prefixes, double[] delta, double[] tangent) {
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
      DiagnosticTrace trace = model.diagnosticTrace(batch, direction, options.tangentMode(), options.retention());
      MuPrefixSums prefixes = MuPrefixSums.of(trace.retention(), options.firstOrder(), options.resetEnvelopes());
      double[] delta = DiagnosticPass.outputError(
          batch, trace.predictions(), model.parameters().data("out.weight"), model.config().hiddenSize());
      parts[s] = new BatchFactors(prefixes, delta, trace.tangent());
    });
    return parts;
  }

  /** The number of sequences in the shard. */
  int sequences() {
    return prefixes.batchSize();
  }
}
