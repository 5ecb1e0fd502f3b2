package io.horizon.core.train;

/**
 * A training run met NaN or Inf (THEORY §8.2 "halt on NaN/Inf loss"); the message names the epoch, the batch and,
 * for gradients and parameters, the tensor.
 */
public final class TrainingDivergedException extends IllegalStateException {
  public TrainingDivergedException(String message) {
    super(message);
  }
}
