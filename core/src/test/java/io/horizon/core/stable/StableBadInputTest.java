package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** THEORY §7.1 guards: bad samples give an unreliable fit with its reason, never an exception or a NaN. */
class StableBadInputTest {

  private static void assertUnreliable(double[] values, String reasonPart) {
    for (StableMethod method : StableMethod.values()) {
      StableFit fit = method.estimator().fit(values, values.length);
      assertFalse(fit.reliable(), method + ": " + fit);
      assertTrue(fit.reason().contains(reasonPart), method + ": " + fit.reason());
      assertEquals(method, fit.method());
      assertEquals(2.0, fit.alpha(), method + ": fallback alpha");
      assertEquals(0.0, fit.gamma(), method + ": fallback gamma");
      assertTrue(Double.isFinite(fit.delta()), method + ": " + fit);
    }
  }

  @Test
  void fewerThan500Samples() {
    assertUnreliable(StableSampler.symmetric(1.5, 1).sample(new Rng(1), 499), "only 499 samples");
  }

  @Test
  void emptySample() {
    assertUnreliable(new double[0], "no samples");
  }

  @Test
  void constantSamples() {
    double[] x = new double[5000];
    Arrays.fill(x, 3.25);
    assertUnreliable(x, "interquartile range");
    for (StableMethod method : StableMethod.values()) {
      assertEquals(3.25, method.estimator().fit(x, x.length).delta(), method + ": location of a constant");
    }
  }

  @Test
  void nanAndInfinitySamples() {
    double[] x = StableSampler.symmetric(1.5, 1).sample(new Rng(2), 5000);
    x[7] = Double.NaN;
    assertUnreliable(x, "1 of 5000 samples are NaN or infinite");
    x[8] = Double.NEGATIVE_INFINITY;
    assertUnreliable(x, "2 of 5000 samples are NaN or infinite");
  }

  @Test
  void alphaAtTheEdgeWithFewSamples() {
    Rng rng = new Rng(3);
    double[] gaussian = new double[1000];
    for (int i = 0; i < gaussian.length; i++) {
      gaussian[i] = rng.gaussian();
    }
    StableFit fit = new SymmetricMcCullochEstimator().fit(gaussian, gaussian.length);
    assertTrue(fit.alpha() >= 1.99, "a Gaussian sample of 1000 reads as alpha near 2: " + fit);
    assertFalse(fit.reliable());
    assertTrue(fit.reason().contains("at the edge of [1.0, 2.0] with only 1000 samples"), fit.reason());
  }

  @Test
  void tinyOrNonFiniteEstimatesAreUnreliable() {
    StableFit tiny = Reliability.judge(StableMethod.ECF, 1.5, 0, 1e-13, 0, 10_000, 1, 2);
    assertFalse(tiny.reliable());
    assertTrue(tiny.reason().contains("scale estimate"), tiny.reason());
    StableFit infinite = Reliability.judge(StableMethod.MCCULLOCH, 1.5, 0, 1, Double.POSITIVE_INFINITY, 10_000, 0.6, 2);
    assertFalse(infinite.reliable());
    assertTrue(infinite.reason().contains("non-finite estimate"), infinite.reason());
    StableFit low = Reliability.judge(StableMethod.MCCULLOCH, 0.55, 0, 1, 0, 10_000, 0.6, 2);
    assertTrue(low.reason().contains("below the estimator's range"), low.reason());
    assertTrue(Reliability.judge(StableMethod.ECF, 1.5, 0, 1, 0, 10_000, 1, 2).reliable());
  }

  @Test
  void badArgumentsNameTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new EcfEstimator().fit(new double[3], 5));
    assertTrue(e.getMessage().startsWith("count:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> FiniteSample.of(null, 0));
    assertTrue(e.getMessage().startsWith("values:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> StableMethod.parse("hill"));
    assertTrue(e.getMessage().contains("mcculloch-sym|mcculloch|ecf"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new StableSampler(2.5, 0, 1, 0));
    assertTrue(e.getMessage().startsWith("alpha:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new StableSampler(1.5, 0, -1, 0));
    assertTrue(e.getMessage().startsWith("gamma:"), e.getMessage());
  }

  @Test
  void methodNamesParse() {
    assertEquals(StableMethod.MCCULLOCH_SYMMETRIC, StableMethod.parse("mcculloch-sym"));
    assertEquals(StableMethod.MCCULLOCH, StableMethod.parse("mcculloch"));
    assertEquals(StableMethod.ECF, StableMethod.parse(" ecf "));
    for (StableMethod m : StableMethod.values()) {
      assertEquals(m, StableMethod.parse(m.cliName()));
    }
  }
}
