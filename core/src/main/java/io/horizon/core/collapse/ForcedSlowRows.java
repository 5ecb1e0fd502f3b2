package io.horizon.core.collapse;

import io.horizon.core.random.Rng;
import io.horizon.core.train.Optimizer;

/**
 * An optimizer whose updates of the slow units' recurrent rows get heavy-tailed forcing (THEORY §11.3 item 11,
 * Experiment 1 Path A): after each step of the wrapped optimizer, the update of the rows of {@code Wh.weight} that
 * belong to the slow units ({@link SlowUnits}, re-chosen before every step) is perturbed by {@link SlowModeForcing};
 * every other entry keeps the plain update. Step k draws from its own stream derived from the seed and k, so a run
 * resumed from a saved state ({@link #state}) is forced exactly as an uninterrupted one.
 */
public final class ForcedSlowRows extends SlowRowUpdates {
  private final SlowModeForcing forcing;
  private final long seed;

  /** Forces ⌈share·H⌉ slow rows after each step of {@code inner}, drawing from the stream seeded by {@code seed}. */
  public ForcedSlowRows(Optimizer inner, SlowModeForcing forcing, double share, long seed) {
    super(inner, new SlowUnits(share));
    this.forcing = forcing;
    this.seed = Rng.derive(seed, "collapse/forcing");
  }

  @Override
  void afterStep(double[] w, int[] entries, double[] before, long step) {
    double[] update = new double[w.length];
    for (int i = 0; i < entries.length; i++) {
      update[entries[i]] = w[entries[i]] - before[i];
    }
    forcing.perturb(update, entries, new Rng(Rng.derive(seed, "step " + step)));
    for (int i = 0; i < entries.length; i++) {
      w[entries[i]] = before[i] + update[entries[i]];
    }
  }
}
