package io.horizon.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.GatedRnn;
import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mechanics of the training loop on a linear test double: order, cadence, scaling, sharding, NaN handling. */
class TrainerLoopTest {
  private static final long SEED = 2024;
  private static final int D = IdentifiedRegressionTask.DIM;
  private static final int T = IdentifiedRegressionTask.LENGTH;

  private static TrainingConfig config(int epochs, int batch, int sequences, OptimizerSpec optimizer, double clip,
      int checkpointEvery, int shards) {
    return new TrainingConfig(epochs, batch, sequences, optimizer, clip, checkpointEvery, shards, SEED);
  }

  private static List<EpochMetrics> train(TrainingConfig config, GatedRnn model, int nanSequence,
      TrainingListener listener) {
    return new Trainer(config).train(model, new IdentifiedRegressionTask(nanSequence), listener);
  }

  @Test
  void shuffleIsASeededPermutationPerEpoch() {
    int[] first = EpochShuffle.order(SEED, 1, 50);
    assertArrayEquals(first, EpochShuffle.order(SEED, 1, 50));
    assertArrayEquals(IntStream.range(0, 50).toArray(), Arrays.stream(first).sorted().toArray());
    assertNotEquals(Arrays.toString(first), Arrays.toString(EpochShuffle.order(SEED, 2, 50)));
    assertNotEquals(Arrays.toString(first), Arrays.toString(EpochShuffle.order(SEED + 1, 1, 50)));
    assertNotEquals(Arrays.toString(first), Arrays.toString(IntStream.range(0, 50).toArray()));
  }

  @Test
  void batchesFollowTheEpochShuffle() {
    LinearReadoutDouble serial = new LinearReadoutDouble(D, 1, 0);
    train(config(2, 8, 40, OptimizerSpec.sgd(0.01, 0), 0, 1, 1), serial, -1, TrainingListener.NONE);
    List<Integer> expected = new ArrayList<>();
    for (int epoch = 1; epoch <= 2; epoch++) {
      Arrays.stream(EpochShuffle.order(SEED, epoch, 40)).forEach(expected::add);
    }
    assertEquals(expected, serial.trainedIds());

    LinearReadoutDouble sharded = new LinearReadoutDouble(D, 1, 0);
    train(config(2, 8, 40, OptimizerSpec.sgd(0.01, 0), 0, 1, 3), sharded, -1, TrainingListener.NONE);
    for (int from = 0; from < expected.size(); from += 8) {
      assertEquals(expected.subList(from, from + 8).stream().sorted().toList(),
          sharded.trainedIds().subList(from, from + 8).stream().sorted().toList(), "batch at " + from);
    }
  }

  @Test
  void listenerSeesBatchesEpochsAndCheckpointsInOrder() {
    List<String> events = new ArrayList<>();
    TrainingListener recorder = new TrainingListener() {
      @Override
      public void batchFinished(int epoch, int batch, int batches) {
        events.add("batch " + epoch + " " + batch + "/" + batches);
      }

      @Override
      public void epochFinished(EpochMetrics metrics) {
        events.add("epoch " + metrics.epoch());
      }

      @Override
      public void checkpointDue(int epoch, EpochMetrics metrics, GatedRnn model) {
        events.add("checkpoint " + epoch + " " + metrics.epoch());
      }
    };
    TrainingConfig config = config(7, 16, 40, OptimizerSpec.adamw(1e-2, 0), 1.0, 3, 2);
    List<EpochMetrics> history = train(config, new LinearReadoutDouble(D, 1, 0), -1, recorder);
    List<String> expected = new ArrayList<>();
    for (int epoch = 1; epoch <= 7; epoch++) {
      for (int batch = 1; batch <= 3; batch++) {
        expected.add("batch " + epoch + " " + batch + "/3");
      }
      expected.add("epoch " + epoch);
      if (epoch == 3 || epoch == 6 || epoch == 7) {
        expected.add("checkpoint " + epoch + " " + epoch);
      }
    }
    assertEquals(expected, events);
    assertEquals(7, history.size());
    assertTrue(history.get(6).trainLoss() < history.get(0).trainLoss(), "training reduces the loss");
    assertTrue(history.get(6).wallSeconds() > 0 && history.get(6).sequenceStepsPerSecond() > 0);
    TrainingConfig even = config(6, 16, 40, OptimizerSpec.adamw(1e-2, 0), 1.0, 3, 2);
    assertEquals(List.of(3, 6), IntStream.rangeClosed(1, 6).filter(even::checkpointDue).boxed().toList());
  }

  /** Σ_{b,t} w_t (w·x + c − y)² over the first {@code count} sequences, and its gradient (dw…, dc). */
  private static double[] squaredErrorAndGradient(SequenceDataset data, int count, double[] w, double c) {
    double[] out = new double[D + 2];
    double[] weights = data.stepWeights();
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < T; t++) {
        int row = s * T + t;
        double e = c - data.y()[row];
        for (int i = 0; i < D; i++) {
          e += w[i] * data.x()[row * D + i];
        }
        out[0] += weights[t] * e * e;
        for (int i = 0; i < D; i++) {
          out[1 + i] += 2 * weights[t] * e * data.x()[row * D + i];
        }
        out[D + 1] += 2 * weights[t] * e;
      }
    }
    return out;
  }

  private static double weightedTotalSumOfSquares(SequenceDataset data, int count) {
    double sum = 0;
    double weight = 0;
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < T; t++) {
        sum += data.stepWeights()[t] * data.y()[s * T + t];
        weight += data.stepWeights()[t];
      }
    }
    double mean = sum / weight;
    double total = 0;
    for (int s = 0; s < count; s++) {
      for (int t = 0; t < T; t++) {
        double d = data.y()[s * T + t] - mean;
        total += data.stepWeights()[t] * d * d;
      }
    }
    return total;
  }

  @Test
  void fullBatchSgdStepAndMetricsMatchBruteForce() {
    int n = 20;
    double lr = 0.1;
    LinearReadoutDouble model = new LinearReadoutDouble(D, 5, 0);
    double[] w0 = model.parameters().data("out.weight").clone();
    TrainingConfig config = config(1, n, n, OptimizerSpec.sgd(lr, 0), 0, 1, 2);
    EpochMetrics metrics = train(config, model, -1, TrainingListener.NONE).get(0);

    IdentifiedRegressionTask task = new IdentifiedRegressionTask(-1);
    SequenceDataset train = task.generate(n, Rng.derive(SEED, "train"));
    double norm = n * (T - 1.0);
    double[] before = squaredErrorAndGradient(train, n, w0, 0);
    assertEquals(before[0] / norm, metrics.trainLoss(), 1e-12 * metrics.trainLoss());
    double[] w1 = model.parameters().data("out.weight");
    for (int i = 0; i < D; i++) {
      assertEquals(w0[i] - lr * before[1 + i] / norm, w1[i], 1e-12, "out.weight[" + i + "]");
    }
    double c1 = model.parameters().data("out.bias")[0];
    assertEquals(-lr * before[D + 1] / norm, c1, 1e-12, "out.bias");

    double[] after = squaredErrorAndGradient(train, n, w1, c1);
    assertEquals(1 - after[0] / weightedTotalSumOfSquares(train, n), metrics.trainR2(), 1e-12);
    SequenceDataset validation = task.generate(256, Rng.derive(SEED, "validation"));
    double[] onValidation = squaredErrorAndGradient(validation, 256, w1, c1);
    assertEquals(onValidation[0] / (256 * (T - 1.0)), metrics.validationLoss(), 1e-12 * metrics.validationLoss());
    assertEquals(1 - onValidation[0] / weightedTotalSumOfSquares(validation, 256), metrics.validationR2(), 1e-12);
  }

  @Test
  void shardCountChangesOnlyRoundingAndRunsRepeatExactly() {
    List<double[]> finals = new ArrayList<>();
    List<List<EpochMetrics>> histories = new ArrayList<>();
    for (int shards : new int[] {1, 2, 3, 2}) {
      LinearReadoutDouble model = new LinearReadoutDouble(D, 9, 0);
      histories.add(train(config(3, 12, 60, OptimizerSpec.adamw(2e-2, 1e-2), 0.5, 1, shards), model, -1,
          TrainingListener.NONE));
      finals.add(model.parameters().flatten());
    }
    for (int run = 1; run < 3; run++) {
      for (int epoch = 0; epoch < 3; epoch++) {
        double expected = histories.get(0).get(epoch).trainLoss();
        assertEquals(expected, histories.get(run).get(epoch).trainLoss(), 1e-12 * expected, "run " + run);
        expected = histories.get(0).get(epoch).validationLoss();
        assertEquals(expected, histories.get(run).get(epoch).validationLoss(), 1e-12 * expected, "run " + run);
      }
      assertArrayEquals(finals.get(0), finals.get(run), 1e-12, "run " + run);
    }
    assertArrayEquals(finals.get(1), finals.get(3), 0.0);
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(histories.get(1).get(epoch).trainLoss(), histories.get(3).get(epoch).trainLoss(), 0.0);
      assertEquals(histories.get(1).get(epoch).validationR2(), histories.get(3).get(epoch).validationR2(), 0.0);
    }
  }

  private static void assertDiverged(TrainingConfig config, LinearReadoutDouble model, int nanSequence,
      String... fragments) {
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
        () -> train(config, model, nanSequence, TrainingListener.NONE));
    for (String fragment : fragments) {
      assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
  }

  @Test
  void nanTargetStopsAtTheBatchHoldingIt() {
    int nanSequence = 17;
    int position = Arrays.stream(EpochShuffle.order(SEED, 1, 40)).boxed().toList().indexOf(nanSequence);
    int batch = position / 8 + 1;
    assertDiverged(config(2, 8, 40, OptimizerSpec.adamw(1e-2, 0), 1.0, 1, 2), new LinearReadoutDouble(D, 1, 0),
        nanSequence, "epoch 1, batch " + batch + ":", "loss is NaN");
  }

  @Test
  void nanParameterStopsAtTheFirstBatch() {
    LinearReadoutDouble model = new LinearReadoutDouble(D, 1, 0);
    model.parameters().data("out.weight")[1] = Double.NaN;
    assertDiverged(config(2, 8, 40, OptimizerSpec.sgd(1e-2, 0), 0, 1, 2), model, -1, "epoch 1, batch 1:", "loss");
  }

  @Test
  void nanGradientStopsNamingTheTensor() {
    assertDiverged(config(2, 8, 40, OptimizerSpec.sgd(1e-2, 0), 0, 1, 1), new LinearReadoutDouble(D, 1, 3), -1,
        "epoch 1, batch 3:", "'out.bias'");
  }

  @Test
  void configAndTaskValidationNameTheField() {
    OptimizerSpec adamw = OptimizerSpec.adamw(1e-3, 0);
    assertField("epochs", () -> config(0, 8, 40, adamw, 1, 1, 2));
    assertField("trainSequences", () -> config(1, 8, 0, adamw, 1, 1, 2));
    assertField("batchSize", () -> config(1, 0, 40, adamw, 1, 1, 2));
    assertField("batchSize", () -> config(1, 41, 40, adamw, 1, 1, 2));
    assertField("optimizer", () -> config(1, 8, 40, null, 1, 1, 2));
    assertField("clipNorm", () -> config(1, 8, 40, adamw, Double.NaN, 1, 2));
    assertField("clipNorm", () -> config(1, 8, 40, adamw, -1, 1, 2));
    assertField("checkpointEvery", () -> config(1, 8, 40, adamw, 1, 0, 2));
    assertField("shards", () -> config(1, 8, 40, adamw, 1, 1, 0));
    assertField("shards", () -> config(1, 8, 40, adamw, 1, 1, 9));
    assertEquals(TrainingConfig.DEFAULT_SHARDS, new TrainingConfig(1, 8, 40, adamw, 1, 1, SEED).shards());
    assertField("task 'identified-regression'", () -> train(config(1, 8, 40, adamw, 1, 1, 2),
        new LinearReadoutDouble(D + 1, 1, 0), -1, TrainingListener.NONE));
  }

  private static void assertField(String field, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
  }
}
