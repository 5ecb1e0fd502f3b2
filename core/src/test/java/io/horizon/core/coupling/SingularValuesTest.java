package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.random.Rng;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Singular values and the power-iteration spectral norm (THEORY §10.2–10.3) against numpy.linalg.svd
 * ({@code coupling/generate_singular_values.py}, output {@code coupling/singular_values.json}) and closed forms.
 */
class SingularValuesTest {
  private static final String RESOURCE = "/coupling/singular_values.json";

  static Stream<JsonNode> cases() throws IOException {
    try (InputStream in = SingularValuesTest.class.getResourceAsStream(RESOURCE)) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).get("cases").forEach(out::add);
      return out.stream();
    }
  }

  static double[] values(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void jacobiMatchesNumpy(JsonNode c) {
    double[] expected = values(c.get("singularValues"));
    double[] sigma = SingularValues.of(values(c.get("matrix")), c.get("rows").asInt(), c.get("cols").asInt());
    assertEquals(expected.length, sigma.length, c.get("name").asText());
    for (int i = 0; i < sigma.length; i++) {
      assertEquals(expected[i], sigma[i], 1e-12 * expected[0], c.get("name").asText() + " σ_" + (i + 1));
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void powerIterationNeverExceedsTheLargestSingularValue(JsonNode c) {
    int rows = c.get("rows").asInt();
    if (rows != c.get("cols").asInt()) {
      return;
    }
    double[] expected = values(c.get("singularValues"));
    double estimate = SpectralNorm.estimate(values(c.get("matrix")), rows, SpectralNorm.ITERATIONS, new Rng(3));
    assertTrue(estimate <= expected[0] * (1 + 1e-12), c.get("name") + ": " + estimate + " > " + expected[0]);
    assertTrue(estimate > 0.5 * expected[0], c.get("name") + ": " + estimate + " far below " + expected[0]);
  }

  @Test
  void diagonalMatrixHasItsAbsoluteDiagonalSorted() {
    double[] diagonal = {0.5, -3.0, 0.0, 2.0, -0.25};
    int n = diagonal.length;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = diagonal[i];
    }
    double[] sigma = SingularValues.of(a, n, n);
    double[] expected = {3.0, 2.0, 0.5, 0.25, 0.0};
    for (int i = 0; i < n; i++) {
      assertEquals(expected[i], sigma[i], 1e-15, "σ_" + (i + 1));
    }
    double ratio = 2.0 / 3.0;
    double bound = 3.0 * Math.pow(ratio, 2 * SpectralNorm.ITERATIONS);
    double estimate = SpectralNorm.estimate(a, n, SpectralNorm.ITERATIONS, new Rng(5));
    assertTrue(estimate <= 3.0 && estimate > 3.0 - bound * 100, "power iteration " + estimate);
  }

  @Test
  void rankOneMatrixHasTheProductOfNormsAndPowerIterationIsExact() {
    double[] u = {1, 2, -2};
    double[] v = {3, 0, 4};
    double[] a = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        a[i * 3 + j] = u[i] * v[j];
      }
    }
    double norm = 3.0 * 5.0;
    double[] sigma = SingularValues.of(a, 3, 3);
    assertEquals(norm, sigma[0], 1e-13);
    assertEquals(0.0, sigma[1], 1e-13);
    assertEquals(0.0, sigma[2], 1e-13);
    assertEquals(norm, SpectralNorm.estimate(a, 3, 1, new Rng(7)), 1e-13);
  }

  @Test
  void badShapesNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SingularValues.of(new double[5], 2, 3));
    assertTrue(e.getMessage().startsWith("a: expected 2×3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpectralNorm.estimate(new double[4], 2, 0, new Rng(1)));
    assertTrue(e.getMessage().startsWith("iterations:"), e.getMessage());
  }
}
