package io.horizon.core.task;

/**
 * A mini-batch of sequences in double precision: {@code x[(b*T + t)*D + i]} and one target per step
 * {@code y[b*T + t]}. {@code stepWeights} (length T, or null for all ones) weights each step's squared error: tasks
 * with a target only at the last step put a single 1 there.
 */
public record SequenceBatch(double[] x, double[] y, int batchSize, int length, int inputDim, double[] stepWeights) {

  public SequenceBatch(double[] x, double[] y, int batchSize, int length, int inputDim) {
    this(x, y, batchSize, length, inputDim, null);
  }

  /** The loss weight of step {@code t}. */
  public double weight(int t) {
    return stepWeights == null ? 1.0 : stepWeights[t];
  }

  public SequenceBatch {
    if (stepWeights != null && stepWeights.length != length) {
      throw new IllegalArgumentException("stepWeights: expected " + length + " values, got " + stepWeights.length);
    }
    if (x.length != (long) batchSize * length * inputDim) {
      throw new IllegalArgumentException("x: expected " + (long) batchSize * length * inputDim
          + " values for [" + batchSize + "," + length + "," + inputDim + "], got " + x.length);
    }
    if (y.length != (long) batchSize * length) {
      throw new IllegalArgumentException(
          "y: expected " + (long) batchSize * length + " values for [" + batchSize + "," + length + ",1], got "
              + y.length);
    }
  }
}
