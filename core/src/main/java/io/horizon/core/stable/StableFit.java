package io.horizon.core.stable;

/**
 * One per-lag α-stable fit (THEORY §7.1): index α, skewness β, scale γ and location δ of
 * {@code E e^{iωX} = exp(iδω − γ^α|ω|^α (1 − iβ sign(ω) tan(πα/2)))} (S1; β = 0 for the symmetric methods, whose
 * δ is the sample median).
 *
 * @param alpha tail index α̂
 * @param beta skewness β̂ (0 for the symmetric estimators)
 * @param gamma scale γ̂
 * @param delta location δ̂
 * @param n finite samples the fit used
 * @param reliable false when one of the THEORY §7.1 guards fired
 * @param reason why the fit is unreliable; empty when it is reliable
 * @param method the estimator that produced the numbers (a fallback shows here)
 */
public record StableFit(
    double alpha, double beta, double gamma, double delta, long n, boolean reliable, String reason,
    StableMethod method) {

  /** The fallback of THEORY §7.1 when no fit is possible: α = 2, γ = 0, unreliable with {@code reason}. */
  static StableFit notFitted(StableMethod method, long n, double location, String reason) {
    return new StableFit(2.0, 0.0, 0.0, location, n, false, reason, method);
  }

  /** The fit of the mirrored samples {@code −X}: the same α and γ, opposite β and δ (THEORY §5.3 sign gauge). */
  public StableFit mirrored() {
    return new StableFit(alpha, -beta, gamma, -delta, n, reliable, reason, method);
  }
}
