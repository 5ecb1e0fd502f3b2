package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;

/**
 * A first-order update rule over named tensors with PyTorch semantics (THEORY §8.2 AdamW, §8.3 SGD). An instance
 * keeps its own per-tensor state (moments, momentum buffers) keyed by tensor name, so it belongs to one run.
 */
public interface Optimizer {
  /**
   * One update of {@code params} in place from {@code grads} (same names and sizes; left unchanged). A gradient
   * holding NaN or Inf is rejected with an {@link IllegalArgumentException} naming the tensor.
   */
  void step(ParameterSet params, ParameterSet grads);

  /** A deep copy of the state carried between steps, to resume from ({@link #restore}). */
  OptimizerState state();

  /**
   * Replaces the carried state by a deep copy of {@code state} (as returned by {@link #state()} of an optimizer of
   * the same kind); a buffer of a role this optimizer does not have is rejected.
   */
  void restore(OptimizerState state);
}
