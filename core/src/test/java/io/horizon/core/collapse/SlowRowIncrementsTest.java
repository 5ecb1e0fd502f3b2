package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.GatedRnns;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.random.Rng;
import io.horizon.core.task.MultiLagRegressionTask;
import io.horizon.core.train.EpochMetrics;
import io.horizon.core.train.Optimizer;
import io.horizon.core.train.OptimizerSpec;
import io.horizon.core.train.Trainer;
import io.horizon.core.train.TrainingConfig;
import io.horizon.core.train.TrainingListener;
import io.horizon.core.train.TrainingState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Recording of the slow rows' realised increments (THEORY §11.3 item 10): one step records exactly parameters after
 * minus parameters before on the rows of the units with the largest W_qq (found here by sorting), forcing included,
 * and leaves the parameters as the wrapped optimizer made them; the sample is bounded, uniform, drawn from what was
 * offered and fixed by the seed and the step numbers; a run resumed from a checkpoint's state records the same
 * sample as the uninterrupted run.
 */
class SlowRowIncrementsTest {
  private static final int HIDDEN = 10;
  private static final double SHARE = 0.2;
  private static final long SEED = 5;

  @Test
  void oneStepRecordsTheSlowRowsIncrementsForcingIncluded() {
    ParameterSet before = GatedRnns.initialize(config(), SEED).trainable().copy();
    ParameterSet recorded = before.copy();
    ParameterSet plain = before.copy();
    ParameterSet grads = before.zerosLike();
    Rng rng = new Rng(3);
    for (String name : grads.names()) {
      double[] g = grads.data(name);
      for (int i = 0; i < g.length; i++) {
        g[i] = rng.gaussian();
      }
    }
    IncrementSamples samples = new IncrementSamples(1000, SEED);
    new SlowRowIncrements(forced(adamw()), SHARE, samples).step(recorded, grads);
    forced(adamw()).step(plain, grads);
    assertArrayEquals(plain.flatten(), recorded.flatten(), 0.0, "recording leaves the parameters as they were made");

    double[] w0 = before.data(SlowUnits.TENSOR);
    double[] w1 = recorded.data(SlowUnits.TENSOR);
    int[] slow = largestDiagonal(w0, (int) Math.ceil(SHARE * HIDDEN));
    double[] expected = new double[slow.length * HIDDEN];
    for (int u = 0; u < slow.length; u++) {
      for (int j = 0; j < HIDDEN; j++) {
        expected[u * HIDDEN + j] = w1[slow[u] * HIDDEN + j] - w0[slow[u] * HIDDEN + j];
      }
    }
    assertTrue(Arrays.stream(expected).allMatch(d -> d != 0), "the step moved every slow entry");
    assertEquals(expected.length, samples.recorded());
    assertArrayEquals(expected, samples.drain(), 0.0, "a stream that fits is kept whole, in order");
    assertEquals(0, samples.recorded(), "drained");
    assertEquals(0, samples.drain().length);
  }

  @Test
  void sampleIsBoundedAndFixedBySeedAndStepNumbers() {
    IncrementSamples a = new IncrementSamples(50, 1);
    IncrementSamples b = new IncrementSamples(50, 1);
    IncrementSamples otherSeed = new IncrementSamples(50, 2);
    Set<Double> offered = new HashSet<>();
    for (int step = 1; step <= 20; step++) {
      double[] values = stepValues(step);
      Arrays.stream(values).forEach(offered::add);
      a.record(values, step);
      b.record(values, step);
      otherSeed.record(values, step);
    }
    assertEquals(200, a.recorded());
    double[] first = a.drain();
    assertEquals(50, first.length);
    assertEquals(50, Arrays.stream(first).distinct().count());
    assertTrue(Arrays.stream(first).allMatch(offered::contains), "every kept value was offered");
    assertArrayEquals(first, b.drain(), 0.0);
    assertFalse(Arrays.equals(first, otherSeed.drain()));

    IncrementSamples fresh = new IncrementSamples(50, 1);
    IncrementSamples renumbered = new IncrementSamples(50, 1);
    for (int step = 21; step <= 40; step++) {
      a.record(stepValues(step), step);
      fresh.record(stepValues(step), step);
      renumbered.record(stepValues(step), step - 20);
    }
    double[] second = a.drain();
    assertArrayEquals(second, fresh.drain(), 0.0, "a stretch after a drain depends only on its own steps");
    assertFalse(Arrays.equals(second, renumbered.drain()), "the stretch's seed is its first step's number");
    ExpectedErrors.illegalArgument(() -> new IncrementSamples(0, 1), "slow-mode-samples", "got 0");
  }

  /** Over 2000 seeds, each of 20 offered values is kept about 2000·5/20 = 500 times (binomial, within 4σ). */
  @Test
  void sampleIsUniform() {
    int[] kept = new int[20];
    int seeds = 2000;
    for (int seed = 0; seed < seeds; seed++) {
      IncrementSamples s = new IncrementSamples(5, seed);
      s.record(IntStream.range(0, 10).asDoubleStream().toArray(), 1);
      s.record(IntStream.range(10, 20).asDoubleStream().toArray(), 2);
      for (double v : s.drain()) {
        kept[(int) v]++;
      }
    }
    double p = 5.0 / 20;
    double sigma = Math.sqrt(seeds * p * (1 - p));
    for (int v = 0; v < kept.length; v++) {
      assertEquals(seeds * p, kept[v], 4 * sigma, "value " + v);
    }
  }

  @Test
  void resumedRunRecordsWhatTheUninterruptedRunRecorded() {
    TrainingConfig training = new TrainingConfig(4, 8, 32,
        OptimizerSpec.sgdMomentum(5e-2, 1e-4, OptimizerSpec.DEFAULT_MOMENTUM), 1.0, 2, SEED);
    IncrementSamples wholeSamples = new IncrementSamples(64, SEED);
    Drains whole = new Drains(wholeSamples);
    GatedRnn straight = GatedRnns.initialize(config(), SEED);
    new Trainer(training, recorded(wholeSamples)).train(straight, task(), whole);
    assertEquals(List.of(160L, 160L), whole.recorded, "2 epochs × 4 steps × 2 slow rows × 10 per checkpoint");

    IncrementSamples restSamples = new IncrementSamples(64, SEED);
    Drains rest = new Drains(restSamples);
    GatedRnn resumed = GatedRnns.initialize(config(), SEED);
    new Trainer(training, recorded(restSamples)).resume(resumed, task(), whole.states.get(0), rest);
    assertArrayEquals(straight.parameters().flatten(), resumed.parameters().flatten(), 0.0, "parameters");
    assertEquals(1, rest.samples.size());
    assertArrayEquals(whole.samples.get(1), rest.samples.get(0), 0.0, "samples of the checkpoint after the resume");
    assertFalse(Arrays.equals(whole.samples.get(0), whole.samples.get(1)));
  }

  /** Drains the samples at every checkpoint and keeps the training states. */
  private static final class Drains implements TrainingListener {
    final IncrementSamples source;
    final List<double[]> samples = new ArrayList<>();
    final List<Long> recorded = new ArrayList<>();
    final List<TrainingState> states = new ArrayList<>();

    Drains(IncrementSamples source) {
      this.source = source;
    }

    @Override
    public void checkpointDue(int epoch, EpochMetrics metrics, GatedRnn model) {
      recorded.add(source.recorded());
      samples.add(source.drain());
    }

    @Override
    public void checkpointState(TrainingState state) {
      states.add(state);
    }
  }

  private static UnaryOperator<Optimizer> recorded(IncrementSamples samples) {
    return inner -> new SlowRowIncrements(forced(inner), SHARE, samples);
  }

  private static Optimizer forced(Optimizer inner) {
    return new ForcedSlowRows(inner, SlowModeForcing.defaults(), SHARE, SEED);
  }

  private static Optimizer adamw() {
    return OptimizerSpec.adamw(1e-3, 1e-4).create();
  }

  /** Ten distinct values of step {@code step}. */
  private static double[] stepValues(int step) {
    return IntStream.range(0, 10).mapToDouble(i -> step * 1000 + i).toArray();
  }

  /** The {@code count} units with the largest w[q][q] (lower index first on ties), ascending. */
  private static int[] largestDiagonal(double[] w, int count) {
    return IntStream.range(0, HIDDEN).boxed()
        .sorted(Comparator.comparingDouble((Integer q) -> -w[q * HIDDEN + q]).thenComparingInt(q -> q))
        .limit(count).mapToInt(Integer::intValue).sorted().toArray();
  }

  private static ModelConfig config() {
    return new ModelConfig(Architecture.CONST, 2, HIDDEN, false, 0.05);
  }

  private static MultiLagRegressionTask task() {
    return new MultiLagRegressionTask(16, 2, List.of(2, 4), List.of(0.5, 0.3), 0.1, SEED);
  }
}
