package io.horizon.core.collapse;

import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.train.Optimizer;
import io.horizon.core.train.OptimizerState;

/**
 * An optimizer whose updates of the slow units' recurrent rows get heavy-tailed forcing (THEORY §11.3 item 11,
 * Experiment 1 Path A): after each step of the wrapped optimizer, the update of the rows of {@code Wh.weight} that
 * belong to the slow units is perturbed by {@link SlowModeForcing}; every other entry keeps the plain update. The
 * slow units are re-chosen before every step as the ⌈share·H⌉ units with the largest recurrent self-weight W_qq:
 * for a ConstGate unit the one-step self-retention is (1 − s) + s φ' W_qq, so they are the units whose own state
 * decays slowest (a proxy for the lowest-ζ units, which training does not measure). Step k draws from its own
 * stream derived from the seed and k, so a run resumed from a saved state ({@link #state}) is forced exactly as an
 * uninterrupted one.
 */
public final class ForcedSlowRows implements Optimizer {
  /** The recurrent weight tensor whose rows are forced. */
  public static final String TENSOR = "Wh.weight";

  private final Optimizer inner;
  private final SlowModeForcing forcing;
  private final double share;
  private final long seed;
  private long steps;

  /** Forces ⌈share·H⌉ slow rows after each step of {@code inner}, drawing from the stream seeded by {@code seed}. */
  public ForcedSlowRows(Optimizer inner, SlowModeForcing forcing, double share, long seed) {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("slow-quantile: must lie in (0, 1), got " + share);
    }
    this.inner = inner;
    this.forcing = forcing;
    this.share = share;
    this.seed = Rng.derive(seed, "collapse/forcing");
  }

  @Override
  public void step(ParameterSet params, ParameterSet grads) {
    double[] w = params.data(TENSOR);
    int h = (int) Math.round(Math.sqrt(w.length));
    int[] entries = UnitRows.entries(slowUnits(w, h), h, 0);
    double[] before = new double[entries.length];
    for (int i = 0; i < entries.length; i++) {
      before[i] = w[entries[i]];
    }
    inner.step(params, grads);
    double[] update = new double[w.length];
    for (int i = 0; i < entries.length; i++) {
      update[entries[i]] = w[entries[i]] - before[i];
    }
    steps++;
    forcing.perturb(update, entries, new Rng(Rng.derive(seed, "step " + steps)));
    for (int i = 0; i < entries.length; i++) {
      w[entries[i]] = before[i] + update[entries[i]];
    }
  }

  /** The wrapped optimizer's state, with the number of forced steps as its step count. */
  @Override
  public OptimizerState state() {
    return new OptimizerState(steps, inner.state().buffers());
  }

  /** Restores the wrapped optimizer and the number of forced steps. */
  @Override
  public void restore(OptimizerState state) {
    inner.restore(state);
    steps = state.steps();
  }

  /** The ⌈share·h⌉ units with the largest W_qq, ascending; ties go to the lower index. */
  int[] slowUnits(double[] w, int h) {
    int count = Math.max(1, (int) Math.ceil(share * h));
    boolean[] chosen = new boolean[h];
    for (int c = 0; c < count; c++) {
      int best = -1;
      for (int q = 0; q < h; q++) {
        if (!chosen[q] && (best < 0 || w[q * h + q] > w[best * h + best])) {
          best = q;
        }
      }
      chosen[best] = true;
    }
    int[] out = new int[count];
    int n = 0;
    for (int q = 0; q < h; q++) {
      if (chosen[q]) {
        out[n++] = q;
      }
    }
    return out;
  }
}
