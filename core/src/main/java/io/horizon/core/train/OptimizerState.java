package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import java.util.Map;

/**
 * Everything an {@link Optimizer} carries from one step to the next (THEORY §8.2 AdamW moments and step count,
 * §8.3 SGD momentum buffer), so that a run resumed from it continues bit for bit.
 *
 * @param steps updates taken so far (AdamW's bias-correction step k; 0 for SGD, which does not use it)
 * @param buffers per-tensor buffers by role ("first moment", "second moment", "momentum buffer"), each keyed by
 *     parameter name; only buffers created so far are present
 */
public record OptimizerState(long steps, Map<String, ParameterSet> buffers) {

  /** Checks the step count and copies the map (the tensors are not copied). */
  public OptimizerState {
    if (steps < 0) {
      throw new IllegalArgumentException("optimizer.steps: must be non-negative, got " + steps);
    }
    if (buffers == null) {
      throw new IllegalArgumentException("optimizer.buffers: must be given");
    }
    buffers = Map.copyOf(buffers);
  }

  /** The buffers of {@code state}, or an empty set when the optimizer had not created them yet. */
  ParameterSet buffers(TensorState state) {
    return buffers.getOrDefault(state.role(), new ParameterSet());
  }

  /** Rejects buffers of roles other than {@code known}, naming the unknown one. */
  void requireRoles(TensorState... known) {
    for (String role : buffers.keySet()) {
      boolean found = false;
      for (TensorState s : known) {
        found |= s.role().equals(role);
      }
      if (!found) {
        throw new IllegalArgumentException("optimizer.buffers: unknown role '" + role + "' for this optimizer");
      }
    }
  }
}
