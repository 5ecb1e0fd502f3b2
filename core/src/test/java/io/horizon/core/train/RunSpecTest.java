package io.horizon.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.Architecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Run files: defaults, round trip through {@link RunSpec#toMap} and bad fields rejected by their path. */
class RunSpecTest {

  private static Map<String, Object> valid() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("name", "quick");
    spec.put("seed", 7);
    spec.put("model", new LinkedHashMap<>(Map.of("architecture", "diag", "hidden", 16)));
    spec.put("task", new LinkedHashMap<>(Map.of("name", "multilag", "length", 64, "inputDim", 4,
        "lags", List.of(2, 4, 8), "coefficients", List.of(0.6, 0.4, 0.2))));
    spec.put("training", new LinkedHashMap<>(Map.of("epochs", 3, "batchSize", 8, "trainSequences", 64,
        "optimizer", new LinkedHashMap<>(Map.of("kind", "sgd-momentum", "lr", 0.01)))));
    return spec;
  }

  @Test
  void readsFieldsAndDefaults() {
    RunSpec spec = RunSpec.fromMap(valid(), "quick.yaml");
    assertEquals(Architecture.DIAG, spec.model().architecture());
    assertEquals(4, spec.model().inputDim());
    assertEquals(16, spec.model().hiddenSize());
    assertFalse(spec.model().layerNorm());
    assertEquals(7, spec.training().seed());
    assertEquals(OptimizerSpec.Kind.SGD_MOMENTUM, spec.training().optimizer().kind());
    assertEquals(OptimizerSpec.DEFAULT_MOMENTUM, spec.training().optimizer().momentum());
    assertEquals(1.0, spec.training().clipNorm());
    assertEquals(Precision.FLOAT64, spec.training().products());
  }

  @Test
  void roundTripsThroughMaps() {
    RunSpec spec = RunSpec.fromMap(valid(), "quick.yaml");
    assertEquals(spec, RunSpec.fromMap(spec.toMap(), "again"));
    RunSpec single = RunSpec.fromMap(with("training.products", "float32"), "single.yaml");
    assertEquals(Precision.FLOAT32, single.training().products());
    assertEquals(single, RunSpec.fromMap(single.toMap(), "again"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> with(String path, Object value) {
    Map<String, Object> spec = valid();
    String[] parts = path.split("\\.");
    Map<String, Object> node = spec;
    for (int i = 0; i < parts.length - 1; i++) {
      node = (Map<String, Object>) node.get(parts[i]);
    }
    if (value == null) {
      node.remove(parts[parts.length - 1]);
    } else {
      node.put(parts[parts.length - 1], value);
    }
    return spec;
  }

  static List<Object[]> badFields() {
    return List.of(
        new Object[] {with("model", null), "run.model: required field is missing"},
        new Object[] {with("model.architecture", "rnn"), "run.model.architecture: unknown architecture 'rnn'"},
        new Object[] {with("model.hidden", 0), "run.model.hiddenSize: must be positive"},
        new Object[] {with("model.layerNorm", "yes"), "run.model.layerNorm: must be true or false"},
        new Object[] {with("model.colour", "red"), "run.model.colour: unknown field"},
        new Object[] {with("task.lags", List.of(2, 4, 80)), "run.task.lags[2]"},
        new Object[] {with("training.epochs", -1), "run.training.epochs: must be at least 1"},
        new Object[] {with("training.batchSize", 1000), "run.training.batchSize"},
        new Object[] {with("training.optimizer.kind", "lion"), "run.training.optimizer.kind"},
        new Object[] {with("training.products", "float16"),
            "run.training.products: expected float64 or float32, got 'float16'"},
        new Object[] {with("training.optimizer.lr", -0.1), "run.training.optimizer.lr: must be finite and positive"},
        new Object[] {with("training.optimizer.lr", ".nan"), "run.training.optimizer.lr"},
        new Object[] {with("speed", 3), "run.speed: unknown field"});
  }

  @ParameterizedTest
  @MethodSource("badFields")
  void rejectsBadFieldsNamingTheirPath(Map<String, Object> spec, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunSpec.fromMap(spec, "run"));
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }
}
