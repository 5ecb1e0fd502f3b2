package io.horizon.core.train;

/** Per-step loss weights of a task (THEORY §8.1; null means every step carries weight 1). */
final class StepWeights {
  private StepWeights() {}

  /** The weight of step {@code t}. */
  static double weight(double[] weights, int t) {
    return weights == null ? 1.0 : weights[t];
  }

  /** {@code Σ_t w_t} over {@code length} steps; weights must be finite and non-negative with a positive sum. */
  static double sum(double[] weights, int length) {
    double sum = 0;
    for (int t = 0; t < length; t++) {
      double w = weight(weights, t);
      if (!(Double.isFinite(w) && w >= 0)) {
        throw new IllegalArgumentException("stepWeights: weight of step " + t + " must be finite and non-negative, got "
            + w);
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("stepWeights: no step carries a positive weight");
    }
    return sum;
  }
}
