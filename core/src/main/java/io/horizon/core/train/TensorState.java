package io.horizon.core.train;

import io.horizon.core.model.Tensor;
import java.util.HashMap;
import java.util.Map;

/** One per-tensor optimizer state (AdamW moments, SGD momentum buffer; THEORY §8.2–8.3), zero until first used. */
final class TensorState {
  private final String role;
  private final Map<String, double[]> buffers = new HashMap<>();

  TensorState(String role) {
    this.role = role;
  }

  /** The buffer of {@code param}, created as zeros on first use; a size change is rejected naming the tensor. */
  double[] of(Tensor param) {
    double[] buffer = buffers.computeIfAbsent(param.name(), unused -> new double[param.size()]);
    if (buffer.length != param.size()) {
      throw new IllegalArgumentException("params: tensor '" + param.name() + "' has " + param.size()
          + " values but its " + role + " has " + buffer.length);
    }
    return buffer;
  }
}
