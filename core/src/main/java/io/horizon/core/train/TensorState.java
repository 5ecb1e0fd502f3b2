package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;

/** One per-tensor optimizer state (AdamW moments, SGD momentum buffer; THEORY §8.2–8.3), zero until first used. */
final class TensorState {
  private final String role;
  private ParameterSet buffers = new ParameterSet();

  TensorState(String role) {
    this.role = role;
  }

  /** The role this state plays in its optimizer ("first moment", "momentum buffer", …). */
  String role() {
    return role;
  }

  /** The buffer of {@code param}, created as zeros on first use; a size change is rejected naming the tensor. */
  double[] of(Tensor param) {
    if (!buffers.contains(param.name())) {
      buffers.put(Tensor.zeros(param.name(), param.shape()));
    }
    Tensor buffer = buffers.get(param.name());
    if (buffer.size() != param.size()) {
      throw new IllegalArgumentException("params: tensor '" + param.name() + "' has " + param.size()
          + " values but its " + role + " has " + buffer.size());
    }
    return buffer.data();
  }

  /** A deep copy of every buffer created so far. */
  ParameterSet snapshot() {
    return buffers.copy();
  }

  /** Replaces every buffer by a deep copy of {@code saved}; a non-finite value is rejected naming the tensor. */
  void restore(ParameterSet saved, String path) {
    String bad = saved.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException(path + "." + role + ": tensor '" + bad + "' holds NaN or Inf");
    }
    buffers = saved.copy();
  }
}
