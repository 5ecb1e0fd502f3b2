package io.horizon.core.task;

/**
 * A set of sequences stored in single precision as in the {@code .npy} interchange files: x is
 * [N, T, D] and y is [N, T, 1], both row-major float32. {@code stepWeights} as in {@link SequenceBatch}.
 */
public record SequenceDataset(float[] x, float[] y, int count, int length, int inputDim, double[] stepWeights) {

  public SequenceDataset(float[] x, float[] y, int count, int length, int inputDim) {
    this(x, y, count, length, inputDim, null);
  }

  public SequenceDataset {
    if (x.length != (long) count * length * inputDim) {
      throw new IllegalArgumentException("x: expected shape [" + count + "," + length + "," + inputDim + "]");
    }
    if (y.length != (long) count * length) {
      throw new IllegalArgumentException("y: expected shape [" + count + "," + length + ",1]");
    }
  }

  /** The sequences at {@code indices}, widened to double precision. */
  public SequenceBatch batch(int[] indices) {
    int td = length * inputDim;
    double[] bx = new double[indices.length * td];
    double[] by = new double[indices.length * length];
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      for (int j = 0; j < td; j++) {
        bx[k * td + j] = x[i * td + j];
      }
      for (int t = 0; t < length; t++) {
        by[k * length + t] = y[i * length + t];
      }
    }
    return new SequenceBatch(bx, by, indices.length, length, inputDim, stepWeights);
  }

  /** Sequences {@code from} (inclusive) to {@code to} (exclusive). */
  public SequenceBatch batch(int from, int to) {
    int[] idx = new int[to - from];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = from + k;
    }
    return batch(idx);
  }
}
