package io.horizon.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.TestResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Task specs: defaults, round trips, the validation table, and the heavy-tailed lag draw (THEORY §11.4). */
class TaskSpecTest {

  private static Map<String, Object> spec(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  @Test
  void everyNameParsesToItsDefaultsAndRoundTrips() {
    for (String name : TaskSpec.NAMES) {
      TaskSpec spec = TaskSpec.fromMap(spec("name", name), "task");
      assertEquals(name, spec.name());
      assertEquals(spec, TaskSpec.fromMap(spec.toMap(), "task"), name);
      Task task = spec.create();
      assertEquals(spec.length(), task.length(), name);
      assertEquals(spec.inputDim(), task.inputDim(), name);
    }
    assertEquals(TaskSpec.of(MultiLagRegressionTask.defaults()), TaskSpec.fromMap(spec("name", "multilag"), "task"));
    assertEquals(TaskSpec.of(Narma10Task.defaults()), TaskSpec.fromMap(spec("name", "narma10"), "task"));
  }

  @Test
  void givenFieldsOverrideTheDefaults() {
    TaskSpec spec = TaskSpec.fromMap(spec("name", "multilag", "length", 300, "inputDim", 4L, "lags", List.of(5, 250),
        "coefficients", List.of(1, -0.5), "noiseStd", 0.1, "taskSeed", 77), "task");
    assertEquals(TaskSpec.of(new MultiLagRegressionTask(300, 4, List.of(5, 250), List.of(1.0, -0.5), 0.1, 77)), spec);
    assertEquals(spec, TaskSpec.fromMap(spec.toMap(), "task"));
  }

  @Test
  void badFieldsAreRejectedWithTheirPath() {
    List<Object[]> table = new ArrayList<>();
    table.add(new Object[] {spec("name", "multilag", "lags", List.of(32, 64, 2000), "coefficients",
        List.of(1, 1, 1)), "task.lags[2]: must be < length (1024), got 2000"});
    table.add(new Object[] {spec("name", "multilag", "lags", List.of(0), "coefficients", List.of(1)),
        "task.lags[0]: must be at least 1, got 0"});
    table.add(new Object[] {spec("name", "multilag", "lags", List.of(3, 4)),
        "task.coefficients: expected 2 values (one per lag), got 5"});
    table.add(new Object[] {spec("name", "multilag", "lags", List.of()), "task.lags: must hold at least one lag"});
    table.add(new Object[] {spec("name", "multilag", "length", 0), "task.length: must be positive, got 0"});
    table.add(new Object[] {spec("name", "multilag", "inputDim", -3), "task.inputDim: must be positive, got -3"});
    table.add(new Object[] {spec("name", "multilag", "noiseStd", Double.NaN), "task.noiseStd: must be finite"});
    table.add(new Object[] {spec("name", "multilag", "noiseStd", -0.1),
        "task.noiseStd: must be finite and non-negative, got -0.1"});
    table.add(new Object[] {spec("name", "multilag", "coefficients", List.of(0.6, Double.NaN, 0.4, 0.3, 0.2)),
        "task.coefficients[1]: must be finite, got NaN"});
    table.add(new Object[] {spec("name", "multilag", "lags", "32"), "task.lags: must be a list, got '32'"});
    table.add(new Object[] {spec("name", "multilag", "lags", List.of(32, 6.5)),
        "task.lags[1]: must be an integer, got 6.5"});
    table.add(new Object[] {spec("name", "multilag", "length", 3_000_000_000L),
        "task.length: must fit in 32 bits, got 3000000000"});
    table.add(new Object[] {spec("name", "multilag", "taskSeed", "x"), "task.taskSeed: must be an integer, got 'x'"});
    table.add(new Object[] {spec("name", "multilag", "colour", 3), "task.colour: unknown field"});
    table.add(new Object[] {spec("name", "narma10", "order", 10), "task.order: unknown field"});
    table.add(new Object[] {spec("name", "sinemix"), "task.name: unknown task 'sinemix'"});
    table.add(new Object[] {spec("name", "narma20"), "task.name: unknown task 'narma20'"});
    table.add(new Object[] {spec(), "task.name: required field is missing"});
    table.add(new Object[] {spec("name", 3), "task.name: must be a string, got 3"});
    table.add(new Object[] {spec("name", "recall", "markers", 40),
        "task.markers: must be at most the first third of the sequence (26 steps), got 40"});
    table.add(new Object[] {spec("name", "adding", "inputDim", 1), "task.inputDim: must be at least 2"});
    table.add(new Object[] {spec("name", "delaysum", "delays", List.of(4, 120)),
        "task.delays[1]: must be < length (120), got 120"});
    table.add(new Object[] {spec("name", "movingavg", "window", 200), "task.window: must be at most length (120)"});
    table.add(new Object[] {spec("name", "ar2", "a2", Double.POSITIVE_INFINITY), "task.a2: must be finite"});
    table.add(new Object[] {spec("name", "heavy_tail", "lagMax", 2000),
        "task.lagMax: must be < length (1280), got 2000"});
    table.add(new Object[] {spec("name", "heavy_tail", "lagCount", 10, "lagMin", 5, "lagMax", 9),
        "task.lagCount: must be at most the 5 integers of [lagMin, lagMax], got 10"});
    for (Object[] row : table) {
      @SuppressWarnings("unchecked")
      Map<String, Object> node = (Map<String, Object>) row[0];
      String expected = (String) row[1];
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> TaskSpec.fromMap(node, "task"), expected);
      assertTrue(e.getMessage().startsWith(expected), "expected '" + expected + "', got '" + e.getMessage() + "'");
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TaskSpec.fromMap(null, "run.task"));
    assertTrue(e.getMessage().startsWith("run.task: must be an object"), e.getMessage());
  }

  @Test
  void lagQuantileMatchesScipyTruncatedPareto() throws IOException {
    List<String> lines = TestResources.lines("task/truncated_pareto_quantiles.txt");
    assertTrue(lines.size() >= 10);
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      double p = Double.parseDouble(f[0]);
      double expected = Double.parseDouble(f[4]);
      double actual = HeavyTailRegression.lagQuantile(
          p, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]));
      assertEquals(expected, actual, 1e-9 * expected, line);
    }
  }

  @Test
  void heavyTailLagsAreSortedDistinctAndInRange() {
    HeavyTailRegression d = HeavyTailRegression.defaults();
    List<Integer> lags = d.lags();
    assertEquals(d.lagCount(), lags.size());
    for (int k = 0; k < lags.size(); k++) {
      assertTrue(lags.get(k) >= d.lagMin() && lags.get(k) <= d.lagMax(), "lag in range: " + lags);
      assertTrue(k == 0 || lags.get(k) > lags.get(k - 1), "sorted and distinct: " + lags);
    }
    assertEquals(lags, HeavyTailRegression.defaults().lags(), "the same seed gives the same lags");
    MultiLagRegressionTask task = d.create();
    assertEquals(lags, task.lags());
    for (int k = 0; k < lags.size(); k++) {
      assertEquals(d.coefficientBase() * Math.pow(d.coefficientDecay(), k), task.coefficients().get(k), 1e-15);
    }
    HeavyTailRegression full = new HeavyTailRegression(40, 2, 5, 8, 12, 0.6, 3, 0.6, 0.85, 0.3, 0);
    assertEquals(List.of(8, 9, 10, 11, 12), full.lags(), "every lag of the range, back-filled when needed");
  }
}
