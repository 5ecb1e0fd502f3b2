package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;

/**
 * Argument checks shared by the optimizers and the clipping (THEORY §8.2 "halt on NaN/Inf"): finite gradients and
 * matching tensor sizes.
 */
final class GradientChecks {
  private GradientChecks() {}

  /** Rejects a gradient set holding NaN or Inf, naming the first offending tensor. */
  static void requireFinite(ParameterSet grads) {
    String bad = grads.firstNonFinite();
    if (bad != null) {
      throw new IllegalArgumentException("grads: tensor '" + bad + "' holds NaN or Inf");
    }
  }

  /** The gradient of {@code param}; a missing tensor or a size mismatch is rejected naming the tensor. */
  static double[] gradientOf(Tensor param, ParameterSet grads) {
    double[] g = grads.data(param.name());
    if (g.length != param.size()) {
      throw new IllegalArgumentException("grads: tensor '" + param.name() + "' has " + g.length
          + " values, the parameter has " + param.size());
    }
    return g;
  }
}
