package io.horizon.core.train;

import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import io.horizon.core.task.Task;

/**
 * A test-only short-lag instance of the multi-lag regression (LW-44, THEORY §8.1):
 * {@code y_t = Σ_k c_k uᵀx_{t−ℓ_k} + σ_ξ ξ_t} with lags 2, 4, 8, coefficients 1.0, 0.7, 0.5, σ_ξ = 0.1, D = 4,
 * T = 64, x and ξ standard normal, u a unit vector drawn once from a fixed seed; terms with {@code t < ℓ_k} are
 * omitted.
 */
final class ShortLagRegressionTask implements Task {
  static final int DIM = 4;
  static final int LENGTH = 64;
  private static final int[] LAGS = {2, 4, 8};
  private static final double[] COEFFICIENTS = {1.0, 0.7, 0.5};
  private static final double NOISE = 0.1;
  private final double[] u = new double[DIM];

  ShortLagRegressionTask(long directionSeed) {
    Rng rng = new Rng(directionSeed);
    double norm = 0;
    for (int i = 0; i < DIM; i++) {
      u[i] = rng.gaussian();
      norm += u[i] * u[i];
    }
    for (int i = 0; i < DIM; i++) {
      u[i] /= Math.sqrt(norm);
    }
  }

  @Override
  public String name() {
    return "short-lag-regression";
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
    return null;
  }

  @Override
  public SequenceDataset generate(int count, long seed) {
    Rng rng = new Rng(seed);
    float[] x = new float[count * LENGTH * DIM];
    float[] y = new float[count * LENGTH];
    double[] projection = new double[LENGTH];
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < LENGTH; t++) {
        projection[t] = 0;
        for (int i = 0; i < DIM; i++) {
          float value = (float) rng.gaussian();
          x[(s * LENGTH + t) * DIM + i] = value;
          projection[t] += u[i] * value;
        }
      }
      for (int t = 0; t < LENGTH; t++) {
        double target = NOISE * rng.gaussian();
        for (int k = 0; k < LAGS.length; k++) {
          if (t >= LAGS[k]) {
            target += COEFFICIENTS[k] * projection[t - LAGS[k]];
          }
        }
        y[s * LENGTH + t] = (float) target;
      }
    }
    return new SequenceDataset(x, y, count, LENGTH, DIM);
  }
}
