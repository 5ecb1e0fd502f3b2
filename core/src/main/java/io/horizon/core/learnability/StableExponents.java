package io.horizon.core.learnability;

/** Exponents of the α-stable noise model with the guards of THEORY §7.2. */
public final class StableExponents {
  private StableExponents() {}

  /** Growth exponent 1 − 1/α of SNR_ℓ(N) = m̂ N^{1−1/α}/γ̂ (THEORY §7.3), with α floored at 1 (§7.2). */
  public static double snrExponent(double alpha) {
    return 1.0 - 1.0 / Math.max(1.0, alpha);
  }

  /** Concentration exponent κ_α = α/(α−1) (LW-37), with α ≤ 1 treated as 2 (THEORY §7.2 guard). */
  public static double kappa(double alpha) {
    double a = alpha <= 1.0 ? 2.0 : alpha;
    return a / (a - 1.0);
  }
}
