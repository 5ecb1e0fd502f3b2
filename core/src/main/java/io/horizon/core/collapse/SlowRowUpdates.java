package io.horizon.core.collapse;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.train.Optimizer;
import io.horizon.core.train.OptimizerState;

/**
 * An optimizer decorator that sees each step's update of the slow units' rows of {@code Wh.weight} (THEORY §11.3
 * items 10–11): the slow units are chosen ({@link SlowUnits}) before the wrapped optimizer steps, and the subclass
 * gets their entries, their values before the step and the step's number. The number of steps is carried in the
 * wrapped optimizer's state, so a run resumed from it numbers its steps as an uninterrupted one.
 */
abstract class SlowRowUpdates implements Optimizer {
  private final Optimizer inner;
  private final SlowUnits slow;
  private long steps;

  SlowRowUpdates(Optimizer inner, SlowUnits slow) {
    this.inner = inner;
    this.slow = slow;
  }

  @Override
  public final void step(ParameterSet params, ParameterSet grads) {
    double[] w = params.data(SlowUnits.TENSOR);
    int[] entries = slow.rows(w);
    double[] before = new double[entries.length];
    for (int i = 0; i < entries.length; i++) {
      before[i] = w[entries[i]];
    }
    inner.step(params, grads);
    steps++;
    afterStep(w, entries, before, steps);
  }

  /**
   * Called after step {@code step} (1-based) of the wrapped optimizer with the updated {@code w}, the slow rows'
   * {@code entries} in it and their values {@code before} the step.
   */
  abstract void afterStep(double[] w, int[] entries, double[] before, long step);

  /** The wrapped optimizer's state, with the number of steps taken here as its step count. */
  @Override
  public final OptimizerState state() {
    return new OptimizerState(steps, inner.state().buffers());
  }

  /** Restores the wrapped optimizer and the number of steps. */
  @Override
  public final void restore(OptimizerState state) {
    inner.restore(state);
    steps = state.steps();
  }
}
