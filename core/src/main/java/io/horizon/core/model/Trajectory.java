package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * The forward pass of a model over one batch, with whatever the backward pass, the tangent and the retention
 * trace need (each architecture keeps its own intermediates).
 */
public interface Trajectory {
  SequenceBatch batch();

  /** Readout {@code ŷ[b*T + t]}. */
  double[] predictions();

  /** Hidden states {@code h[(b*T + t)*H + q]} for t = 0 … T-1 (h before step 0 is zero). */
  double[] hidden();

  /** The precision of the pass's step products; the tangent along the trajectory runs its products in it too. */
  Precision products();
}
