package io.horizon.core.train;

import io.horizon.core.linalg.Precision;

/**
 * Settings of one training run (THEORY §8.2 "Training details"). With the task and the initial model they
 * determine the run bit for bit: the training and validation sets, the per-epoch shuffles and the shard split all
 * derive from {@code seed} and these values, never from the machine.
 *
 * @param epochs passes over the training set, at least 1
 * @param batchSize sequences per mini-batch (the last batch of an epoch may be smaller), 1 … trainSequences
 * @param trainSequences size of the training set, generated once per run
 * @param optimizer the update rule and its hyper-parameters
 * @param clipNorm maximum global gradient norm; 0 switches clipping off
 * @param checkpointEvery a checkpoint is due every this many epochs (and at the last epoch), at least 1
 * @param shards fixed number of parts each mini-batch is split into for parallel gradients, 1 … batchSize
 * @param seed root seed of the run's data and shuffles
 * @param products the arithmetic of the model's matrix products in training and evaluation: float64 (the default)
 *     or float32, the dtype a PyTorch model trains in by default; everything else stays float64
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    int trainSequences,
    OptimizerSpec optimizer,
    double clipNorm,
    int checkpointEvery,
    int shards,
    long seed,
    Precision products) {

  /** Shards per mini-batch unless configured: two, whatever the machine's core count. */
  public static final int DEFAULT_SHARDS = 2;

  public TrainingConfig {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs: must be at least 1, got " + epochs);
    }
    if (trainSequences < 1) {
      throw new IllegalArgumentException("trainSequences: must be at least 1, got " + trainSequences);
    }
    if (batchSize < 1 || batchSize > trainSequences) {
      throw new IllegalArgumentException(
          "batchSize: must lie in 1 … trainSequences (" + trainSequences + "), got " + batchSize);
    }
    if (optimizer == null) {
      throw new IllegalArgumentException("optimizer: must be given");
    }
    if (!(Double.isFinite(clipNorm) && clipNorm >= 0)) {
      throw new IllegalArgumentException("clipNorm: must be finite and non-negative (0 = off), got " + clipNorm);
    }
    if (checkpointEvery < 1) {
      throw new IllegalArgumentException("checkpointEvery: must be at least 1, got " + checkpointEvery);
    }
    if (shards < 1 || shards > batchSize) {
      throw new IllegalArgumentException("shards: must lie in 1 … batchSize (" + batchSize + "), got " + shards);
    }
    if (products == null) {
      throw new IllegalArgumentException("products: must be given");
    }
  }

  /** A configuration with float64 products. */
  public TrainingConfig(int epochs, int batchSize, int trainSequences, OptimizerSpec optimizer, double clipNorm,
      int checkpointEvery, int shards, long seed) {
    this(epochs, batchSize, trainSequences, optimizer, clipNorm, checkpointEvery, shards, seed, Precision.FLOAT64);
  }

  /** A configuration with {@link #DEFAULT_SHARDS} shards and float64 products. */
  public TrainingConfig(int epochs, int batchSize, int trainSequences, OptimizerSpec optimizer, double clipNorm,
      int checkpointEvery, long seed) {
    this(epochs, batchSize, trainSequences, optimizer, clipNorm, checkpointEvery, DEFAULT_SHARDS, seed);
  }

  /** Whether a checkpoint is due after {@code epoch} (1-based): every {@code checkpointEvery} and the last. */
  public boolean checkpointDue(int epoch) {
    return epoch % checkpointEvery == 0 || epoch == epochs;
  }

  /** Size of the validation set, {@code min(1024, max(batchSize, 256))} (THEORY §8.2). */
  public int validationSequences() {
    return Math.min(1024, Math.max(batchSize, 256));
  }

  /** Number of leading training sequences on which the training R² is measured, {@code min(1024, n)}. */
  public int trainFitSequences() {
    return Math.min(1024, trainSequences);
  }
}
