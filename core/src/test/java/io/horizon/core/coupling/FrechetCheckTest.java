package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.model.Architecture;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Fréchet first-order check (THEORY §3.2, §12.3 item 3) on its reference set-up and on closed forms. */
class FrechetCheckTest {

  @ParameterizedTest
  @EnumSource(value = Architecture.class, names = {"CONST", "SHARED", "DIAG"})
  void truncationErrorIsSecondOrder(Architecture architecture) {
    FrechetResult result = FrechetCheck.run(FrechetSetup.factors(architecture, 0.8, 31));
    assertEquals(2.0, result.slope(), 0.05, architecture + " slope, errors " + List.of(result.errors()));
    assertEquals(FrechetSetup.LENGTH, result.stepRatios().length);
    for (int e = 0; e < result.epsilons().length; e++) {
      double eps = result.epsilons()[e];
      assertEquals(result.errors()[e] / (eps * eps), result.secondOrder()[e], 1e-12 * result.secondOrder()[e]);
    }
  }

  @Test
  void setUpIsReproducible() {
    ProductFactors a = FrechetSetup.factors(Architecture.SHARED, 0.8, 5);
    ProductFactors b = FrechetSetup.factors(Architecture.SHARED, 0.8, 5);
    assertArrayEquals(a.corrections().get(40), b.corrections().get(40));
  }

  @Test
  void twoCommutingFactorsHaveTheClosedFormError() {
    double a = 0.5;
    double b = 0.25;
    double[] dominant = {a, 0, 0, a};
    double[] correction = {b, 0, 0, b};
    FrechetResult result = FrechetCheck.run(new ProductFactors(2, List.of(dominant, dominant),
        List.of(correction, correction)));
    for (int e = 0; e < result.epsilons().length; e++) {
      double eps = result.epsilons()[e];
      double expected = Math.sqrt(2) * b * b * eps * eps;
      assertEquals(expected, result.errors()[e], 1e-9 * expected + 1e-15, "E at ε=" + eps);
    }
    assertArrayEquals(new double[] {b / a, b / a}, result.stepRatios(), 1e-15);
  }

  @Test
  void mismatchedFactorsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProductFactors(2, List.of(new double[4]), List.of(new double[3])));
    assertTrue(e.getMessage().startsWith("corrections[0]:"), e.getMessage());
  }
}
