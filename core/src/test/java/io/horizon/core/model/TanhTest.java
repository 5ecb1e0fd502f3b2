package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/** {@link Tanh} against the JDK's fdlibm {@link StrictMath#tanh} (error ≤ 2.5 ulp) across the whole line. */
class TanhTest {
  @Test
  void matchesStrictMathToRelativeErrorBelow1em15() {
    Rng rng = new Rng(5);
    double worst = 0;
    for (int i = 0; i < 400_000; i++) {
      double x = Math.scalb(rng.uniform(-1, 1), rng.nextInt(70) - 60);
      double expected = StrictMath.tanh(x);
      double error = Math.abs(Tanh.of(x) - expected) / Math.abs(expected);
      worst = Math.max(worst, error);
      assertTrue(error < 1e-15, "tanh(" + x + "): " + Tanh.of(x) + " vs " + expected);
    }
    assertTrue(worst > 0, "the comparison must see rounding differences, not an identical implementation");
  }

  @Test
  void limitsAndSpecialValues() {
    assertEquals(1.0, Tanh.of(Double.POSITIVE_INFINITY));
    assertEquals(-1.0, Tanh.of(-800));
    assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Tanh.of(-0.0)));
    assertTrue(Double.isNaN(Tanh.of(Double.NaN)));
    double below = Math.nextDown(1.0 / 16);
    assertEquals(StrictMath.tanh(below), Tanh.of(below), 1e-15 * below);
    assertEquals(StrictMath.tanh(1.0 / 16), Tanh.of(1.0 / 16), 1e-15 / 16);
  }
}
