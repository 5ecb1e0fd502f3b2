package io.horizon.core.train;

import io.horizon.core.model.ParameterSet;

/**
 * What a run needs to go on after {@code epoch} exactly as if it had never stopped (THEORY §8.2): every model
 * parameter in double precision and the optimizer's state. The data sets, the shuffle of each later epoch and the
 * shard split derive from the run's seed and configuration alone, so they are not part of it.
 *
 * @param epoch the last epoch trained, at least 1
 * @param parameters every tensor of the model ({@code GatedRnn.parameters()}), a copy
 * @param optimizer the optimizer's state after that epoch's last step
 */
public record TrainingState(int epoch, ParameterSet parameters, OptimizerState optimizer) {

  /** Checks the epoch and that the parts are given. */
  public TrainingState {
    if (epoch < 1) {
      throw new IllegalArgumentException("state.epoch: must be at least 1, got " + epoch);
    }
    if (parameters == null) {
      throw new IllegalArgumentException("state.parameters: must be given");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("state.optimizer: must be given");
    }
  }
}
