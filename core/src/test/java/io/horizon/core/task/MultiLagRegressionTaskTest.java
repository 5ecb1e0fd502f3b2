package io.horizon.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multi-lag regression (LW-44): determinism, the target formula, the noise law and the shared direction. */
class MultiLagRegressionTaskTest {
  private static final MultiLagRegressionTask NOISELESS =
      new MultiLagRegressionTask(40, 3, List.of(1, 5, 17), List.of(0.7, -0.4, 0.25), 0.0, 99);

  /** (LW-44) without noise, recomputed from the stored inputs: Σ_k c_k uᵀx_{t−ℓ_k}, terms before t = 0 omitted. */
  private static double formula(MultiLagRegressionTask task, double[] u, SequenceDataset data, int i, int t) {
    double s = 0;
    for (int k = 0; k < task.lags().size(); k++) {
      int source = t - task.lags().get(k);
      if (source < 0) {
        continue;
      }
      double dot = 0;
      for (int d = 0; d < task.inputDim(); d++) {
        dot += u[d] * data.x()[(i * task.length() + source) * task.inputDim() + d];
      }
      s += task.coefficients().get(k) * dot;
    }
    return s;
  }

  @Test
  void sameSeedGivesBitIdenticalDataAndSequencesDoNotDependOnTheCount() {
    MultiLagRegressionTask task = new MultiLagRegressionTask(64, 4, List.of(3, 9), List.of(0.5, 0.5), 0.3, 5);
    SequenceDataset a = task.generate(6, 123);
    SequenceDataset b = task.generate(6, 123);
    assertArrayEquals(a.x(), b.x());
    assertArrayEquals(a.y(), b.y());
    SequenceDataset prefix = task.generate(2, 123);
    assertArrayEquals(prefix.x(), Arrays.copyOf(a.x(), prefix.x().length));
    assertArrayEquals(prefix.y(), Arrays.copyOf(a.y(), prefix.y().length));
    SequenceDataset other = task.generate(6, 124);
    assertFalse(Arrays.equals(a.x(), other.x()));
    assertNull(a.stepWeights(), "targets at every step");
  }

  @Test
  void noiselessTargetsEqualTheFormulaAtEveryStep() {
    SequenceDataset data = NOISELESS.generate(5, 7);
    double[] u = NOISELESS.taskDirection();
    for (int i = 0; i < data.count(); i++) {
      for (int t = 0; t < NOISELESS.length(); t++) {
        float expected = (float) formula(NOISELESS, u, data, i, t);
        assertEquals(expected, data.y()[i * NOISELESS.length() + t], Math.ulp(expected), "i=" + i + " t=" + t);
      }
    }
    assertEquals(0f, data.y()[0], "no lag reaches back from t = 0");
  }

  @Test
  void residualsFollowTheNoiseLaw() {
    MultiLagRegressionTask task = new MultiLagRegressionTask(256, 4, List.of(2, 30), List.of(0.6, 0.3), 0.3, 1);
    SequenceDataset data = task.generate(64, 3);
    double[] u = task.taskDirection();
    int n = data.count() * task.length();
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < data.count(); i++) {
      for (int t = 0; t < task.length(); t++) {
        double r = data.y()[i * task.length() + t] - formula(task, u, data, i, t);
        sum += r;
        sumSq += r * r;
      }
    }
    double mean = sum / n;
    double std = Math.sqrt(sumSq / n - mean * mean);
    double sigma = task.noiseStd();
    assertEquals(0, mean, 5 * sigma / Math.sqrt(n), "noise mean");
    assertEquals(sigma, std, 5 * sigma / Math.sqrt(2.0 * n), "noise standard deviation");
  }

  @Test
  void inputsAreStandardNormal() {
    SequenceDataset data = MultiLagRegressionTask.defaults().generate(8, 11);
    double sum = 0;
    double sumSq = 0;
    for (float v : data.x()) {
      sum += v;
      sumSq += (double) v * v;
    }
    int n = data.x().length;
    assertEquals(0, sum / n, 5 / Math.sqrt(n));
    assertEquals(1, sumSq / n, 5 * Math.sqrt(2.0 / n));
  }

  /**
   * The direction is recovered from each data set by least squares on a single-lag noiseless task, so the check
   * does not rely on {@link MultiLagRegressionTask#taskDirection()}: data sets with different data seeds share it.
   */
  @Test
  void dataSetsWithDifferentDataSeedsShareTheTaskDirection() {
    MultiLagRegressionTask task = new MultiLagRegressionTask(50, 3, List.of(4), List.of(2.0), 0.0, 42);
    double[] fromSeed1 = recoverDirection(task, task.generate(3, 1));
    double[] fromSeed2 = recoverDirection(task, task.generate(3, 2));
    assertArrayEquals(fromSeed1, fromSeed2, 1e-5);
    double norm = Math.sqrt(Arrays.stream(fromSeed1).map(v -> v * v).sum());
    assertEquals(1.0, norm, 1e-5, "u_task is a unit vector");
    assertArrayEquals(task.taskDirection(), new MultiLagRegressionTask(9, 3, List.of(1), List.of(1.0), 0, 42)
        .taskDirection(), "the direction depends on the task seed and D only");
    assertFalse(Arrays.equals(task.taskDirection(),
        new MultiLagRegressionTask(50, 3, List.of(4), List.of(2.0), 0.0, 43).taskDirection()));
  }

  /** Solves the normal equations of {@code y_t = c · Σ_d u_d x_{t−ℓ,d}} for u. */
  private static double[] recoverDirection(MultiLagRegressionTask task, SequenceDataset data) {
    int dim = task.inputDim();
    int lag = task.lags().get(0);
    double c = task.coefficients().get(0);
    double[][] a = new double[dim][dim + 1];
    for (int i = 0; i < data.count(); i++) {
      for (int t = lag; t < task.length(); t++) {
        int row = (i * task.length() + t - lag) * dim;
        double y = data.y()[i * task.length() + t] / c;
        for (int p = 0; p < dim; p++) {
          for (int q = 0; q < dim; q++) {
            a[p][q] += data.x()[row + p] * data.x()[row + q];
          }
          a[p][dim] += data.x()[row + p] * y;
        }
      }
    }
    for (int p = 0; p < dim; p++) { // Gauss–Jordan elimination; the Gram matrix is positive definite
      for (int r = 0; r < dim; r++) {
        if (r != p) {
          double f = a[r][p] / a[p][p];
          for (int q = p; q <= dim; q++) {
            a[r][q] -= f * a[p][q];
          }
        }
      }
    }
    double[] u = new double[dim];
    for (int p = 0; p < dim; p++) {
      u[p] = a[p][dim] / a[p][p];
    }
    return u;
  }

  @Test
  void defaultsAreTheReadmeProfile() {
    MultiLagRegressionTask d = MultiLagRegressionTask.defaults();
    assertEquals(16, d.inputDim());
    assertEquals(1024, d.length());
    assertEquals(List.of(32, 64, 128, 192, 256), d.lags());
    assertEquals(List.of(0.6, 0.5, 0.4, 0.32, 0.26), d.coefficients());
    assertEquals(0.3, d.noiseStd());
    assertTrue(d.name().equals(MultiLagRegressionTask.NAME));
  }
}
