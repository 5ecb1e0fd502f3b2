package io.horizon.core.task;

import io.horizon.core.random.Rng;
import java.util.Arrays;

/**
 * What every task generator shares: one random stream per sequence, derived from the data seed, the task name and
 * the sequence index (so sequence i is the same whatever the number of sequences asked for), the checked
 * allocation of the input array, and the last-step target layout of the THEORY §10 tasks.
 */
final class SequenceGeneration {
  /** Redraws of one sequence whose target is not finite before giving up. */
  static final int MAX_REDRAWS = 100;

  private SequenceGeneration() {}

  /** Fills the inputs of one sequence at {@code offset} ([T, D] row-major) and returns its last-step target. */
  interface LastStepSequence {
    double fill(Rng rng, float[] x, int offset);
  }

  /** The random stream of sequence {@code index} of the data set with seed {@code seed}. */
  static Rng stream(String task, long seed, int index) {
    return new Rng(Rng.derive(seed, "task/" + task + "/sequence/" + index));
  }

  /** A zero input array for {@code count} sequences of shape [T, D]; rejects negative or too large counts. */
  static float[] inputs(String task, int count, int length, int inputDim) {
    if (count < 0) {
      throw new IllegalArgumentException("count: must not be negative, got " + count);
    }
    long size = (long) count * length * inputDim;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("count: " + count + " sequences of " + task + " with shape [" + length + ","
          + inputDim + "] exceed the largest Java array (" + size + " values)");
    }
    return new float[(int) size];
  }

  /** Loss weights with a single 1 at the last step {@code T-1} (THEORY §10: target only at the last step). */
  static double[] lastStepWeights(int length) {
    double[] w = new double[length];
    w[length - 1] = 1.0;
    return w;
  }

  /**
   * {@code count} sequences whose target sits at step {@code T-1} (0 elsewhere). A sequence whose target is not
   * finite in single precision (a NARMA recursion that overflowed) is cleared and drawn again from its continuing
   * stream, so targets are conditioned on a finite recursion; after {@link #MAX_REDRAWS} failures the data set is
   * refused with the sequence index and the seed.
   */
  static SequenceDataset lastStep(Task task, int count, long seed, LastStepSequence sequence) {
    int length = task.length();
    int inputDim = task.inputDim();
    float[] x = inputs(task.name(), count, length, inputDim);
    float[] y = new float[count * length];
    for (int i = 0; i < count; i++) {
      Rng rng = stream(task.name(), seed, i);
      int offset = i * length * inputDim;
      double target = sequence.fill(rng, x, offset);
      for (int redraw = 1; !Float.isFinite((float) target); redraw++) {
        if (redraw > MAX_REDRAWS) {
          throw new IllegalStateException(task.name() + ": sequence " + i + " of data seed " + seed
              + " has a non-finite target after " + MAX_REDRAWS + " redraws");
        }
        Arrays.fill(x, offset, offset + length * inputDim, 0f);
        target = sequence.fill(rng, x, offset);
      }
      y[i * length + length - 1] = (float) target;
    }
    return new SequenceDataset(x, y, count, length, inputDim, lastStepWeights(length));
  }

  /**
   * Fills channel 0 of one sequence with U(0, {@code high}) draws and leaves the other channels at zero (the
   * single-signal tasks of THEORY §10: movingavg, delaysum, narma).
   */
  static void fillFirstChannel(Rng rng, float[] x, int offset, int length, int inputDim, double high) {
    for (int t = 0; t < length; t++) {
      x[offset + t * inputDim] = (float) rng.uniform(0, high);
    }
  }

  /** The sum of the last {@code window} values of channel 0 of one sequence (movingavg, short). */
  static double lastValuesSum(float[] x, int offset, int length, int inputDim, int window) {
    double sum = 0;
    for (int t = length - window; t < length; t++) {
      sum += x[offset + t * inputDim];
    }
    return sum;
  }

  /** Requires a positive size; the message names the field. */
  static void requirePositive(String field, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(field + ": must be positive, got " + value);
    }
  }

  /** Requires a window of 1 … length steps; the message names the field. */
  static void requireWindow(String field, int window, int length) {
    requirePositive(field, window);
    if (window > length) {
      throw new IllegalArgumentException(field + ": must be at most length (" + length + "), got " + window);
    }
  }

  /** Requires a finite real; the message names the field. */
  static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(field + ": must be finite, got " + value);
    }
  }
}
