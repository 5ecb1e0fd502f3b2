package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.TestResources;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.GatedRnn;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.Trajectory;
import io.horizon.core.task.SequenceBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interchange with PyTorch (interchange/generate_interchange.py): the weights of hand-written PyTorch cells in the
 * {@link io.horizon.core.model.ParameterLayout} names load through {@link CheckpointFile}, and the Java models
 * reproduce PyTorch's readouts and hidden states on the same inputs.
 */
class InterchangeTest {
  private static final int N = 4;
  private static final int T = 10;
  private static final int D = 3;
  private static final int H = 6;
  private static final double TOLERANCE = 1e-5;

  static List<Arguments> referenceModels() {
    List<Arguments> out = new ArrayList<>();
    for (Architecture a : Architecture.values()) {
      for (boolean ln : new boolean[] {false, true}) {
        out.add(Arguments.of(a, ln));
      }
    }
    return out;
  }

  private static String stem(Architecture a, boolean ln) {
    return "interchange/" + a.id() + "_ln" + (ln ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}, LayerNorm {1}")
  @MethodSource("referenceModels")
  void everyReferenceFileLoadsAndMatchesTheLayout(Architecture a, boolean ln) {
    Checkpoint c = CheckpointFile.read(TestResources.path(stem(a, ln) + ".safetensors"));
    assertNull(c.architecture(), "PyTorch files name no architecture");
    assertNull(c.provenance());
    ModelConfig config = c.config(a);
    assertEquals(D, config.inputDim());
    assertEquals(H, config.hiddenSize());
    assertEquals(ln, config.layerNorm());
    if (a == Architecture.CONST) {
      assertEquals((float) 0.3, config.constS(), "s_const read from the file");
    }
    assertArrayEquals(new int[] {N, T, 1}, Npy.readFloats(TestResources.path(stem(a, ln) + "_yhat.npy")).shape());
    assertArrayEquals(new int[] {N, T, H}, Npy.readFloats(TestResources.path(stem(a, ln) + "_hidden.npy")).shape());
  }

  @Test
  void inputsHaveTheExpectedShapeAndFilesRejectTheWrongArchitecture() {
    assertArrayEquals(new int[] {N, T, D}, Npy.readFloats(TestResources.path("interchange/x.npy")).shape());
    Checkpoint diag = CheckpointFile.read(TestResources.path("interchange/diag_ln0.safetensors"));
    ExpectedErrors.illegalArgument(() -> diag.config(Architecture.GRU),
        "diag_ln0.safetensors: tensor 'Wz.weight' missing for architecture gru");
    Checkpoint shared = CheckpointFile.read(TestResources.path("interchange/shared_ln1.safetensors"));
    ExpectedErrors.illegalArgument(() -> shared.config(Architecture.DIAG),
        "shared_ln1.safetensors: tensor 'Ws.weight' has shape [1, 3], expected [6, 3]");
  }

  /** Runs once the architectures are merged; until then {@code GatedRnns} reports them as not built. */
  @ParameterizedTest(name = "{0}, LayerNorm {1}")
  @MethodSource("referenceModels")
  void forwardPassMatchesPyTorch(Architecture a, boolean ln) {
    Checkpoint c = CheckpointFile.read(TestResources.path(stem(a, ln) + ".safetensors"));
    GatedRnn model;
    try {
      model = c.model(a);
    } catch (UnsupportedOperationException notBuilt) {
      Assumptions.abort("forward comparison awaits the " + a + " model: " + notBuilt.getMessage());
      return;
    }
    float[] x = Npy.readFloats(TestResources.path("interchange/x.npy")).data();
    double[] xs = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xs[i] = x[i];
    }
    Trajectory trajectory = model.forward(new SequenceBatch(xs, new double[N * T], N, T, D));
    float[] yhat = Npy.readFloats(TestResources.path(stem(a, ln) + "_yhat.npy")).data();
    float[] hidden = Npy.readFloats(TestResources.path(stem(a, ln) + "_hidden.npy")).data();
    for (int i = 0; i < yhat.length; i++) {
      assertEquals(yhat[i], trajectory.predictions()[i], TOLERANCE, a + " yhat[b*T+t], index " + i);
    }
    for (int i = 0; i < hidden.length; i++) {
      assertEquals(hidden[i], trajectory.hidden()[i], TOLERANCE, a + " h[(b*T+t)*H+q], index " + i);
    }
  }
}
