package io.horizon.core.train;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import java.util.List;

/**
 * One optimisation step on one mini-batch (THEORY §8.2, LW-1): the step-weighted mean squared error
 * {@code L = Σ_{b,t} w_t (ŷ − y)² / (B·Σ_t w_t)} and its gradient by BPTT, computed per shard into the shard's
 * own gradient and summed in shard order, the model's products in the run's precision; NaN/Inf checks;
 * global-norm clipping; the optimizer update.
 */
final class MinibatchStep {
  private final GatedRnn model;
  private final SequenceDataset data;
  private final ShardedPass pass;
  private final Optimizer optimizer;
  private final double clipNorm;
  private final Precision products;
  private final double weightSum;
  private final ParameterSet gradient;
  private final ParameterSet[] shardGradients;

  MinibatchStep(GatedRnn model, SequenceDataset data, ShardedPass pass, Optimizer optimizer, double clipNorm,
      Precision products) {
    this.model = model;
    this.data = data;
    this.pass = pass;
    this.optimizer = optimizer;
    this.clipNorm = clipNorm;
    this.products = products;
    this.weightSum = StepWeights.sum(data.stepWeights(), data.length());
    this.gradient = model.trainable().zerosLike();
    this.shardGradients = new ParameterSet[pass.shards()];
    for (int k = 0; k < shardGradients.length; k++) {
      shardGradients[k] = gradient.zerosLike();
    }
  }

  /** Trains on the sequences {@code indices} and returns the batch loss before the update. */
  double run(int[] indices, int epoch, int batch) {
    double scale = 1.0 / (indices.length * weightSum);
    List<Double> sums = pass.run(indices, (shard, part) -> {
      ParameterSet shardGradient = shardGradients[shard];
      shardGradient.clear();
      SequenceBatch sequences = data.batch(part);
      return model.backward(model.forward(sequences, products), shardGradient, scale);
    });
    gradient.clear();
    double squaredError = 0;
    for (int k = 0; k < sums.size(); k++) {
      if (sums.get(k) != null) {
        squaredError += sums.get(k);
        gradient.addScaled(shardGradients[k], 1.0);
      }
    }
    double loss = squaredError * scale;
    String where = "training diverged at epoch " + epoch + ", batch " + batch + ": ";
    if (!Double.isFinite(loss)) {
      throw new TrainingDivergedException(where + "loss is " + loss);
    }
    String badGradient = gradient.firstNonFinite();
    if (badGradient != null) {
      throw new TrainingDivergedException(where + "gradient of tensor '" + badGradient + "' holds NaN or Inf");
    }
    if (clipNorm > 0) {
      GradientClipping.clipGlobalNorm(gradient, clipNorm);
    }
    optimizer.step(model.trainable(), gradient);
    String badParameter = model.trainable().firstNonFinite();
    if (badParameter != null) {
      throw new TrainingDivergedException(
          where + "parameter tensor '" + badParameter + "' holds NaN or Inf after the update");
    }
    return loss;
  }
}
