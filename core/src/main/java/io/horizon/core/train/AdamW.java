package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import java.util.Map;

/**
 * AdamW as {@code torch.optim.AdamW} (THEORY §8.2; Loshchilov &amp; Hutter, Algorithm 2) with amsgrad off:
 * decoupled decay {@code p ← p(1 − lr·wd)}, moments {@code m ← β₁m + (1−β₁)g}, {@code v ← β₂v + (1−β₂)g²}, and
 * {@code p ← p − (lr/(1−β₁ᵏ)) · m / (√v/√(1−β₂ᵏ) + ε)} at step k.
 */
public final class AdamW implements Optimizer {
  /** First-moment decay β₁ (PyTorch default, THEORY §8.2). */
  public static final double BETA1 = 0.9;
  /** Second-moment decay β₂ (PyTorch default, THEORY §8.2). */
  public static final double BETA2 = 0.999;
  /** Denominator offset ε (PyTorch default, THEORY §8.2). */
  public static final double EPSILON = 1e-8;

  private final double lr;
  private final double weightDecay;
  private final TensorState firstMoment = new TensorState("first moment");
  private final TensorState secondMoment = new TensorState("second moment");
  private long steps;

  /** Use {@link OptimizerSpec#create()}, which validates the arguments. */
  AdamW(double lr, double weightDecay) {
    this.lr = lr;
    this.weightDecay = weightDecay;
  }

  @Override
  public void step(ParameterSet params, ParameterSet grads) {
    GradientChecks.requireFinite(grads);
    steps++;
    double stepSize = lr / (1 - Math.pow(BETA1, steps));
    double secondCorrectionSqrt = Math.sqrt(1 - Math.pow(BETA2, steps));
    double decay = 1 - lr * weightDecay;
    for (Tensor param : params.tensors()) {
      double[] g = GradientChecks.gradientOf(param, grads);
      double[] p = param.data();
      double[] m = firstMoment.of(param);
      double[] v = secondMoment.of(param);
      for (int i = 0; i < p.length; i++) {
        p[i] *= decay;
        m[i] = m[i] * BETA1 + (1 - BETA1) * g[i];
        v[i] = v[i] * BETA2 + (1 - BETA2) * g[i] * g[i];
        double denominator = Math.sqrt(v[i]) / secondCorrectionSqrt + EPSILON;
        p[i] += -stepSize * (m[i] / denominator);
      }
    }
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState(steps,
        Map.of(firstMoment.role(), firstMoment.snapshot(), secondMoment.role(), secondMoment.snapshot()));
  }

  @Override
  public void restore(OptimizerState state) {
    state.requireRoles(firstMoment, secondMoment);
    firstMoment.restore(state.buffers(firstMoment), "optimizer.buffers");
    secondMoment.restore(state.buffers(secondMoment), "optimizer.buffers");
    steps = state.steps();
  }
}
