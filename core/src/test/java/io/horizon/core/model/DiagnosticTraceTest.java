package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.horizon.core.io.ProjectionDirection;
import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model's diagnostic trace — in one sweep over time where the architecture has one — holds exactly the numbers of
 * its forward pass, tangent and retention trace taken one after the other, bit for bit, with the step products in
 * either precision.
 */
class DiagnosticTraceTest {
  private static final int D = 3;
  /** Not a multiple of the vector width, so the vector loops' tails run too. */
  private static final int H = 13;
  private static final int T = 11;
  private static final int B = 5;

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Architecture arch : Architecture.values()) {
      for (boolean layerNorm : new boolean[] {false, true}) {
        for (TangentMode mode : TangentMode.values()) {
          for (Precision products : Precision.values()) {
            cases.add(Arguments.of(arch, layerNorm, mode, products));
          }
        }
      }
    }
    return cases;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void sweepEqualsForwardTangentAndRetention(
      Architecture arch, boolean layerNorm, TangentMode mode, Precision products) {
    ModelConfig config = new ModelConfig(arch, D, H, layerNorm, ModelConfig.DEFAULT_CONST_S);
    GatedRnn model = ModelChecks.randomModel(config, 31, 0.5);
    SequenceBatch batch = ModelChecks.randomBatch(B, T, D, 32);
    ParameterSet direction = ProjectionDirection.random(config, 33);

    DiagnosticTrace sweep = model.diagnosticTrace(batch, direction, mode, RetentionOptions.DEFAULT, products);

    Trajectory trajectory = model.forward(batch, products);
    RetentionTrace retention = model.retention(trajectory, RetentionOptions.DEFAULT);
    assertArrayEquals(trajectory.predictions(), sweep.predictions(), 0.0, "predictions");
    assertArrayEquals(model.tangent(trajectory, direction, mode).hidden(), sweep.tangent(), 0.0, "tangent");
    RetentionTrace swept = sweep.retention();
    assertArrayEquals(retention.logRetention(), swept.logRetention(), 0.0, "logRetention");
    assertArrayEquals(retention.firstOrderRatio(), swept.firstOrderRatio(), 0.0, "firstOrderRatio");
    assertNullOrEqual(retention.readout(), swept.readout(), "readout");
    assertNullOrEqual(retention.logReset(), swept.logReset(), "logReset");
  }

  private static void assertNullOrEqual(double[] expected, double[] actual, String what) {
    if (expected == null) {
      assertNull(actual, what);
    } else {
      assertArrayEquals(expected, actual, 0.0, what);
    }
  }
}
