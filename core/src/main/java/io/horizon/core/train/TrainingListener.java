package io.horizon.core.train;

import io.horizon.core.model.GatedRnn;

/**
 * Receives the progress of a training run on the training thread (THEORY §8.2 training loop); the command line
 * renders its progress bar and writes checkpoints from these calls. Every method does nothing by default.
 */
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Mini-batch {@code batch} (1-based) of {@code batches} in {@code epoch} has been stepped. */
  default void batchFinished(int epoch, int batch, int batches) {}

  /** An epoch has been trained and evaluated. */
  default void epochFinished(EpochMetrics metrics) {}

  /**
   * A checkpoint is due after {@code epoch} (every {@code checkpointEvery} epochs and at the last); called after
   * {@link #epochFinished}. The model holds the parameters after that epoch and may only be read.
   */
  default void checkpointDue(int epoch, EpochMetrics metrics, GatedRnn model) {}

  /**
   * The full training state after checkpoint {@code state.epoch()}, called after {@link #checkpointDue}: what
   * {@link Trainer#resume} needs to continue the run bit for bit. The state is a copy the listener may keep.
   */
  default void checkpointState(TrainingState state) {}
}
