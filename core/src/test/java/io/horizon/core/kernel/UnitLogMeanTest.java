package io.horizon.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.learnability.UnitTimescales;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.RetentionOptions;
import io.horizon.core.model.RetentionTrace;
import io.horizon.core.task.SequenceDataset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The per-unit mean of log|μ| of the diagnostic pass (THEORY §7.4 AC variant) against brute force over naive window
 * products, the ConstGate closed form ℓ·log(1−s) with its AC fit τ = −1/log(1−s), the underflow floor, and the
 * default pass left unchanged when the option is off.
 */
class UnitLogMeanTest {
  private static final int D = 3;
  private static final int H = 5;
  private static final int LENGTH = 30;
  private static final int SEQUENCES = 7;

  /**
   * Every lag of the grid inside the window gets E_{b,t} log|μ| of the naive windows; the others get no row, and a
   * fit over a window reaching them says so.
   */
  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"DIAG", "GRU", "LSTM"})
  void meanOfLogEqualsBruteForceInsideTheWindowOnly(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, false, 0.05), 61, 0.5);
    SequenceDataset data = ModelChecks.randomDataset(SEQUENCES, LENGTH, D, 62);
    int[] lags = LagGrid.linspace(1, LENGTH - 1, 12);
    LagWindow window = new LagWindow(5, 20);
    KernelOptions options = KernelOptions.defaults(lags).withBatchSize(3).withThreads(2).withUnitLogWindow(window);
    DiagnosticResult result = CollectedPass.run(model, data, options).result();
    RetentionTrace trace = model.retention(model.forward(data.batch(0, SEQUENCES)), RetentionOptions.DEFAULT);
    int inside = 0;
    for (int i = 0; i < lags.length; i++) {
      if (!window.contains(lags[i])) {
        assertNull(result.unitLogMean()[i], "lag " + lags[i] + " lies outside the window");
        continue;
      }
      inside++;
      double[] expected = bruteForceMeanOfLog(trace, lags[i]);
      for (int q = 0; q < H; q++) {
        assertEquals(expected[q], result.unitLogMean()[i][q], 1e-10 * Math.abs(expected[q]),
            "unit " + q + " at lag " + lags[i]);
      }
    }
    assertEquals(6, inside, "lags of the grid inside [5, 20]");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> UnitTimescales.fitMeanOfLog(lags, result.unitLogMean(), 1, 20));
    assertTrue(e.getMessage().contains("no row for lag 1 inside the window [1, 20]"), e.getMessage());
  }

  /** mean_{b,t} log max(|μ^{(q)}_{b,t,ℓ}|, MIN_NORMAL) over the windows t = ℓ−1 … T−1 of every sequence. */
  private static double[] bruteForceMeanOfLog(RetentionTrace trace, int ell) {
    double[] mean = new double[H];
    int windows = trace.batchSize() * (LENGTH - ell + 1);
    for (int b = 0; b < trace.batchSize(); b++) {
      for (int t = ell - 1; t < LENGTH; t++) {
        for (int q = 0; q < H; q++) {
          double mu = NaiveMu.of(trace, b, t, ell, q, true, true);
          mean[q] += Math.log(Math.max(Math.abs(mu), Double.MIN_NORMAL)) / windows;
        }
      }
    }
    return mean;
  }

  /** ConstGate without first order: E log|μ| = ℓ·log(1−s) for every unit, so the AC fit gives τ = −1/log(1−s). */
  @Test
  void constGateMeanOfLogIsTheLagTimesTheLogOfTheLeak() {
    double s = ModelConfig.DEFAULT_CONST_S;
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(Architecture.CONST, D, H, false, s), 63, 0.5);
    int[] lags = LagGrid.linspace(1, LENGTH - 1, 10);
    LagWindow window = new LagWindow(1, LENGTH - 1);
    KernelOptions options = KernelOptions.defaults(lags).withFirstOrder(false).withBatchSize(4).withThreads(1)
        .withUnitLogWindow(window);
    DiagnosticResult result = CollectedPass.run(model, ModelChecks.randomDataset(SEQUENCES, LENGTH, D, 64), options).result();
    for (int i = 0; i < lags.length; i++) {
      double expected = lags[i] * Math.log(1 - s);
      for (int q = 0; q < H; q++) {
        assertEquals(expected, result.unitLogMean()[i][q], 1e-12 * Math.abs(expected),
            "unit " + q + " at lag " + lags[i]);
      }
    }
    UnitTimescales tau = UnitTimescales.fitMeanOfLog(lags, result.unitLogMean(), window.from(), window.to());
    assertEquals(H, tau.fitted());
    for (int k = 0; k < H; k++) {
      assertEquals(-1 / Math.log(1 - s), tau.tau()[k], 1e-9 * tau.tau()[k], "τ of unit " + k);
      assertEquals(1.0, tau.r2()[k], 1e-12, "R² of unit " + k);
    }
  }

  /**
   * Retention at the clamp 1e-12: windows up to ℓ = 25 stay normal (E log|μ| = ℓ·log 1e-12), longer ones underflow
   * and contribute the floor log(MIN_NORMAL).
   */
  @Test
  void underflowingWindowsContributeTheFloor() {
    int batch = 2;
    int n = batch * LENGTH * H;
    double[] logRetention = new double[n];
    Arrays.fill(logRetention, Math.log(RetentionTrace.clamp(RetentionTrace.MIN_RETENTION)));
    RetentionTrace trace = new RetentionTrace(batch, LENGTH, H, logRetention, new double[n], null, null);
    BatchFactors factors =
        new BatchFactors(MuPrefixSums.of(trace, false, false), new double[batch * LENGTH], new double[n]);
    LagKernel kernel = new LagKernel(new BatchFactors[] {factors}, SignGauge.GLOBAL);
    int[] lags = LagGrid.linspace(1, LENGTH - 1, LENGTH - 1);
    LagTotals[] totals = new LagTotals[lags.length];
    for (int i = 0; i < lags.length; i++) {
      totals[i] = new LagTotals(lags[i], H, true);
    }
    kernel.run(totals, null, 1, (lag, values, count) -> { });
    for (int i = 0; i < lags.length; i++) {
      double expected = Math.max(lags[i] * Math.log(RetentionTrace.MIN_RETENTION), Math.log(Double.MIN_NORMAL));
      double[] row = totals[i].unitLogMean();
      for (int q = 0; q < H; q++) {
        assertEquals(expected, row[q], 1e-12 * Math.abs(expected), "unit " + q + " at lag " + lags[i]);
      }
    }
  }

  /** With the option off the result has no log rows and every other output, samples included, is bit-identical. */
  @Test
  void theDefaultPassIsUnchanged() {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(Architecture.GRU, D, H, false, 0.05), 65, 0.5);
    SequenceDataset data = ModelChecks.randomDataset(SEQUENCES, LENGTH, D, 66);
    int[] lags = LagGrid.linspace(2, LENGTH - 1, 8);
    KernelOptions off = KernelOptions.defaults(lags).withBatchSize(3).withThreads(2);
    CollectedPass offPass = CollectedPass.run(model, data, off);
    CollectedPass onPass = CollectedPass.run(model, data, off.withUnitLogWindow(new LagWindow(2, LENGTH - 1)));
    DiagnosticResult plain = offPass.result();
    DiagnosticResult logged = onPass.result();
    assertNull(plain.unitLogMean());
    assertNotNull(logged.unitLogMean()[0]);
    assertArrayEquals(plain.lags(), logged.lags());
    assertArrayEquals(plain.fMean(), logged.fMean());
    assertArrayEquals(plain.fLogMean(), logged.fLogMean());
    for (int i = 0; i < lags.length; i++) {
      assertArrayEquals(plain.unitProfile()[i], logged.unitProfile()[i], "profile at lag " + lags[i]);
      assertArrayEquals(offPass.samples(i), onPass.samples(i), "samples at lag " + lags[i]);
    }
    assertArrayEquals(plain.sampleCount(), logged.sampleCount());
    assertArrayEquals(plain.sampleSum(), logged.sampleSum());
    assertArrayEquals(plain.orientation(), logged.orientation());
    assertEquals(plain.sequences(), logged.sequences());
  }

  @Test
  void aWindowMustBeANonEmptyRangeOfPositiveLags() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LagWindow(0, 5));
    assertTrue(e.getMessage().startsWith("lag window: need 1 <= from <= to, got [0, 5]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new LagWindow(9, 8));
    assertTrue(new LagWindow(4, 4).contains(4));
  }
}
