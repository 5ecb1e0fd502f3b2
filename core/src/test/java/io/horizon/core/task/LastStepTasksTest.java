package io.horizon.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The THEORY §10 tasks with a target at the last step: layout, determinism, and every target recomputed from the
 * stored inputs by code written here (the AR(2) target, which the inputs do not determine, against its law).
 */
class LastStepTasksTest {
  private static final int COUNT = 6;
  private static final long SEED = 2024;

  private static final List<Task> TASKS = List.of(AddingTask.defaults(), RecallTask.defaults(),
      SinusoidMixTask.defaults(), WindowedChannelTask.defaults(WindowedChannelTask.Statistic.SUM), Ar2Task.defaults(),
      WindowedChannelTask.defaults(WindowedChannelTask.Statistic.MEAN), DelaySumTask.defaults(), Narma10Task.defaults(),
      new AddingTask(7, 2), new RecallTask(12, 3, 4), new DelaySumTask(30, 2, List.of(0, 29, 7)));

  private static float input(Task task, SequenceDataset data, int i, int t, int channel) {
    return data.x()[(i * task.length() + t) * task.inputDim() + channel];
  }

  private static float target(SequenceDataset data, int i) {
    return data.y()[i * data.length() + data.length() - 1];
  }

  /** Checks every sequence's target against {@code expected(sequence index, data)} to float rounding. */
  private static void checkTargets(Task task, BiFunction<Integer, SequenceDataset, Double> expected) {
    SequenceDataset data = task.generate(COUNT, SEED);
    for (int i = 0; i < COUNT; i++) {
      float want = (float) (double) expected.apply(i, data);
      assertEquals(want, target(data, i), 2 * Math.ulp(want), task.name() + " sequence " + i);
    }
  }

  @Test
  void layoutIsOneTargetAtTheLastStep() {
    for (Task task : TASKS) {
      SequenceDataset data = task.generate(COUNT, SEED);
      double[] weights = task.stepWeights();
      assertArrayEquals(weights, data.stepWeights(), task.name());
      for (int t = 0; t < task.length(); t++) {
        assertEquals(t == task.length() - 1 ? 1.0 : 0.0, weights[t], task.name() + " weight " + t);
        for (int i = 0; i < COUNT; i++) {
          if (t < task.length() - 1) {
            assertEquals(0f, data.y()[i * task.length() + t], task.name() + " y before the last step");
          }
        }
      }
    }
  }

  @Test
  void sameSeedGivesBitIdenticalDataIndependentOfTheCount() {
    for (Task task : TASKS) {
      SequenceDataset a = task.generate(COUNT, SEED);
      SequenceDataset b = task.generate(COUNT, SEED);
      assertArrayEquals(a.x(), b.x(), task.name());
      assertArrayEquals(a.y(), b.y(), task.name());
      SequenceDataset prefix = task.generate(2, SEED);
      assertArrayEquals(prefix.x(), Arrays.copyOf(a.x(), prefix.x().length), task.name());
      assertFalse(Arrays.equals(a.x(), task.generate(COUNT, SEED + 1).x()), task.name());
    }
  }

  @Test
  void shortTargetIsTheSumOfTheLastValues() {
    WindowedChannelTask.Statistic statistic = WindowedChannelTask.Statistic.SUM;
    WindowedChannelTask small = new WindowedChannelTask(statistic, 9, 2, 9);
    for (WindowedChannelTask task : List.of(WindowedChannelTask.defaults(statistic), small)) {
      checkTargets(task, (i, data) -> {
        double sum = 0;
        for (int t = task.length() - task.window(); t < task.length(); t++) {
          sum += input(task, data, i, t, 0);
        }
        return sum;
      });
    }
  }

  @Test
  void sinmixTargetContrastsTheQuartersOfBothSinusoids() {
    for (SinusoidMixTask task : List.of(SinusoidMixTask.defaults(), new SinusoidMixTask(10, 2))) {
      int quarter = task.length() / 4;
      checkTargets(task, (i, data) -> {
        double[] early = new double[2];
        double[] late = new double[2];
        for (int c = 0; c < 2; c++) {
          for (int t = 0; t < quarter; t++) {
            early[c] += input(task, data, i, t, c);
            late[c] += input(task, data, i, task.length() - quarter + t, c);
          }
        }
        return (late[0] / quarter - early[0] / quarter) + (early[1] / quarter - late[1] / quarter);
      });
      SequenceDataset data = task.generate(COUNT, SEED);
      for (int i = 0; i < data.x().length; i++) {
        int channel = i % task.inputDim();
        assertTrue(channel >= 2 || Math.abs(data.x()[i]) <= 1f, "sinusoid value " + data.x()[i]);
      }
    }
  }

  @Test
  void addingTargetIsTheSumOfTheTwoMarkedValues() {
    for (AddingTask task : List.of(AddingTask.defaults(), new AddingTask(7, 2))) {
      checkTargets(task, (i, data) -> {
        int mask = task.inputDim() - 1;
        int half = task.length() / 2;
        int firstHalf = 0;
        int secondHalf = 0;
        double sum = 0;
        for (int t = 0; t < task.length(); t++) {
          float m = input(task, data, i, t, mask);
          assertTrue(m == 0f || m == 1f, "mask values are 0 or 1");
          for (int d = 0; d < mask; d++) {
            float v = input(task, data, i, t, d);
            assertTrue(v >= 0f && v <= 1f, "content in [0, 1]");
          }
          if (m == 1f) {
            sum += input(task, data, i, t, 0);
            if (t < half) {
              firstHalf++;
            } else {
              secondHalf++;
            }
          }
        }
        assertEquals(1, firstHalf, "one marker in [0, T/2)");
        assertEquals(1, secondHalf, "one marker in [T/2, T)");
        return sum;
      });
    }
  }

  @Test
  void recallTargetIsTheSumOfTheMarkedValuesInTheFirstThird() {
    for (RecallTask task : List.of(RecallTask.defaults(), new RecallTask(12, 3, 4))) {
      checkTargets(task, (i, data) -> {
        int mask = task.inputDim() - 1;
        int marks = 0;
        double sum = 0;
        for (int t = 0; t < task.length(); t++) {
          if (input(task, data, i, t, mask) == 1f) {
            assertTrue(t < Math.max(3, task.length() / 3), "marker in the first third, got t=" + t);
            marks++;
            sum += input(task, data, i, t, 0);
          }
        }
        assertEquals(task.markers(), marks, "K distinct markers");
        return sum;
      });
    }
  }

  @Test
  void movingAverageTargetIsTheMeanOfTheLastWindow() {
    WindowedChannelTask task = WindowedChannelTask.defaults(WindowedChannelTask.Statistic.MEAN);
    checkTargets(task, (i, data) -> {
      double sum = 0;
      for (int t = task.length() - task.window(); t < task.length(); t++) {
        sum += input(task, data, i, t, 0);
      }
      for (int t = 0; t < task.length(); t++) {
        for (int d = 1; d < task.inputDim(); d++) {
          assertEquals(0f, input(task, data, i, t, d), "channels other than 0 are zero");
        }
      }
      return sum / task.window();
    });
  }

  @Test
  void delaySumTargetIsTheEquallyWeightedSumAtTheDelays() {
    for (DelaySumTask task : List.of(DelaySumTask.defaults(), new DelaySumTask(30, 2, List.of(0, 29, 7)))) {
      checkTargets(task, (i, data) -> {
        double sum = 0;
        for (int d : task.delays()) {
          sum += input(task, data, i, task.length() - 1 - d, 0) / (double) task.delays().size();
        }
        return sum;
      });
    }
  }

  @Test
  void narma10TargetFollowsItsRecursion() {
    Narma10Task task = Narma10Task.defaults();
    checkTargets(task, (i, data) -> {
      int length = task.length();
      double[] u = new double[length];
      for (int t = 0; t < length; t++) {
        u[t] = input(task, data, i, t, 0);
        assertTrue(u[t] >= 0 && u[t] <= 0.5, "u in [0, 0.5]");
      }
      double[] y = new double[length + 1];
      for (int t = 0; t < length; t++) {
        double recent = 0;
        for (int back = 0; back < 10 && t - back >= 0; back++) {
          recent += y[t - back];
        }
        double drive = t >= 9 ? 1.5 * u[t - 9] * u[t] : 0;
        y[t + 1] = 0.3 * y[t] + 0.05 * y[t] * recent + drive + 0.1;
      }
      return y[length];
    });
  }

  /** A sequence whose target overflows is cleared and drawn again; one that always overflows is refused. */
  @Test
  void nonFiniteTargetsAreRedrawnOrReported() {
    AddingTask shape = new AddingTask(4, 2);
    int[] calls = new int[1];
    SequenceDataset data = SequenceGeneration.lastStep(shape, 2, SEED, (rng, x, offset) -> {
      calls[0]++;
      x[offset + 1] = 1f;
      if (calls[0] == 2) {
        x[offset + 3] = 1f; // a stale mark that the redraw must clear
        return Double.POSITIVE_INFINITY;
      }
      return rng.uniform();
    });
    assertEquals(3, calls[0], "sequence 1 drawn twice");
    assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0, 0}, Arrays.copyOfRange(data.x(), 8, 16));
    assertTrue(Float.isFinite(target(data, 1)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> SequenceGeneration.lastStep(shape, 3, SEED, (rng, x, offset) -> Double.NaN));
    assertTrue(e.getMessage().startsWith("adding: sequence 0 of data seed " + SEED), e.getMessage());
  }

  /**
   * The AR(2) target {@code x_T = Σ_j ψ_{T−j} ε_j} (ψ the impulse response of the recursion) is Gaussian with mean 0
   * and variance {@code σ² Σ_{k=0}^{T} ψ_k²}; the inputs are U(0,1) distractors.
   */
  @Test
  void ar2TargetFollowsTheLawOfTheRecursion() {
    Ar2Task task = Ar2Task.defaults();
    int n = 3000;
    SequenceDataset data = task.generate(n, SEED);
    double[] psi = new double[task.length() + 1];
    psi[0] = 1;
    psi[1] = task.a1();
    double variance = psi[0] * psi[0] + psi[1] * psi[1];
    for (int k = 2; k <= task.length(); k++) {
      psi[k] = task.a1() * psi[k - 1] + task.a2() * psi[k - 2];
      variance += psi[k] * psi[k];
    }
    variance *= task.noiseStd() * task.noiseStd();
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      double v = target(data, i);
      sum += v;
      sumSq += v * v;
    }
    assertEquals(0, sum / n, 5 * Math.sqrt(variance / n), "mean of x_T");
    assertEquals(variance, sumSq / n, 5 * variance * Math.sqrt(2.0 / n), "variance of x_T");
    double inputs = 0;
    for (float v : data.x()) {
      assertTrue(v >= 0f && v <= 1f);
      inputs += v;
    }
    assertEquals(0.5, inputs / data.x().length, 5 * Math.sqrt(1 / 12.0 / data.x().length), "U(0,1) inputs");
  }

  @Test
  void countIsChecked() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AddingTask.defaults().generate(-1, SEED));
    assertTrue(e.getMessage().startsWith("count:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> MultiLagRegressionTask.defaults().generate(Integer.MAX_VALUE / 1024, SEED));
    assertTrue(e.getMessage().startsWith("count:"), e.getMessage());
  }
}
