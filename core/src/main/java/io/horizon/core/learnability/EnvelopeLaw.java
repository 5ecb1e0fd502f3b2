package io.horizon.core.learnability;

/** The decay laws fitted to (ℓ, log f̂(ℓ)) (THEORY §7.5 and the §6.4 regimes), each linear in its regressors. */
public enum EnvelopeLaw {
  /** log f = a + b ℓ (THEORY §7.5 exponential; §6.4 exponential regime, λ = −b). */
  EXPONENTIAL("exponential"),
  /** log f = c + d log ℓ (THEORY §7.5 power law; §6.4 polynomial regime, β = −d). */
  POWER("power"),
  /** log f = a + d log ℓ + b ℓ, f ≈ A ℓ^{−β} e^{−ℓ/τ_max} (THEORY §7.5 tempered, AC). */
  TEMPERED("tempered"),
  /** log f = c + d log log ℓ, f ≍ (log ℓ)^{−β} (THEORY §6.4 logarithmic regime, β = −d; needs ℓ > 1). */
  LOGARITHMIC("logarithmic");

  private final String label;

  EnvelopeLaw(String label) {
    this.label = label;
  }

  /** Whether the law's regressors are defined at this lag (ℓ > 0; ℓ > 1 for the logarithmic law). */
  public boolean accepts(double lag) {
    return this == LOGARITHMIC ? lag > 1 : lag > 0;
  }

  /** Regressors of the law at one lag, in coefficient order after the intercept. */
  public double[] regressors(double lag) {
    return switch (this) {
      case EXPONENTIAL -> new double[] {lag};
      case POWER -> new double[] {Math.log(lag)};
      case TEMPERED -> new double[] {Math.log(lag), lag};
      case LOGARITHMIC -> new double[] {Math.log(Math.log(lag))};
    };
  }

  /** Number of fitted coefficients k of the AIC (THEORY §7.5: 2, 2, 3; 2 for the logarithmic law). */
  public int parameterCount() {
    return this == TEMPERED ? 3 : 2;
  }

  @Override
  public String toString() {
    return label;
  }
}
