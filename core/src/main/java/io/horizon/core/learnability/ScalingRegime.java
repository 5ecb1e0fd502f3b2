package io.horizon.core.learnability;

/** Decay class of the envelope, which fixes how the learnability window grows with N (THEORY §6.4). */
public enum ScalingRegime {
  /** f ≍ e^{−λℓ}: H_N ≍ (1/(λκ_α)) log N. */
  EXPONENTIAL("exponential"),
  /** f ≍ ℓ^{−β}: H_N ≍ N^{1/(βκ_α)}. */
  POLYNOMIAL("polynomial"),
  /** f ≍ (log ℓ)^{−β}: H_N ≍ exp(c N^{1/(βκ_α)}). */
  LOGARITHMIC("logarithmic"),
  /** The best-fitting law does not decay (rate ≤ 0): no finite growth law applies. */
  NON_DECAYING("non-decaying");

  private final String label;

  ScalingRegime(String label) {
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
