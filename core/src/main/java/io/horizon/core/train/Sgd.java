package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import java.util.Map;

/**
 * Stochastic gradient descent as {@code torch.optim.SGD} (THEORY §8.3) with dampening 0 and nesterov off: coupled
 * decay {@code d = g + wd·p}; with momentum μ &gt; 0 the buffer {@code b ← μb + d} (zero-initialised, so the first
 * step gives {@code b = d} exactly) replaces d; then {@code p ← p − lr·d}.
 */
public final class Sgd implements Optimizer {
  private final double lr;
  private final double weightDecay;
  private final double momentum;
  private final TensorState momentumBuffer = new TensorState("momentum buffer");

  /** Use {@link OptimizerSpec#create()}, which validates the arguments. */
  Sgd(double lr, double weightDecay, double momentum) {
    this.lr = lr;
    this.weightDecay = weightDecay;
    this.momentum = momentum;
  }

  @Override
  public void step(ParameterSet params, ParameterSet grads) {
    GradientChecks.requireFinite(grads);
    for (Tensor param : params.tensors()) {
      double[] g = GradientChecks.gradientOf(param, grads);
      double[] p = param.data();
      double[] buffer = momentum != 0 ? momentumBuffer.of(param) : null;
      for (int i = 0; i < p.length; i++) {
        double d = g[i] + weightDecay * p[i];
        if (buffer != null) {
          buffer[i] = buffer[i] * momentum + d;
          d = buffer[i];
        }
        p[i] += -lr * d;
      }
    }
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState(0, Map.of(momentumBuffer.role(), momentumBuffer.snapshot()));
  }

  @Override
  public void restore(OptimizerState state) {
    state.requireRoles(momentumBuffer);
    momentumBuffer.restore(state.buffers(momentumBuffer), "optimizer.buffers");
  }
}
