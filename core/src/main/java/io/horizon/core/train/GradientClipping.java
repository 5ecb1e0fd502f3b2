package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;

/** Global-norm gradient clipping as {@code torch.nn.utils.clip_grad_norm_} (THEORY §8.2 "clip global grad norm"). */
public final class GradientClipping {
  /** Added to the norm in the clipping coefficient, as in PyTorch. */
  public static final double NORM_OFFSET = 1e-6;

  private GradientClipping() {}

  /**
   * Scales every gradient by {@code coef = maxNorm / (‖g‖₂ + 1e-6)} when {@code coef < 1} (‖g‖₂ over all tensors
   * jointly) and returns the norm before clipping. Non-finite gradients are rejected naming the tensor.
   */
  public static double clipGlobalNorm(ParameterSet grads, double maxNorm) {
    if (!(Double.isFinite(maxNorm) && maxNorm > 0)) {
      throw new IllegalArgumentException("maxNorm: must be finite and positive, got " + maxNorm);
    }
    GradientChecks.requireFinite(grads);
    double total = grads.norm();
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("grads: global norm overflows double precision");
    }
    double coef = maxNorm / (total + NORM_OFFSET);
    if (coef < 1) {
      for (Tensor t : grads.tensors()) {
        double[] g = t.data();
        for (int i = 0; i < g.length; i++) {
          g[i] *= coef;
        }
      }
    }
    return total;
  }
}
