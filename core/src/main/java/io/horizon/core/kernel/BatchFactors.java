package io.horizon.core.kernel;

import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.RetentionTrace;
import io.horizon.core.model.Trajectory;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import java.util.function.Function;

/**
 * What the μ kernels of one diagnostic batch need from the model (THEORY §4, §5.4): the retention trace, the
 * output error δ_t and the state tangent v_t, all laid out {@code [(b*T + t)*H + q]}. The model work runs on
 * contiguous shards of the batch in parallel; because the layout is batch-major, the shards' arrays simply
 * concatenate.
 *
 * @param trace retention factors and first-order ratios
 * @param delta output error δ_t = w_t (ŷ_t − y_t) · w_out
 * @param tangent v_t = (dh_t/dθ)[u], the hidden-state tangent along the projection direction (THEORY §5.4; for the
 *     LSTM too, whose μ is the c_{t−ℓ} → h_t block)
 */
record BatchFactors(RetentionTrace trace, double[] delta, double[] tangent) {

  /** The factors of sequences {@code from … to−1} of {@code data}, computed on {@code options.threads()} shards. */
  static BatchFactors of(GatedRnn model, SequenceDataset data, int from, int to, ParameterSet direction,
      KernelOptions options) {
    int shards = Math.max(1, Math.min(options.threads(), to - from));
    BatchFactors[] parts = new BatchFactors[shards];
    ParallelLoop.run(shards, shards, s -> {
      int a = from + (int) ((long) (to - from) * s / shards);
      int b = from + (int) ((long) (to - from) * (s + 1) / shards);
      parts[s] = ofShard(model, data.batch(a, b), direction, options);
    });
    return shards == 1 ? parts[0] : concatenate(parts);
  }

  private static BatchFactors ofShard(GatedRnn model, SequenceBatch batch, ParameterSet direction,
      KernelOptions options) {
    Trajectory trajectory = model.forward(batch);
    double[] v = model.tangent(trajectory, direction, options.tangentMode()).hidden();
    RetentionTrace trace = model.retention(trajectory, options.retention());
    double[] delta = DiagnosticPass.outputError(
        trajectory, model.parameters().data("out.weight"), model.config().hiddenSize());
    return new BatchFactors(trace, delta, v);
  }

  private static BatchFactors concatenate(BatchFactors[] parts) {
    RetentionTrace first = parts[0].trace();
    int batch = 0;
    for (BatchFactors p : parts) {
      batch += p.trace().batchSize();
    }
    RetentionTrace trace = new RetentionTrace(batch, first.length(), first.hiddenSize(),
        join(parts, p -> p.trace().logRetention()), join(parts, p -> p.trace().firstOrderRatio()),
        join(parts, p -> p.trace().readout()), join(parts, p -> p.trace().logReset()));
    return new BatchFactors(trace, join(parts, BatchFactors::delta), join(parts, BatchFactors::tangent));
  }

  /** The arrays of every part end to end, or null when the parts have none. */
  private static double[] join(BatchFactors[] parts, Function<BatchFactors, double[]> field) {
    if (field.apply(parts[0]) == null) {
      return null;
    }
    int n = 0;
    for (BatchFactors p : parts) {
      n += field.apply(p).length;
    }
    double[] out = new double[n];
    int at = 0;
    for (BatchFactors p : parts) {
      double[] a = field.apply(p);
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    return out;
  }
}
