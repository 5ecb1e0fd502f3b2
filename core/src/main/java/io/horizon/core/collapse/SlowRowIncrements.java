package io.horizon.core.collapse;

import io.horizon.core.train.Optimizer;

/**
 * An optimizer that records the realised increments of the slow units' rows of {@code Wh.weight} (THEORY §11.3
 * item 10): after each step of the wrapped optimizer (forcing included when it is a {@link ForcedSlowRows}), the
 * parameters after minus the parameters before on the rows of the units that were slow before the step
 * ({@link SlowUnits}) go to {@link IncrementSamples}. The parameters themselves are left as the wrapped optimizer
 * made them.
 */
public final class SlowRowIncrements extends SlowRowUpdates {
  private final IncrementSamples samples;

  /** Records into {@code samples} the increments of the ⌈share·H⌉ slow rows at each step of {@code inner}. */
  public SlowRowIncrements(Optimizer inner, double share, IncrementSamples samples) {
    super(inner, new SlowUnits(share));
    this.samples = samples;
  }

  @Override
  void afterStep(double[] w, int[] entries, double[] before, long step) {
    double[] increments = new double[entries.length];
    for (int i = 0; i < entries.length; i++) {
      increments[i] = w[entries[i]] - before[i];
    }
    samples.record(increments, step);
  }
}
