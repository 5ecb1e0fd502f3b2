package io.horizon.core.learnability;

import java.util.Arrays;

/**
 * Residual R(ℓ) = log N_min(ℓ) − κ_α log(γ̂_ℓ/m̂_ℓ) (LW-73, THEORY §6.5), which is constant where the proportionality
 * N(ℓ) ∝ (γ̂_ℓ/m̂_ℓ)^{κ_α} (LW-71) holds. Defined on the lags whose N_min was reached and whose γ̂ and m̂ are
 * positive.
 *
 * @param lags lags where R is defined
 * @param residuals R(ℓ) at those lags
 */
public record ResidualDiagnostic(int[] lags, double[] residuals) {

  /** R(ℓ) with κ_α of the α each lag's criterion used. */
  public static ResidualDiagnostic of(SampleComplexity complexity) {
    LagStatistics s = complexity.statistics();
    int[] lags = new int[s.size()];
    double[] r = new double[s.size()];
    int n = 0;
    for (int i = 0; i < s.size(); i++) {
      long nMin = complexity.minimalBudget(i);
      if (nMin != SampleComplexity.NOT_REACHED && s.gamma()[i] > 0 && s.mbar()[i] > 0) {
        lags[n] = s.lags()[i];
        r[n++] = Math.log(nMin) - complexity.kappa(i) * Math.log(s.gamma()[i] / s.mbar()[i]);
      }
    }
    return new ResidualDiagnostic(Arrays.copyOf(lags, n), Arrays.copyOf(r, n));
  }
}
