package io.horizon.core.model;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;

/**
 * A GRU forward pass over one batch (THEORY §2.6): the time-major intermediates, the inputs in time-major order
 * ({@code [(t*B + b)*D + i]}) for the weight gradients, and the batch-major hidden states and predictions.
 */
final class GruTrajectory implements Trajectory {
  private final SequenceBatch batch;
  final GruStates states;
  final double[] inputs;
  private final double[] hidden;
  private final double[] predictions;
  private final Precision products;

  GruTrajectory(SequenceBatch batch, GruStates states, double[] inputs, double[] hidden, double[] predictions,
      Precision products) {
    this.batch = batch;
    this.states = states;
    this.inputs = inputs;
    this.hidden = hidden;
    this.predictions = predictions;
    this.products = products;
  }

  @Override
  public SequenceBatch batch() {
    return batch;
  }

  @Override
  public double[] predictions() {
    return predictions;
  }

  @Override
  public double[] hidden() {
    return hidden;
  }

  @Override
  public Precision products() {
    return products;
  }
}
