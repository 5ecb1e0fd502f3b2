package io.horizon.core.learnability;

import java.util.Arrays;

/**
 * "How many sequences do I need to learn lag L?": N(L) = C f̂(L)^{−κ_α} from the master proportionality (LW-43),
 * with f̂(L) extrapolated by the winning envelope fit (THEORY §7.5) and log C = median over the reached lags of
 * log N_min(ℓ) + κ_α log f̂(ℓ) (log f̂ = {@code f_logmean}, the fitted envelope).
 *
 * @param targetLag the lag L asked about
 * @param sequences predicted N (may be +∞ when it exceeds the double range; see {@code logSequences})
 * @param logSequences natural log of N
 * @param envelope f̂(L) used
 * @param extrapolation envelope law that produced f̂(L)
 * @param regime scaling regime of the envelope (THEORY §6.4)
 * @param kappa κ_α used
 * @param calibrationLags reached lags the constant C was calibrated on
 * @param extrapolatedLag L lies outside the diagnostic lag grid
 * @param extrapolatedBudget N lies outside the budget grid
 */
public record DataBudget(
    int targetLag,
    double sequences,
    double logSequences,
    double envelope,
    EnvelopeLaw extrapolation,
    ScalingRegime regime,
    double kappa,
    int calibrationLags,
    boolean extrapolatedLag,
    boolean extrapolatedBudget) {

  /** Predicts N for lag {@code targetLag} from a budget scan, its envelope fits, regime and κ_α. */
  public static DataBudget predict(
      int targetLag, SampleComplexity complexity, EnvelopeFits fits, ScalingRegime regime, double kappa) {
    if (targetLag < 1) {
      throw new IllegalArgumentException("target-lag: must be at least 1, got " + targetLag);
    }
    LagStatistics s = complexity.statistics();
    double[] offsets = new double[s.size()];
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      long nMin = complexity.minimalBudget(i);
      if (nMin != SampleComplexity.NOT_REACHED) {
        offsets[n++] = Math.log(nMin) + kappa * s.fLogMean()[i];
      }
    }
    if (n == 0) {
      throw new IllegalArgumentException("data budget: no lag reached SNR > " + complexity.threshold()
          + " within the budget grid (max N = " + complexity.budgets()[complexity.budgets().length - 1]
          + "), so N(ℓ) = C f(ℓ)^(-κ) cannot be calibrated");
    }
    double logC = Quantiles.median(Arrays.copyOf(offsets, n));
    LawFit law = fits.winnerFit();
    double logF = law.logValue(targetLag);
    double logN = logC - kappa * logF;
    double sequences = Math.exp(logN);
    int[] lags = s.lags();
    long[] budgets = complexity.budgets();
    boolean outsideLags = targetLag < lags[0] || targetLag > lags[lags.length - 1];
    boolean outsideBudgets = sequences < budgets[0] || sequences > budgets[budgets.length - 1];
    return new DataBudget(targetLag, sequences, logN, Math.exp(logF), law.law(), regime, kappa, n, outsideLags,
        outsideBudgets);
  }
}
