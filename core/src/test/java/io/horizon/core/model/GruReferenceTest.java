package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.task.SequenceBatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The GRU against a float64 PyTorch implementation of THEORY §2.6 / §4.3 (values from
 * {@code resources/gru/generate_gru_reference.py}): forward pass, loss and gradient, total and immediate tangents,
 * and the retention trace in its exact and reference-code forms, without and with LayerNorm.
 */
class GruReferenceTest {
  private static final double TOLERANCE = 1e-10;

  private static JsonNode reference() throws IOException {
    try (InputStream in = GruReferenceTest.class.getResourceAsStream("/gru/gru_reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[] values(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** Every entry within {@code TOLERANCE · max(1, |expected|)}; the message names the quantity and the index. */
  private static void assertMatches(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      double err = Math.abs(expected[i] - actual[i]);
      assertTrue(err <= TOLERANCE * Math.max(1, Math.abs(expected[i])),
          what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
    }
  }

  @Test
  void matchesPyTorchReference() throws IOException {
    JsonNode root = reference();
    int d = root.get("inputDim").asInt();
    int h = root.get("hiddenSize").asInt();
    int nb = root.get("batchSize").asInt();
    int length = root.get("length").asInt();
    for (JsonNode c : root.get("cases")) {
      boolean ln = c.get("layerNorm").asBoolean();
      String label = ln ? "with LayerNorm: " : "without LayerNorm: ";
      ModelConfig config = new ModelConfig(Architecture.GRU, d, h, ln, ModelConfig.DEFAULT_CONST_S);
      ParameterSet parameters = new ParameterSet();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.get("parameters").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        int[] shape = new int[e.getValue().get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = e.getValue().get("shape").get(i).asInt();
        }
        parameters.put(new Tensor(e.getKey(), shape, values(e.getValue().get("data"))));
      }
      GatedRnn model = GatedRnns.fromParameters(config, parameters, "gru_reference.json");
      SequenceBatch batch = new SequenceBatch(values(c.get("x")), values(c.get("y")), nb, length, d,
          values(c.get("stepWeights")));
      Trajectory trajectory = model.forward(batch);
      assertMatches(values(c.get("hidden")), trajectory.hidden(), label + "hidden");
      assertMatches(values(c.get("predictions")), trajectory.predictions(), label + "predictions");

      ParameterSet gradient = model.trainable().zerosLike();
      double loss = model.backward(trajectory, gradient, 1.0);
      assertMatches(new double[] {c.get("loss").asDouble()}, new double[] {loss}, label + "loss");
      ParameterSet direction = model.trainable().zerosLike();
      for (String name : gradient.names()) {
        assertMatches(values(c.get("gradient").get(name)), gradient.data(name), label + "gradient " + name);
        double[] u = values(c.get("direction").get(name));
        System.arraycopy(u, 0, direction.data(name), 0, u.length);
      }

      assertMatches(values(c.get("tangentTotal")), model.tangent(trajectory, direction, TangentMode.TOTAL).hidden(),
          label + "total tangent");
      Tangent immediate = model.tangent(trajectory, direction, TangentMode.IMMEDIATE);
      assertMatches(values(c.get("tangentImmediate")), immediate.hidden(), label + "immediate tangent");
      assertNull(immediate.cell());

      RetentionTrace exact = model.retention(trajectory, RetentionOptions.DEFAULT);
      assertMatches(values(c.get("logRetention")), exact.logRetention(), label + "log retention");
      assertMatches(values(c.get("logReset")), exact.logReset(), label + "log reset");
      assertMatches(values(c.get("ratioExact")), exact.firstOrderRatio(), label + "exact first-order ratio");
      assertNull(exact.readout());
      RetentionTrace code = model.retention(trajectory, new RetentionOptions(true));
      assertMatches(values(c.get("ratioCode")), code.firstOrderRatio(), label + "code first-order ratio");
      assertMatches(values(c.get("logRetention")), code.logRetention(), label + "code log retention");
    }
  }
}
