package io.horizon.core.task;

/**
 * A mini-batch of sequences in double precision: {@code x[(b*T + t)*D + i]} and one target per step
 * {@code y[b*T + t]}.
 */
public record SequenceBatch(double[] x, double[] y, int batchSize, int length, int inputDim) {
  public SequenceBatch {
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
