package io.horizon.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelChecks;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.task.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The diagnostic pass with float32 step products: envelope, per-unit profile and every matched-statistic sample
 * agree with the float64 pass to float rounding (relative 1e-4 of each lag's scale), and differ from it — the option
 * reaches the products of every architecture.
 */
class ProductPrecisionTest {
  private static final int D = 3;
  private static final int H = 16;
  private static final int LENGTH = 48;
  private static final int SEQUENCES = 10;
  private static final double TOLERANCE = 1e-4;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void float32ProductsAgreeWithFloat64ToFloatRounding(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, true, 0.05), 71, 0.5);
    SequenceDataset data = ModelChecks.randomDataset(SEQUENCES, LENGTH, D, 72);
    KernelOptions options = KernelOptions.defaults(LagGrid.linspace(2, LENGTH - 1, 8)).withBatchSize(4);
    CollectedPass exact = CollectedPass.run(model, data, options);
    CollectedPass single = CollectedPass.run(model, data, options.withProducts(Precision.FLOAT32));
    DiagnosticResult e = exact.result();
    DiagnosticResult s = single.result();
    boolean anyDifference = false;
    for (int i = 0; i < e.lags().length; i++) {
      String lag = "lag " + e.lags()[i];
      assertEquals(e.fMean()[i], s.fMean()[i], TOLERANCE * e.fMean()[i], lag + " f_mean");
      assertEquals(e.fLogMean()[i], s.fLogMean()[i], TOLERANCE * Math.abs(e.fLogMean()[i]), lag + " f_logmean");
      for (int q = 0; q < H; q++) {
        double unit = e.unitProfile()[i][q];
        assertEquals(unit, s.unitProfile()[i][q], TOLERANCE * Math.abs(unit), lag + " unit " + q);
      }
      double[] exactSamples = exact.samples(i);
      double[] singleSamples = single.samples(i);
      assertEquals(exactSamples.length, singleSamples.length, lag + " sample count");
      double scale = 0;
      for (double x : exactSamples) {
        scale = Math.max(scale, Math.abs(x));
      }
      for (int j = 0; j < exactSamples.length; j++) {
        assertEquals(exactSamples[j], singleSamples[j], TOLERANCE * scale, lag + " sample " + j);
        anyDifference |= exactSamples[j] != singleSamples[j];
      }
    }
    assertTrue(anyDifference, "float32 products left every sample bit-identical");
    assertNotEquals(e.fMean()[0], s.fMean()[0], "float32 products left f_mean bit-identical");
  }

  @Test
  void precisionNamesParseAndOthersAreRejectedNamingTheField() {
    assertEquals(Precision.FLOAT32, Precision.parse("float32", "products"));
    assertEquals(Precision.FLOAT64, Precision.parse(Precision.FLOAT64.label(), "products"));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("half", "--products"));
    assertEquals("--products: expected float64 or float32, got 'half'", error.getMessage());
  }
}
