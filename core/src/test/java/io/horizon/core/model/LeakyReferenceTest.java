package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.task.SequenceBatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ConstGate, SharedGate and DiagGate against an independent PyTorch float64 implementation
 * ({@code leaky/generate_reference.py}, output {@code leaky/reference.json}): forward states and readout, loss and
 * autograd gradient (THEORY §2.2–2.4, LW-2), total tangent (THEORY §5.4) and retention trace (THEORY §4.1).
 */
class LeakyReferenceTest {
  private static final String RESOURCE = "/leaky/reference.json";
  private static final double TOLERANCE = 1e-10;

  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = LeakyReferenceTest.class.getResourceAsStream(RESOURCE)) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(out::add);
      return out.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyOutputMatchesPyTorch(JsonNode c) {
    String label = c.get("architecture").asText() + (c.get("layerNorm").asBoolean() ? "+ln" : "");
    ModelConfig config = new ModelConfig(Architecture.parse(c.get("architecture").asText()),
        c.get("inputDim").asInt(), c.get("hiddenSize").asInt(), c.get("layerNorm").asBoolean(),
        c.get("constS").asDouble());
    GatedRnn model = GatedRnns.fromParameters(config, tensors(c.get("parameters")), RESOURCE);
    ParameterSet direction = tensors(c.get("direction"));
    int batchSize = c.get("batchSize").asInt();
    int length = c.get("length").asInt();
    JsonNode weights = c.get("stepWeights");
    SequenceBatch batch = new SequenceBatch(values(c.get("x")), values(c.get("y")), batchSize, length,
        config.inputDim(), weights.isNull() ? null : values(weights));

    Trajectory trajectory = model.forward(batch);
    assertClose(values(c.get("hidden")), trajectory.hidden(), label + " hidden");
    assertClose(values(c.get("predictions")), trajectory.predictions(), label + " predictions");

    ParameterSet gradient = model.trainable().zerosLike();
    double loss = model.backward(trajectory, gradient, 1.0);
    assertClose(new double[] {c.get("loss").asDouble()}, new double[] {loss}, label + " loss");
    JsonNode expectedGradient = c.get("gradient");
    assertEquals(model.trainable().size(), count(expectedGradient), label + " gradient size");
    for (String name : gradient.names()) {
      assertClose(values(expectedGradient.get(name)), gradient.data(name), label + " gradient " + name);
    }

    Tangent tangent = model.tangent(trajectory, direction, TangentMode.TOTAL);
    assertClose(values(c.get("tangent")), tangent.hidden(), label + " tangent");

    RetentionTrace trace = model.retention(trajectory, RetentionOptions.DEFAULT);
    assertClose(values(c.get("logRetention")), trace.logRetention(), label + " logRetention");
    assertClose(values(c.get("firstOrderRatio")), trace.firstOrderRatio(), label + " firstOrderRatio");
  }

  private static ParameterSet tensors(JsonNode node) {
    ParameterSet out = new ParameterSet();
    node.fields().forEachRemaining(e -> {
      int[] shape = new int[e.getValue().get("shape").size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = e.getValue().get("shape").get(i).asInt();
      }
      out.put(new Tensor(e.getKey(), shape, values(e.getValue().get("data"))));
    });
    return out;
  }

  private static int count(JsonNode gradient) {
    int n = 0;
    for (JsonNode values : gradient) {
      n += values.size();
    }
    return n;
  }

  private static double[] values(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private static void assertClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertTrue(Math.abs(expected[i] - actual[i]) <= TOLERANCE * (1 + Math.abs(expected[i])),
          what + "[" + i + "]: " + actual[i] + " vs PyTorch " + expected[i]);
    }
  }
}
