package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The forward pass of a leaky gated model (THEORY §2.1–2.4) over one batch: the architecture that produced it, its
 * readout and its step intermediates.
 */
record LeakyTrajectory(
    Architecture architecture, SequenceBatch batch, double[] predictions, LeakyStates states, Precision products)
    implements Trajectory {
  @Override
  public double[] hidden() {
    return states.hidden;
  }
}
