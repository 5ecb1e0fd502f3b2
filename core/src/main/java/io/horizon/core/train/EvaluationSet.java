package io.horizon.core.train;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;
import java.util.List;

/**
 * A fixed set of sequences on which a model's step-weighted loss and R² are measured (THEORY §8.2 per-epoch
 * metrics): {@code loss = SS_res / (n·Σ_t w_t)}, {@code R² = 1 − SS_res/SS_tot} with
 * {@code SS_res = Σ_{b,t} w_t (ŷ − y)²} and {@code SS_tot = Σ_{b,t} w_t (y − ȳ)²}, ȳ the weighted target mean.
 */
final class EvaluationSet {
  /** Loss and R² of a model on the set. */
  record Fit(double loss, double r2) {}

  private final SequenceDataset data;
  private final int count;
  private final int chunk;
  private final double weightSum;
  private final double totalSumOfSquares;

  /**
   * The first {@code count} sequences of {@code data}, evaluated {@code chunk} sequences at a time. Targets of
   * zero variance (R² undefined) are rejected naming {@code name}.
   */
  EvaluationSet(SequenceDataset data, int count, int chunk, String name) {
    this.data = data;
    this.count = count;
    this.chunk = chunk;
    this.weightSum = StepWeights.sum(data.stepWeights(), data.length());
    this.totalSumOfSquares = totalSumOfSquares(data, count, weightSum);
    if (totalSumOfSquares == 0) {
      throw new IllegalArgumentException(name + ": targets have zero variance, R² is undefined");
    }
  }

  private static double totalSumOfSquares(SequenceDataset data, int count, double weightSum) {
    int length = data.length();
    double weightedSum = 0;
    for (int i = 0; i < count * length; i++) {
      weightedSum += StepWeights.weight(data.stepWeights(), i % length) * data.y()[i];
    }
    double mean = weightedSum / (count * weightSum);
    double total = 0;
    for (int i = 0; i < count * length; i++) {
      double d = data.y()[i] - mean;
      total += StepWeights.weight(data.stepWeights(), i % length) * d * d;
    }
    return total;
  }

  /**
   * Forward passes over the set, chunk by chunk, each chunk split into shards, the step products in
   * {@code products}; sums taken in a fixed order.
   */
  Fit evaluate(GatedRnn model, ShardedPass pass, Precision products) {
    double residual = 0;
    for (int from = 0; from < count; from += chunk) {
      int[] indices = new int[Math.min(count, from + chunk) - from];
      for (int k = 0; k < indices.length; k++) {
        indices[k] = from + k;
      }
      List<Double> parts = pass.run(indices, (shard, part) -> {
        SequenceBatch batch = data.batch(part);
        return squaredError(batch, model.forward(batch, products).predictions());
      });
      for (Double part : parts) {
        residual += part == null ? 0 : part;
      }
    }
    return new Fit(residual / (count * weightSum), 1 - residual / totalSumOfSquares);
  }

  /** {@code Σ_{b,t} w_t (ŷ_{b,t} − y_{b,t})²} of one batch. */
  private static double squaredError(SequenceBatch batch, double[] predictions) {
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double e = predictions[i] - batch.y()[i];
      sum += batch.weight(i % batch.length()) * e * e;
    }
    return sum;
  }
}
