package io.horizon.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AdamW, SGD, SGD with momentum and global-norm clipping replayed on the gradients of
 * {@code train/generate_optimizer_reference.py} (PyTorch, float64) and compared step by step with its parameter
 * trajectories, pre-clip norms and clipped gradients.
 */
class OptimizerReferenceTest {
  /** Relative to the largest magnitude of the tensor compared. */
  private static final double TOLERANCE = 1e-12;

  private static JsonNode reference() throws IOException {
    try (InputStream in = OptimizerReferenceTest.class.getResourceAsStream("/train/optimizer_reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static ParameterSet tensors(JsonNode values, JsonNode shapes) {
    ParameterSet set = new ParameterSet();
    shapes.fieldNames().forEachRemaining(name -> {
      int[] shape = new int[shapes.get(name).size()];
      for (int i = 0; i < shape.length; i++) {
        shape[i] = shapes.get(name).get(i).asInt();
      }
      JsonNode data = values.get(name);
      double[] d = new double[data.size()];
      for (int i = 0; i < d.length; i++) {
        d[i] = data.get(i).asDouble();
      }
      set.put(new Tensor(name, shape, d));
    });
    return set;
  }

  private static void assertTensorsClose(ParameterSet expected, ParameterSet actual, String where) {
    for (String name : expected.names()) {
      double[] e = expected.data(name);
      double[] a = actual.data(name);
      double scale = 0;
      for (double v : e) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int i = 0; i < e.length; i++) {
        assertEquals(e[i], a[i], TOLERANCE * scale, where + " " + name + "[" + i + "]");
      }
    }
  }

  @Test
  void trajectoriesMatchPyTorch() throws IOException {
    JsonNode ref = reference();
    JsonNode shapes = ref.get("shapes");
    List<ParameterSet> gradients = new ArrayList<>();
    ref.get("gradients").forEach(g -> gradients.add(tensors(g, shapes)));
    int cases = 0;
    for (JsonNode c : ref.get("cases")) {
      OptimizerSpec spec = new OptimizerSpec(OptimizerSpec.Kind.parse(c.get("kind").asText()),
          c.get("lr").asDouble(), c.get("weight_decay").asDouble(), c.get("momentum").asDouble());
      double clip = c.get("clip").asDouble();
      Optimizer optimizer = spec.create();
      ParameterSet params = tensors(ref.get("initial"), shapes);
      JsonNode steps = c.get("steps");
      assertEquals(gradients.size(), steps.size());
      for (int k = 0; k < steps.size(); k++) {
        String where = c.get("name").asText() + " step " + (k + 1);
        ParameterSet grads = gradients.get(k).copy();
        JsonNode expected = steps.get(k);
        if (clip > 0) {
          double norm = GradientClipping.clipGlobalNorm(grads, clip);
          assertEquals(expected.get("norm").asDouble(), norm, TOLERANCE * norm, where + " norm");
          assertTensorsClose(tensors(expected.get("clipped"), shapes), grads, where + " clipped");
        }
        ParameterSet before = grads.copy();
        optimizer.step(params, grads);
        assertTensorsClose(before, grads, where + " gradients untouched");
        assertTensorsClose(tensors(expected.get("params"), shapes), params, where);
      }
      cases++;
    }
    assertEquals(6, cases);
  }

  @Test
  void clippingLeavesSmallGradientsAloneAndReachesMaxNorm() throws IOException {
    JsonNode ref = reference();
    ParameterSet grads = tensors(ref.get("gradients").get(3), ref.get("shapes"));
    double norm = grads.norm();
    ParameterSet untouched = grads.copy();
    assertEquals(norm, GradientClipping.clipGlobalNorm(grads, 2 * norm));
    assertTensorsClose(untouched, grads, "below max norm");
    GradientClipping.clipGlobalNorm(grads, 0.5);
    assertEquals(0.5 * norm / (norm + GradientClipping.NORM_OFFSET), grads.norm(), 1e-15);
  }

  @Test
  void nonFiniteGradientsAreRejectedNamingTheTensor() throws IOException {
    JsonNode ref = reference();
    ParameterSet grads = tensors(ref.get("gradients").get(0), ref.get("shapes"));
    ParameterSet params = tensors(ref.get("initial"), ref.get("shapes"));
    grads.data("b")[2] = Double.NaN;
    for (OptimizerSpec spec : new OptimizerSpec[] {
        OptimizerSpec.adamw(1e-3, 0), OptimizerSpec.sgd(0.1, 0), OptimizerSpec.sgdMomentum(0.1, 0, 0.9)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> spec.create().step(params, grads));
      assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipGlobalNorm(grads, 1.0));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
  }

  @Test
  void specValidationNamesTheField() {
    assertField("lr", () -> OptimizerSpec.adamw(Double.NaN, 0));
    assertField("lr", () -> OptimizerSpec.sgd(-0.1, 0));
    assertField("weightDecay", () -> OptimizerSpec.sgd(0.1, -1e-4));
    assertField("weightDecay", () -> OptimizerSpec.adamw(0.1, Double.POSITIVE_INFINITY));
    assertField("weightDecay", () -> OptimizerSpec.adamw(0.5, 2.0));
    assertField("momentum", () -> OptimizerSpec.sgdMomentum(0.1, 0, 1.0));
    assertField("momentum", () -> OptimizerSpec.sgdMomentum(0.1, 0, 0));
    assertField("momentum", () -> new OptimizerSpec(OptimizerSpec.Kind.ADAMW, 1e-3, 0, 0.9));
    assertField("kind", () -> new OptimizerSpec(null, 1e-3, 0, 0));
    assertField("optimizer", () -> OptimizerSpec.Kind.parse("rmsprop"));
    assertField("maxNorm", () -> GradientClipping.clipGlobalNorm(new ParameterSet(), 0));
    assertEquals(OptimizerSpec.Kind.SGD_MOMENTUM, OptimizerSpec.Kind.parse(" SGD-Momentum"));
  }

  private static void assertField(String field, Runnable action) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
  }
}
