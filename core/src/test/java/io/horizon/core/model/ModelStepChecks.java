package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.task.SequenceBatch;

/**
 * One-step numerical checks shared by the architectures: the immediate parameter–state tangent (THEORY §5.4,
 * {@link TangentMode#IMMEDIATE}) and entries of the one-step state Jacobian J_t (THEORY §2), both by central finite
 * differences of {@link GatedRnn#step}.
 */
public final class ModelStepChecks {
  private static final double EPS = 1e-6;

  private ModelStepChecks() {}

  /** Width of the state vector of {@link GatedRnn#step}: 2H for the LSTM, H otherwise. */
  public static int stateWidth(GatedRnn model) {
    int h = model.config().hiddenSize();
    return model.config().architecture() == Architecture.LSTM ? 2 * h : h;
  }

  /** The state before step {@code t} along a trajectory, {@code [b*S + k]} (zero before step 0). */
  public static double[] stateBefore(GatedRnn model, Trajectory trajectory, int t) {
    SequenceBatch batch = trajectory.batch();
    int h = model.config().hiddenSize();
    int width = stateWidth(model);
    double[] state = new double[batch.batchSize() * width];
    if (t == 0) {
      return state;
    }
    for (int b = 0; b < batch.batchSize(); b++) {
      int from = (b * batch.length() + t - 1) * h;
      System.arraycopy(trajectory.hidden(), from, state, b * width, h);
      if (width == 2 * h) {
        System.arraycopy(((HasCellState) trajectory).cell(), from, state, b * width + h, h);
      }
    }
    return state;
  }

  /**
   * Asserts that the immediate tangent at every step equals the central difference of one step along {@code u}
   * with the previous state held at the unperturbed trajectory (relative error over the whole trajectory).
   */
  public static void assertImmediateTangentMatchesFiniteDifferences(
      GatedRnn model, SequenceBatch batch, ParameterSet u, double tolerance) {
    Trajectory trajectory = model.forward(batch);
    Tangent tangent = model.tangent(trajectory, u, TangentMode.IMMEDIATE);
    int h = model.config().hiddenSize();
    int width = stateWidth(model);
    ParameterSet theta = model.trainable();
    double diff2 = 0;
    double norm2 = 0;
    for (int t = 0; t < batch.length(); t++) {
      double[] previous = stateBefore(model, trajectory, t);
      theta.addScaled(u, EPS);
      double[] plus = model.step(batch, t, previous);
      theta.addScaled(u, -2 * EPS);
      double[] minus = model.step(batch, t, previous);
      theta.addScaled(u, EPS);
      for (int b = 0; b < batch.batchSize(); b++) {
        for (int k = 0; k < width; k++) {
          double fd = (plus[b * width + k] - minus[b * width + k]) / (2 * EPS);
          int at = (b * batch.length() + t) * h + (k % h);
          double v = k < h ? tangent.hidden()[at] : tangent.cell()[at];
          diff2 += (v - fd) * (v - fd);
          norm2 += fd * fd;
        }
      }
    }
    double rel = Math.sqrt(diff2 / Math.max(norm2, 1e-300));
    assertTrue(rel < tolerance, "immediate tangent relative error " + rel);
  }

  /**
   * Entries {@code ∂state[rowOffset + q] / ∂previous[colOffset + q]} of the one-step Jacobian at step {@code t}
   * for q = 0 … H-1 and every sequence, {@code [b*H + q]}, by central differences around {@code previous}.
   */
  public static double[] jacobianDiagonal(
      GatedRnn model, SequenceBatch batch, int t, double[] previous, int rowOffset, int colOffset) {
    int h = model.config().hiddenSize();
    int width = stateWidth(model);
    double[] out = new double[batch.batchSize() * h];
    for (int q = 0; q < h; q++) {
      double[] p = previous.clone();
      double[] m = previous.clone();
      for (int b = 0; b < batch.batchSize(); b++) {
        p[b * width + colOffset + q] += EPS;
        m[b * width + colOffset + q] -= EPS;
      }
      double[] plus = model.step(batch, t, p);
      double[] minus = model.step(batch, t, m);
      for (int b = 0; b < batch.batchSize(); b++) {
        int i = b * width + rowOffset + q;
        out[b * h + q] = (plus[i] - minus[i]) / (2 * EPS);
      }
    }
    return out;
  }
}
