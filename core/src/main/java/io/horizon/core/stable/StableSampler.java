package io.horizon.core.stable;

import io.horizon.core.random.Rng;

/**
 * Seeded α-stable draws by the Chambers–Mallows–Stuck method (THEORY §11.3 item 11; Weron 1996 for β ≠ 0) in the
 * S1 parameterisation of {@link StableFit}: with U ~ U(−π/2, π/2), W ~ Exp(1),
 * X = S sin(α(U + B)) / cos(U)^{1/α} · (cos(U − α(U + B))/W)^{(1−α)/α}, B = atan(β tan(πα/2))/α,
 * S = (1 + β² tan²(πα/2))^{1/(2α)}, and Y = γX + δ (α ≠ 1);
 * X = (2/π)((π/2 + βU) tan U − β log((π/2) W cos U / (π/2 + βU))), Y = γX + (2/π)βγ log γ + δ (α = 1).
 */
public final class StableSampler {
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double delta;
  private final double shiftB;
  private final double factorS;

  /** The law S_α(γ, β, δ) in S1; α ∈ (0, 2], β ∈ [−1, 1], γ &gt; 0, δ finite. */
  public StableSampler(double alpha, double beta, double gamma, double delta) {
    if (!(alpha > 0 && alpha <= 2)) {
      throw new IllegalArgumentException("alpha: " + alpha + " is outside (0, 2]");
    }
    if (!(beta >= -1 && beta <= 1)) {
      throw new IllegalArgumentException("beta: " + beta + " is outside [-1, 1]");
    }
    if (!(gamma > 0 && Double.isFinite(gamma))) {
      throw new IllegalArgumentException("gamma: scale must be positive and finite, got " + gamma);
    }
    if (!Double.isFinite(delta)) {
      throw new IllegalArgumentException("delta: location must be finite, got " + delta);
    }
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.delta = delta;
    double skew = beta * Math.tan(Math.PI * alpha / 2);
    this.shiftB = Math.atan(skew) / alpha;
    this.factorS = Math.pow(1 + skew * skew, 1 / (2 * alpha));
  }

  /** The symmetric law SαS(γ) centred at 0 (THEORY §6.1). */
  public static StableSampler symmetric(double alpha, double gamma) {
    return new StableSampler(alpha, 0.0, gamma, 0.0);
  }

  /** One draw. */
  public double sample(Rng rng) {
    double u = rng.uniform(-Math.PI / 2, Math.PI / 2);
    double w = rng.exponential();
    while (w == 0) {
      w = rng.exponential();
    }
    if (alpha == 1) {
      double tilt = Math.PI / 2 + beta * u;
      double x = (tilt * Math.tan(u) - beta * Math.log(Math.PI / 2 * w * Math.cos(u) / tilt)) * 2 / Math.PI;
      return gamma * x + 2 / Math.PI * beta * gamma * Math.log(gamma) + delta;
    }
    double shifted = alpha * (u + shiftB);
    double x = factorS * Math.sin(shifted) / Math.pow(Math.cos(u), 1 / alpha)
        * Math.pow(Math.cos(u - shifted) / w, (1 - alpha) / alpha);
    return gamma * x + delta;
  }

  /** {@code count} draws. */
  public double[] sample(Rng rng, int count) {
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = sample(rng);
    }
    return out;
  }
}
