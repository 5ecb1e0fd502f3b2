package io.horizon.core.train;

import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.task.Task;
import java.util.Arrays;

/**
 * A test-only memoryless variant of the regression of THEORY §8.1 (all lags 0): {@code y_t = vᵀx_t + 0.1·ξ_t}
 * with x, ξ standard normal and a fixed v. Step 0 carries loss weight 0 and its first input holds the sequence's
 * index in the generated set, so a model can tell which sequences it was trained on without that entry affecting
 * the loss. Optionally one sequence gets a NaN target at step 1.
 */
final class IdentifiedRegressionTask implements Task {
  static final int DIM = 3;
  static final int LENGTH = 6;
  private static final double[] V = {0.8, -0.5, 0.3};
  private final int nanSequence;

  /** {@code nanSequence}: index whose step-1 target is NaN in every generated set, or -1 for none. */
  IdentifiedRegressionTask(int nanSequence) {
    this.nanSequence = nanSequence;
  }

  @Override
  public String name() {
    return "identified-regression";
  }

  @Override
  public int inputDim() {
    return DIM;
  }

  @Override
  public int length() {
    return LENGTH;
  }

  @Override
  public double[] stepWeights() {
    double[] w = new double[LENGTH];
    Arrays.fill(w, 1, LENGTH, 1.0);
    return w;
  }

  @Override
  public SequenceDataset generate(int count, long seed) {
    Rng rng = new Rng(seed);
    float[] x = new float[count * LENGTH * DIM];
    float[] y = new float[count * LENGTH];
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < LENGTH; t++) {
        double target = 0.1 * rng.gaussian();
        for (int i = 0; i < DIM; i++) {
          float value = (float) rng.gaussian();
          x[(s * LENGTH + t) * DIM + i] = value;
          target += V[i] * value;
        }
        y[s * LENGTH + t] = (float) target;
      }
      x[s * LENGTH * DIM] = s;
    }
    if (nanSequence >= 0 && nanSequence < count) {
      y[nanSequence * LENGTH + 1] = Float.NaN;
    }
    return new SequenceDataset(x, y, count, LENGTH, DIM, stepWeights());
  }
}
