package io.horizon.core.learnability;

import java.util.Arrays;
import java.util.Optional;

/**
 * Sample-complexity regression log N_min(ℓ) = a + b·(−κ_α(ℓ) log f̂(ℓ)) over the reached lags (THEORY §7.5 last
 * paragraph, LW Fig. 3): b = 1 where the master proportionality N ∝ f^{−κ_α} (LW-43) holds exactly. log f̂ is the
 * geometric envelope {@code f_logmean}, the one the envelope fits use.
 *
 * @param fit intercept a, slope b, R², points
 * @param distinctBudgets distinct N_min values among the points
 */
public record ComplexityRegression(LinearFit fit, int distinctBudgets) {
  /** Fewest reached lags for the regression (THEORY §7.5). */
  public static final int MIN_POINTS = 10;
  /** Fewest distinct N_min values (THEORY §7.5). */
  public static final int MIN_DISTINCT_BUDGETS = 3;
  /** α is floored here at 1.01 before κ_α = α/(α−1) (THEORY §7.5). */
  public static final double ALPHA_FLOOR = 1.01;

  /** The regression on the reached lags of {@code complexity}; empty when too few points or distinct budgets. */
  public static Optional<ComplexityRegression> of(SampleComplexity complexity) {
    LagStatistics s = complexity.statistics();
    double[] alpha = complexity.alphaUsed();
    double[] x = new double[s.size()];
    double[] y = new double[s.size()];
    long[] budgets = new long[s.size()];
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      long nMin = complexity.minimalBudget(i);
      if (nMin > 0) {
        x[n] = -StableExponents.kappa(Math.max(ALPHA_FLOOR, alpha[i])) * s.fLogMean()[i];
        y[n] = Math.log(nMin);
        budgets[n++] = nMin;
      }
    }
    int distinct = (int) Arrays.stream(budgets, 0, n).distinct().count();
    if (n < MIN_POINTS || distinct < MIN_DISTINCT_BUDGETS) {
      return Optional.empty();
    }
    LinearFit fit = LeastSquares.fit("sample-complexity regression", Arrays.copyOf(y, n), Arrays.copyOf(x, n));
    return Optional.of(new ComplexityRegression(fit, distinct));
  }

  /** Slope b. */
  public double slope() {
    return fit.coefficients()[1];
  }

  /** Intercept a. */
  public double intercept() {
    return fit.coefficients()[0];
  }
}
