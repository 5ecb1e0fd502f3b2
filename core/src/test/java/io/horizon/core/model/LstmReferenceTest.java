package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.task.SequenceBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LSTM (THEORY §2.5, §4.2, §5.4) against PyTorch float64 reference values from
 * {@code resources/lstm/generate_lstm_reference.py}: forward pass (torch.nn.LSTM without LayerNorm), loss and
 * autograd gradient, forward-mode total and immediate tangents, and the retention trace.
 */
class LstmReferenceTest {
  private static final String FILE = "/lstm/lstm_reference.txt";
  /** Agreement required, relative to the largest magnitude of each reference array: rounding differences only. */
  private static final double TOLERANCE = 1e-12;

  /** Tensors of each case of the reference file, keyed by their name in the file. */
  private static Map<String, Map<String, Tensor>> load() throws IOException {
    Map<String, Map<String, Tensor>> cases = new HashMap<>();
    try (InputStream in = LstmReferenceTest.class.getResourceAsStream(FILE)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String[] parts = line.split(" ");
        int[] shape = parts[2].equals("scalar")
            ? new int[0] : Arrays.stream(parts[2].split(",")).mapToInt(Integer::parseInt).toArray();
        double[] values = Arrays.stream(parts[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        cases.computeIfAbsent(parts[0], k -> new LinkedHashMap<>()).put(parts[1], new Tensor(parts[1], shape, values));
      }
    }
    return cases;
  }

  /** The tensors whose file name starts with {@code prefix}, renamed without it. */
  private static ParameterSet tensors(Map<String, Tensor> c, String prefix) {
    ParameterSet out = new ParameterSet();
    c.forEach((name, t) -> {
      if (name.startsWith(prefix)) {
        out.put(new Tensor(name.substring(prefix.length()), t.shape(), t.data()));
      }
    });
    return out;
  }

  private static void assertMatches(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    double largest = Arrays.stream(expected).map(Math::abs).max().orElse(0);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], TOLERANCE * Math.max(largest, 1e-3), what + "[" + i + "]");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "layernorm"})
  void matchesPyTorch(String name) throws IOException {
    Map<String, Tensor> c = load().get(name);
    ParameterSet parameters = tensors(c, "param.");
    ModelConfig config = ParameterLayout.infer(Architecture.LSTM, parameters, FILE);
    assertEquals(c.get("config.layerNorm").data()[0] == 1.0, config.layerNorm());
    GatedRnn model = GatedRnns.fromParameters(config, parameters, FILE);
    int[] xShape = c.get("batch.x").shape();
    SequenceBatch batch = new SequenceBatch(c.get("batch.x").data(), c.get("batch.y").data(), xShape[0], xShape[1],
        xShape[2], c.get("batch.stepWeights").data());

    Trajectory trajectory = model.forward(batch);
    assertMatches(c.get("forward.predictions").data(), trajectory.predictions(), "predictions");
    assertMatches(c.get("forward.hidden").data(), trajectory.hidden(), "h");
    assertMatches(c.get("forward.cell").data(), ((HasCellState) trajectory).cell(), "c");

    ParameterSet gradient = model.trainable().zerosLike();
    double loss = model.backward(trajectory, gradient, 1.0);
    assertMatches(c.get("loss").data(), new double[] {loss}, "loss");
    ParameterSet expectedGradient = tensors(c, "gradient.");
    assertEquals(model.trainable().names(), expectedGradient.names());
    for (String tensor : expectedGradient.names()) {
      assertMatches(expectedGradient.data(tensor), gradient.data(tensor), "gradient " + tensor);
    }

    ParameterSet direction = tensors(c, "direction.");
    Tangent total = model.tangent(trajectory, direction, TangentMode.TOTAL);
    assertMatches(c.get("tangent.total.hidden").data(), total.hidden(), "total tangent h");
    assertMatches(c.get("tangent.total.cell").data(), total.cell(), "total tangent c");
    Tangent immediate = model.tangent(trajectory, direction, TangentMode.IMMEDIATE);
    assertMatches(c.get("tangent.immediate.hidden").data(), immediate.hidden(), "immediate tangent h");
    assertMatches(c.get("tangent.immediate.cell").data(), immediate.cell(), "immediate tangent c");

    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    assertMatches(c.get("retention.logRetention").data(), trace.logRetention(), "log f");
    assertMatches(c.get("retention.firstOrderRatio").data(), trace.firstOrderRatio(), "first-order ratio");
    assertMatches(c.get("retention.readout").data(), trace.readout(), "e_t");
  }
}
