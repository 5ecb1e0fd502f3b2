package io.horizon.core.io;

import io.horizon.core.io.ProjectionDirection;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterLayout;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The projection direction of THEORY §5.2: seeded draw, unit norm, file round trip and validation. */
class ProjectionDirectionTest {
  @TempDir Path dir;

  private static final ModelConfig CONST_LN = new ModelConfig(Architecture.CONST, 3, 4, true, 0.05);

  private static void expectError(String expected, Executable action) {
    ExpectedErrors.illegalArgument(action, expected);
  }

  @Test
  void randomDirectionCoversTheTrainableTensorsWithUnitNorm() {
    ParameterSet u = ProjectionDirection.random(CONST_LN, 12345);
    assertEquals(ParameterLayout.trainableNames(CONST_LN), new ArrayList<>(u.names()), "s_const excluded, ln kept");
    assertEquals(1.0, u.norm(), 1e-12);
    assertArrayEquals(u.flatten(), ProjectionDirection.random(CONST_LN, 12345).flatten(), "same seed, same u");
    assertFalse(Arrays.equals(u.flatten(), ProjectionDirection.random(CONST_LN, 12346).flatten()));
  }

  /** P(|Z| < 1) for a standard normal Z, by Simpson's rule on the density. */
  private static double normalWithinOne() {
    int n = 2000;
    double h = 2.0 / n;
    double sum = 0;
    for (int i = 0; i <= n; i++) {
      double z = -1 + i * h;
      double weight = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
      sum += weight * Math.exp(-z * z / 2);
    }
    return sum * h / 3 / Math.sqrt(2 * Math.PI);
  }

  /** √p · u is close to a standard normal sample: mean 0, the normal share within one unit, symmetric. */
  @Test
  void entriesAreGaussianBeforeNormalisation() {
    ModelConfig big = new ModelConfig(Architecture.LSTM, 16, 48, true, 0.05);
    double[] v = ProjectionDirection.random(big, 7).flatten();
    int p = v.length;
    double scale = Math.sqrt(p);
    double mean = 0;
    int within = 0;
    int positive = 0;
    for (double x : v) {
      mean += x * scale / p;
      within += Math.abs(x * scale) < 1 ? 1 : 0;
      positive += x > 0 ? 1 : 0;
    }
    double oneSigma = normalWithinOne();
    assertEquals(0, mean, 5 / Math.sqrt(p));
    assertEquals(oneSigma, within / (double) p, 5 * Math.sqrt(oneSigma * (1 - oneSigma) / p));
    assertEquals(0.5, positive / (double) p, 5 * Math.sqrt(0.25 / p));
  }

  @Test
  void fileRoundTripKeepsTheDirection() {
    ParameterSet u = ProjectionDirection.random(CONST_LN, 3);
    for (TensorDtype dtype : List.of(TensorDtype.F32, TensorDtype.F64)) {
      Path f = dir.resolve("u-" + dtype + ".safetensors");
      ProjectionDirection.write(f, u, CONST_LN, dtype);
      ParameterSet back = ProjectionDirection.read(f, CONST_LN);
      assertEquals(new ArrayList<>(u.names()), new ArrayList<>(back.names()));
      double[] want = u.flatten();
      if (dtype == TensorDtype.F32) {
        for (int i = 0; i < want.length; i++) {
          want[i] = (float) want[i];
        }
      }
      assertArrayEquals(want, back.flatten());
    }
  }

  @Test
  void wrongTensorsOrNormAreRejectedByName() {
    ParameterSet u = ProjectionDirection.random(CONST_LN, 3);
    ParameterSet withGate = u.copy();
    withGate.put(new Tensor("s_const", new int[0], new double[] {0}));
    ParameterSet withoutLn = u.subset(u.names().stream().filter(n -> !n.equals("ln.weight")).toList());
    ParameterSet wrongShape = u.copy();
    wrongShape.put(Tensor.zeros("Wh.weight", 4, 3));
    ParameterSet longer = u.copy();
    longer.addScaled(u, 1e-3);
    ParameterSet slightlyOff = u.copy();
    slightlyOff.addScaled(u, 5e-7);
    Object[][] table = {
      {withGate, "unexpected tensor 's_const' for architecture const"},
      {withoutLn, "tensor 'ln.weight' missing for architecture const"},
      {wrongShape, "tensor 'Wh.weight' has shape [4, 3], expected [4, 4]"},
      {longer, "projection direction has joint norm 1.001"},
    };
    for (Object[] row : table) {
      Path f = dir.resolve("bad.safetensors");
      Safetensors.write(f, (ParameterSet) row[0], Map.of(), TensorDtype.F64);
      expectError("bad.safetensors: " + row[1], () -> ProjectionDirection.read(f, CONST_LN));
      expectError((String) row[1],
          () -> ProjectionDirection.write(dir.resolve("w.safetensors"), (ParameterSet) row[0], CONST_LN,
              TensorDtype.F64));
    }
    Path f = dir.resolve("near.safetensors");
    Safetensors.write(f, slightlyOff, Map.of(), TensorDtype.F64);
    assertEquals(1 + 5e-7, ProjectionDirection.read(f, CONST_LN).norm(), 1e-12, "within the 1e-6 tolerance");
    Path other = dir.resolve("other.safetensors");
    ModelConfig diag = new ModelConfig(Architecture.DIAG, 3, 4, true, 0.05);
    ProjectionDirection.write(other, ProjectionDirection.random(diag, 1), diag, TensorDtype.F32);
    expectError("other.safetensors: direction for architecture diag, the model is const",
        () -> ProjectionDirection.read(other, CONST_LN));
  }
}
