package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * A gated recurrent network with a linear readout at every step (THEORY §2). The initial state is zero. Loss is
 * the squared error summed over all (sequence, step) pairs, each step weighted by the batch's step weight;
 * callers choose the normalisation through {@code scale} (mean squared error over a batch of B sequences of
 * length T: {@code scale = 1/(B·T)}).
 */
public interface GatedRnn {
  ModelConfig config();

  /** Every tensor of the layout (including the non-trainable {@code s_const}), shared with the model. */
  ParameterSet parameters();

  /** The trainable tensors, sharing storage with {@link #parameters()}. */
  ParameterSet trainable();

  /** Batched forward pass keeping the intermediates needed by the methods below, products in float64. */
  default Trajectory forward(SequenceBatch batch) {
    return forward(batch, Precision.FLOAT64);
  }

  /** Batched forward pass with the step products in {@code products}. */
  Trajectory forward(SequenceBatch batch, Precision products);

  /**
   * Exact backpropagation through time. Adds {@code scale · ∂/∂θ Σ_{b,t} w_t (ŷ_{b,t} - y_{b,t})²} into
   * {@code gradient} (trainable names) and returns the unscaled weighted sum of squared errors.
   */
  double backward(Trajectory trajectory, ParameterSet gradient, double scale);

  /** Forward-mode directional derivative of the state trajectory along {@code direction} (trainable names). */
  Tangent tangent(Trajectory trajectory, ParameterSet direction, TangentMode mode);

  /**
   * One state update for every sequence of the batch: the state after step {@code t} given the state before it
   * (used by the one-step checks). States are {@code [b*S + k]} with {@code S = H} (h) or, for the LSTM,
   * {@code S = 2H} (h in {@code [0, H)}, c in {@code [H, 2H)}).
   */
  double[] step(SequenceBatch batch, int t, double[] previousState);

  /** Retention factors and diagonal first-order corrections for the μ kernels (THEORY §4). */
  RetentionTrace retention(Trajectory trajectory, RetentionOptions options);

  /**
   * Everything the diagnostic pass needs from one batch: the forward pass's predictions, the hidden-state tangent
   * along {@code direction} and the retention trace. An architecture may compute it in one sweep over time that
   * never holds the whole trajectory; the numbers are those of {@link #forward}, {@link #tangent} and
   * {@link #retention}, to the bit. The forward and tangent step products run in {@code products}.
   */
  default DiagnosticTrace diagnosticTrace(SequenceBatch batch, ParameterSet direction, TangentMode mode,
      RetentionOptions options, Precision products) {
    Trajectory trajectory = forward(batch, products);
    return new DiagnosticTrace(
        trajectory.predictions(), tangent(trajectory, direction, mode).hidden(), retention(trajectory, options));
  }
}
