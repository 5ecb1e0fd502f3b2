package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;

/**
 * The NARMA-10 task (THEORY §10 table): channel 0 holds {@code u_t ~ U(0, 0.5)}, the other channels are zero;
 * {@code y_0 = 0} and {@code y_{t+1} = 0.3 y_t + 0.05 y_t Σ_{i=0}^{9} y_{t−i} + 1.5 u_{t−9} u_t + 0.1} for
 * {@code t = 0 … T−1} (terms with negative indices omitted); the target at the last step is {@code y_T}. The
 * recursion overflows for about 1.5 in 10⁴ input sequences at T = 120 (more for longer T); such sequences are drawn
 * again (see {@link SequenceGeneration#lastStep}). Defaults (THEORY §10.3 S2): T 120, D 6.
 *
 * @param length sequence length T
 * @param inputDim channels D
 */
public record Narma10Task(int length, int inputDim) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "narma10";

  private static final int ORDER = 10;
  private static final double INPUT_HIGH = 0.5;
  private static final double DECAY = 0.3;
  private static final double COUPLING = 0.05;
  private static final double DRIVE = 1.5;
  private static final double OFFSET = 0.1;

  public Narma10Task {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
  }

  /** The THEORY §10.3 S2 task. */
  public static Narma10Task defaults() {
    return new Narma10Task(120, 6);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static Narma10Task fromSpec(SpecNode node) {
    Narma10Task d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    node.rejectUnread();
    return node.build(() -> new Narma10Task(length, inputDim));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    SequenceGeneration.fillFirstChannel(rng, x, offset, length, inputDim, INPUT_HIGH);
    double[] y = new double[length + 1];
    for (int t = 0; t < length; t++) {
      double window = 0;
      for (int i = Math.max(0, t - ORDER + 1); i <= t; i++) {
        window += y[i];
      }
      double u = x[offset + t * inputDim];
      double uLagged = t - ORDER + 1 >= 0 ? x[offset + (t - ORDER + 1) * inputDim] : 0;
      y[t + 1] = DECAY * y[t] + COUPLING * y[t] * window + DRIVE * uLagged * u + OFFSET;
    }
    return y[length];
  }
}
