package io.horizon.core.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.DiagnosticResult;
import org.junit.jupiter.api.Test;

/** N_min(ℓ), Ĥ_N, α pooling and the guards of THEORY §7.2–7.3 on small hand-checkable cases. */
class SampleComplexityTest {
  private static final int[] LAGS = {1, 2, 3, 4};
  private static final long[] BUDGETS = {10, 100, 1000};
  private static final double C = SampleComplexity.DEFAULT_THRESHOLD;

  private static LagStatistics stats(double[] alpha, boolean[] reliable, double[] gamma, double[] mbar,
      long[] samples) {
    int n = alpha.length;
    double[] f = SyntheticStatistics.filled(n, 0.5);
    double[][] profile = new double[n][1];
    return new LagStatistics(java.util.Arrays.copyOf(LAGS, n), f, SyntheticStatistics.filled(n, Math.log(0.5)),
        alpha, gamma, reliable, mbar, samples, profile, null);
  }

  /** The definition of §7.3 written out: scan the grid in order, stop at the sample cap. */
  private static long bruteForceMinimalBudget(double m, double gamma, double alpha, long samples) {
    for (long n : BUDGETS) {
      if (n > samples) {
        return SampleComplexity.NOT_REACHED;
      }
      if (gamma > 0 && m * Math.pow(n, 1 - 1 / Math.max(1, alpha)) / gamma > C) {
        return n;
      }
    }
    return SampleComplexity.NOT_REACHED;
  }

  /**
   * α = 2, γ = 1: SNR = m √N. Lag 1 (m = 0.05): SNR(10) = 0.158 ⇒ N_min = 10. Lag 2 (m = 0.02): 0.063, 0.2 ⇒ 100.
   * Lag 3 (m = 0.001): 0.032 at N = 1000 ⇒ not reached. Lag 4 (m = 0.004): 0.126 at 1000 ⇒ 1000, so Ĥ_1000 = 4
   * although lag 3 is not learnable (LW-45 takes the maximum).
   */
  @Test
  void minimalBudgetsAndWindowOnAHandCheckedCase() {
    double[] mbar = {0.05, 0.02, 0.001, 0.004};
    LagStatistics s = stats(SyntheticStatistics.filled(4, 2.0), SyntheticStatistics.reliable(4),
        SyntheticStatistics.filled(4, 1.0), mbar, SyntheticStatistics.unlimited(4));
    SampleComplexity c = SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, C);
    assertArrayEquals(new long[] {10, 100, -1, 1000}, c.minimalBudgets());
    for (int i = 0; i < 4; i++) {
      assertEquals(bruteForceMinimalBudget(mbar[i], 1, 2, Long.MAX_VALUE), c.minimalBudget(i));
    }
    assertArrayEquals(new int[] {1, 2, 4}, c.window());
    assertEquals(mbar[1] * Math.sqrt(100), c.snr(1, 100), 1e-15);
  }

  /** A lag is not reached when its N_min would exceed the samples it has (lag 2: needs 100, has 50). */
  @Test
  void budgetsAreCappedAtTheAvailableSampleCount() {
    double[] mbar = {0.05, 0.02, 0.001, 0.004};
    long[] samples = {10, 50, 5000, 999};
    LagStatistics s = stats(SyntheticStatistics.filled(4, 2.0), SyntheticStatistics.reliable(4),
        SyntheticStatistics.filled(4, 1.0), mbar, samples);
    SampleComplexity c = SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, C);
    assertArrayEquals(new long[] {10, -1, -1, -1}, c.minimalBudgets());
    for (int i = 0; i < 4; i++) {
      assertEquals(bruteForceMinimalBudget(mbar[i], 1, 2, samples[i]), c.minimalBudget(i));
    }
    assertArrayEquals(new int[] {1, 1, 1}, c.window());
  }

  /** POOLED: every lag uses the median of the reliable lags' α̂ (1.5, 1.9, 1.7 ⇒ 1.7; the unreliable 1.01 is out). */
  @Test
  void pooledModeUsesTheMedianOfReliableLags() {
    double[] alpha = {1.5, 1.9, 1.7, 1.01};
    boolean[] reliable = {true, true, true, false};
    double[] mbar = {0.02, 0.01, 0.005, 0.003};
    double[] gamma = {1, 1, 1, 1};
    LagStatistics s = stats(alpha, reliable, gamma, mbar, SyntheticStatistics.unlimited(4));
    SampleComplexity pooled = SampleComplexity.of(s, AlphaMode.POOLED, BUDGETS, C);
    SampleComplexity perLag = SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, C);
    for (int i = 0; i < 4; i++) {
      assertEquals(1.7, pooled.alphaUsed()[i]);
      assertEquals(bruteForceMinimalBudget(mbar[i], 1, 1.7, Long.MAX_VALUE), pooled.minimalBudget(i));
      assertEquals(bruteForceMinimalBudget(mbar[i], 1, alpha[i], Long.MAX_VALUE), perLag.minimalBudget(i));
    }
    AlphaSummary summary = AlphaSummary.of(s);
    assertEquals(1.7, summary.pooled());
    assertEquals(3, summary.pooledLags());
    assertEquals(1.5, summary.min());
    assertEquals(1.9, summary.max());

    LagStatistics none = stats(alpha, new boolean[4], gamma, mbar, SyntheticStatistics.unlimited(4));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SampleComplexity.of(none, AlphaMode.POOLED, BUDGETS, C));
    assertTrue(e.getMessage().startsWith("alpha:"), e.getMessage());
    AlphaSummary fallback = AlphaSummary.of(none);
    assertEquals(false, fallback.fromReliableLags());
    assertEquals(4, fallback.pooledLags());
  }

  /**
   * §7.2 guards: α̂ ≤ 1 is floored at 1 in the SNR (exponent 0: SNR = m/γ at every N) and counts as 2 in κ; a lag
   * with γ̂ = 0 (no scale estimate) is never reached. Lag 4 (α = 2, m = 0.02) is the control: 0.063, 0.2 ⇒ 100.
   */
  @Test
  void guardsForSmallAlphaAndMissingScale() {
    double[] mbar = {0.2, 0.05, 1.0, 0.02};
    double[] gamma = {1, 1, 0, 1};
    double[] alpha = {0.9, 0.9, 2, 2};
    LagStatistics s = stats(alpha, SyntheticStatistics.reliable(4), gamma, mbar, SyntheticStatistics.unlimited(4));
    SampleComplexity c = SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, C);
    assertEquals(0.2, c.snr(0, 10), 1e-15);
    assertEquals(0.2, c.snr(0, 1000), 1e-15);
    assertArrayEquals(new long[] {10, -1, -1, 100}, c.minimalBudgets());
    assertEquals(2.0, c.kappa(0));
    assertEquals(2.0, StableExponents.kappa(2.0));
    assertEquals(3.0, StableExponents.kappa(1.5), 1e-15);
  }

  /** ε̂_N(ℓ) = f̂(ℓ)(N_min/N)^{1/κ}: equals f̂ at N = N_min and halves at 4 N_min when α = 2 (κ = 2). */
  @Test
  void noiseFloorScalesWithTheBudget() {
    double[] mbar = {0.05, 0.02, 0.001, 0.004};
    LagStatistics s = stats(SyntheticStatistics.filled(4, 2.0), SyntheticStatistics.reliable(4),
        SyntheticStatistics.filled(4, 1.0), mbar, SyntheticStatistics.unlimited(4));
    SampleComplexity c = SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, C);
    assertEquals(0.5, c.noiseFloor(1, 100).orElseThrow(), 1e-15);
    assertEquals(0.25, c.noiseFloor(1, 400).orElseThrow(), 1e-15);
    assertTrue(c.noiseFloor(2, 1000).isEmpty());
  }

  @Test
  void badSettingsAndInputsAreRejectedByName() {
    assertEquals(AlphaMode.PER_LAG, AlphaMode.parse(" Per-Lag "));
    assertEquals(AlphaMode.POOLED, AlphaMode.parse("pooled"));
    assertEquals("per-lag", AlphaMode.PER_LAG.toString());
    assertMessage("alpha-mode:", () -> AlphaMode.parse("mean"));
    LagStatistics s = stats(SyntheticStatistics.filled(4, 2.0), SyntheticStatistics.reliable(4),
        SyntheticStatistics.filled(4, 1.0), SyntheticStatistics.filled(4, 0.1), SyntheticStatistics.unlimited(4));
    assertMessage("budgets:", () -> SampleComplexity.of(s, AlphaMode.PER_LAG, new long[] {10, 10}, C));
    assertMessage("threshold:", () -> SampleComplexity.of(s, AlphaMode.PER_LAG, BUDGETS, Double.NaN));
    assertMessage("gamma[1] is NaN", () -> stats(SyntheticStatistics.filled(4, 2.0), SyntheticStatistics.reliable(4),
        new double[] {1, Double.NaN, 1, 1}, SyntheticStatistics.filled(4, 0.1), SyntheticStatistics.unlimited(4)));
    assertMessage("alpha_reliable", () -> stats(SyntheticStatistics.filled(4, 2.0), new boolean[3],
        SyntheticStatistics.filled(4, 1.0), SyntheticStatistics.filled(4, 0.1), SyntheticStatistics.unlimited(4)));
    assertMessage("mbar[2] is Infinity", () -> stats(SyntheticStatistics.filled(4, 2.0),
        SyntheticStatistics.reliable(4), SyntheticStatistics.filled(4, 1.0),
        new double[] {0, 0, Double.POSITIVE_INFINITY, 0}, SyntheticStatistics.unlimited(4)));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  /** The diagnostic pass output maps onto the lag statistics, with m̂_ℓ = |sum/count| (THEORY §5.4). */
  @Test
  void lagStatisticsFromADiagnosticPass() {
    DiagnosticResult d = new DiagnosticResult(new int[] {4, 8}, new double[] {0.5, 0.25},
        new double[] {Math.log(0.5), Math.log(0.25)}, new double[][] {{0.4, 0.6}, {0.2, 0.3}}, null,
        new long[] {100, 96}, new double[] {-3.0, 4.8}, new int[] {1, 1}, 8);
    LagStatistics s = LagStatistics.of(d, new double[] {1.8, 1.6}, new double[] {0.7, 0.9},
        new boolean[] {true, false}, null);
    assertArrayEquals(new double[] {0.03, 0.05}, s.mbar(), 1e-15);
    assertArrayEquals(new long[] {100, 96}, s.sampleCount());
    assertEquals(2, s.unitProfile()[0].length);
  }
}
