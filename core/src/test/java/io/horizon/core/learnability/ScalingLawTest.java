package io.horizon.core.learnability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * THEORY §12.6: synthetic envelopes with fixed α, γ, ā give Ĥ_N ∝ N^{1/(βκ_α)} (power law) and
 * Ĥ_N ≈ log N/(λκ_α) (exponential); the regime classifier and residual/complexity diagnostics agree.
 */
class ScalingLawTest {
  private static final double ALPHA = 1.5;
  private static final double KAPPA = ALPHA / (ALPHA - 1);
  private static final double GAMMA = 10;
  private static final double ABAR = 0.5;
  private static final double C_THR = SampleComplexity.DEFAULT_THRESHOLD;

  /** OLS slope of y on x, written out: cov(x, y)/var(x). */
  private static double slope(List<double[]> points) {
    double mx = 0;
    double my = 0;
    for (double[] p : points) {
      mx += p[0];
      my += p[1];
    }
    mx /= points.size();
    my /= points.size();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - mx) * (p[1] - my);
      sxx += (p[0] - mx) * (p[0] - mx);
    }
    return sxy / sxx;
  }

  private static LagStatistics power(double beta, int count) {
    int[] lags = SyntheticStatistics.consecutive(count);
    double[] f = new double[count];
    for (int i = 0; i < count; i++) {
      f[i] = Math.pow(lags[i], -beta);
    }
    return SyntheticStatistics.of(lags, f, ALPHA, GAMMA, ABAR);
  }

  @Test
  void powerEnvelopeWindowGrowsAsNToTheOneOverBetaKappa() {
    double beta = 0.5;
    LagStatistics stats = power(beta, 20000);
    SampleComplexity c = SampleComplexity.of(stats, AlphaMode.PER_LAG,
        SyntheticStatistics.geometricBudgets(100, 3e7, 1.02), C_THR);
    long[] budgets = c.budgets();
    int[] window = c.window();
    List<double[]> points = new ArrayList<>();
    for (int b = 0; b < budgets.length; b++) {
      if (window[b] >= 100 && window[b] < 19000) {
        points.add(new double[] {Math.log(budgets[b]), Math.log(window[b])});
      }
    }
    assertTrue(points.size() > 100, "points on the growth curve: " + points.size());
    double expected = 1 / (beta * KAPPA);
    assertEquals(expected, slope(points), 0.05 * expected);

    WindowGrowth growth = WindowGrowth.predict(stats.lags(), stats.fLogMean(), KAPPA);
    assertEquals(ScalingRegime.POLYNOMIAL, growth.regime());
    assertEquals(beta, growth.decayRate(), 1e-9);
    assertEquals(expected, growth.slope(), 1e-9 * expected);
  }

  @Test
  void exponentialEnvelopeWindowGrowsAsLogNOverLambdaKappa() {
    double lambda = 0.02;
    int[] lags = SyntheticStatistics.consecutive(400);
    double[] f = new double[lags.length];
    for (int i = 0; i < lags.length; i++) {
      f[i] = Math.exp(-lambda * lags[i]);
    }
    LagStatistics stats = SyntheticStatistics.of(lags, f, ALPHA, GAMMA, ABAR);
    SampleComplexity c = SampleComplexity.of(stats, AlphaMode.POOLED,
        SyntheticStatistics.geometricBudgets(10, 1e9, 1.02), C_THR);
    long[] budgets = c.budgets();
    int[] window = c.window();
    List<double[]> points = new ArrayList<>();
    for (int b = 0; b < budgets.length; b++) {
      if (window[b] >= 20 && window[b] < 390) {
        points.add(new double[] {Math.log(budgets[b]), window[b]});
      }
    }
    double expected = 1 / (lambda * KAPPA);
    assertEquals(expected, slope(points), 0.05 * expected);

    WindowGrowth growth = WindowGrowth.predict(lags, stats.fLogMean(), KAPPA);
    assertEquals(ScalingRegime.EXPONENTIAL, growth.regime());
    assertEquals(lambda, growth.decayRate(), 1e-12);
    assertEquals(expected, growth.slope(), 1e-9 * expected);
  }

  @Test
  void logarithmicAndNonDecayingEnvelopesAreClassified() {
    int[] lags = SyntheticStatistics.consecutive(5000);
    double beta = 2;
    double[] logF = new double[lags.length];
    double[] rising = new double[lags.length];
    for (int i = 0; i < lags.length; i++) {
      logF[i] = lags[i] > 1 ? -beta * Math.log(Math.log(lags[i])) : 0;
      rising[i] = 0.01 * lags[i];
    }
    WindowGrowth growth = WindowGrowth.predict(lags, logF, KAPPA);
    assertEquals(ScalingRegime.LOGARITHMIC, growth.regime());
    assertEquals(beta, growth.decayRate(), 1e-9);
    assertEquals(1 / (beta * KAPPA), growth.slope(), 1e-9);
    WindowGrowth flat = WindowGrowth.predict(lags, rising, KAPPA);
    assertEquals(ScalingRegime.NON_DECAYING, flat.regime());
    assertEquals(Double.POSITIVE_INFINITY, flat.slope());
  }

  /**
   * With N_min(ℓ) the first budget above (c γ/m̂)^κ, R(ℓ) = log N_min − κ log(γ/m̂) lies in [κ log c, κ log c +
   * log(budget ratio)] (LW-73); the regression of log N_min on −κ log f has slope 1 (LW-43).
   */
  @Test
  void residualIsFlatAndComplexityRegressionHasUnitSlope() {
    double ratio = 1.02;
    LagStatistics stats = power(0.7, 3000);
    SampleComplexity c = SampleComplexity.of(stats, AlphaMode.PER_LAG,
        SyntheticStatistics.geometricBudgets(100, 1e9, ratio), C_THR);
    ResidualDiagnostic r = ResidualDiagnostic.of(c);
    assertEquals(stats.size(), r.lags().length);
    double floor = KAPPA * Math.log(C_THR);
    for (int i = 0; i < r.lags().length; i++) {
      if (c.minimalBudget(i) > c.budgets()[0]) {
        double excess = r.residuals()[i] - floor;
        assertTrue(excess >= -1e-9 && excess <= Math.log(ratio) + 0.01, "R at lag " + r.lags()[i] + ": " + excess);
      }
    }
    ComplexityRegression regression = ComplexityRegression.of(c).orElseThrow();
    assertEquals(1.0, regression.slope(), 0.01);
    assertTrue(regression.fit().r2() > 0.999, "R² " + regression.fit().r2());
  }
}
