package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.linalg.Precision;
import io.horizon.core.task.SequenceBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Backpropagation through a trajectory whose step products ran in float32 (training with float32 products): the
 * loss and every tensor's gradient agree with the float64 ones to float rounding (relative 1e-5 of the tensor's
 * gradient norm), and differ from them — the float path reaches every architecture's forward and backward products.
 */
class BackwardPrecisionTest {
  private static final int D = 3;
  private static final int H = 16;
  private static final int LENGTH = 24;
  private static final int BATCH = 6;
  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @EnumSource(Architecture.class)
  void float32GradientsAgreeWithFloat64ToFloatRounding(Architecture architecture) {
    GatedRnn model = ModelChecks.randomModel(new ModelConfig(architecture, D, H, true, 0.05), 81, 0.5);
    SequenceBatch batch = ModelChecks.randomBatch(BATCH, LENGTH, D, 82);
    ParameterSet exact = model.trainable().zerosLike();
    double exactLoss = model.backward(model.forward(batch), exact, 1.0);
    ParameterSet single = model.trainable().zerosLike();
    double singleLoss = model.backward(model.forward(batch, Precision.FLOAT32), single, 1.0);
    assertEquals(exactLoss, singleLoss, TOLERANCE * exactLoss, "loss");
    int differing = 0;
    for (String name : exact.names()) {
      double[] e = exact.data(name);
      double[] s = single.data(name);
      double norm = 0;
      double error = 0;
      for (int i = 0; i < e.length; i++) {
        norm += e[i] * e[i];
        error += (e[i] - s[i]) * (e[i] - s[i]);
        differing += e[i] != s[i] ? 1 : 0;
      }
      assertTrue(Math.sqrt(error) <= TOLERANCE * Math.sqrt(norm),
          name + ": float32 gradient off by " + Math.sqrt(error / norm) + " of its norm");
    }
    int size = exact.flatten().length;
    assertTrue(differing > size / 2, "float32 products changed " + differing + " of " + size + " gradient entries");
  }
}
