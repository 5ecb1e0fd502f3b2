package io.horizon.core.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.kernel.LagGrid;
import org.junit.jupiter.api.Test;

/**
 * DataBudget on a synthetic power-law envelope f = ℓ^{−β} with fixed α, γ, ā, where the exact requirement is
 * SNR > c ⇔ N > (c γ/(ā f(L)))^{κ_α} (THEORY §6.3, §7.3).
 */
class DataBudgetTest {
  private static final double BETA = 0.8;
  private static final double ALPHA = 1.6;
  private static final double KAPPA = ALPHA / (ALPHA - 1);
  private static final double GAMMA = 2;
  private static final double ABAR = 0.3;
  private static final double RATIO = 1.01;
  private static final int[] LAGS = LagGrid.parse(LagGrid.DEFAULT);

  private static LearnabilityReport report(double abar) {
    double[] f = new double[LAGS.length];
    for (int i = 0; i < LAGS.length; i++) {
      f[i] = Math.pow(LAGS[i], -BETA);
    }
    LagStatistics stats = SyntheticStatistics.of(LAGS, f, ALPHA, GAMMA, abar);
    return LearnabilityReport.analyze(stats,
        LearnabilityOptions.defaults().withBudgets(SyntheticStatistics.geometricBudgets(10, 1e7, RATIO)));
  }

  private static double exactBudget(int lag) {
    return Math.pow(SampleComplexity.DEFAULT_THRESHOLD * GAMMA / (ABAR * Math.pow(lag, -BETA)), KAPPA);
  }

  /** The calibrated budget overshoots the exact one by at most the budget grid's spacing (first N above). */
  private static void assertRecovered(DataBudget budget) {
    double excess = budget.logSequences() - Math.log(exactBudget(budget.targetLag()));
    assertTrue(excess > -1e-6 && excess < Math.log(RATIO) + 1e-3, "log N excess " + excess);
  }

  @Test
  void recoversTheBudgetInsideAndBeyondTheGrids() {
    LearnabilityReport report = report(ABAR);
    DataBudget inside = report.budgetFor(100);
    assertRecovered(inside);
    assertFalse(inside.extrapolatedLag());
    assertFalse(inside.extrapolatedBudget());
    assertEquals(EnvelopeLaw.POWER, inside.extrapolation());
    assertEquals(ScalingRegime.POLYNOMIAL, inside.regime());
    assertEquals(Math.pow(100, -BETA), inside.envelope(), 1e-9 * inside.envelope());
    assertEquals(LAGS.length, inside.calibrationLags());

    DataBudget longer = report.budgetFor(2000);
    assertRecovered(longer);
    assertTrue(longer.extrapolatedLag());
    assertFalse(longer.extrapolatedBudget(), "N = " + longer.sequences());

    DataBudget far = report.budgetFor(20000);
    assertRecovered(far);
    assertTrue(far.extrapolatedLag());
    assertTrue(far.extrapolatedBudget(), "N = " + far.sequences());
  }

  @Test
  void refusesWhenNoLagWasReachedOrTheLagIsInvalid() {
    LearnabilityReport hopeless = report(1e-9);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hopeless.budgetFor(100));
    assertTrue(e.getMessage().contains("no lag reached"), e.getMessage());
    IllegalArgumentException lag = assertThrows(IllegalArgumentException.class, () -> report(ABAR).budgetFor(0));
    assertTrue(lag.getMessage().startsWith("target-lag:"), lag.getMessage());
  }
}
