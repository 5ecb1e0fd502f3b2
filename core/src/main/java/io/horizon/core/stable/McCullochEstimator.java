package io.horizon.core.stable;

import java.util.Optional;

/**
 * McCulloch's (1986) quantile estimator of (α, β, γ, δ) in the S1 parameterisation, α on McCulloch's domain
 * [0.6, 2], with his Tables III–VII read by bilinear interpolation (the recipe of SciPy's
 * {@code levy_stable._fitstart}).
 */
public final class McCullochEstimator implements StableEstimator {
  /** Lower end of McCulloch's (1986) α domain. */
  static final double LOWEST_ALPHA = 0.6;

  private final McCullochTables tables = McCullochTables.standard();

  @Override
  public StableFit fit(FiniteSample sample) {
    Optional<StableFit> rejected = Reliability.screen(sample, StableMethod.MCCULLOCH);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    double[] q = sample.quantiles(0.05, 0.25, 0.5, 0.75, 0.95);
    double q05 = q[0];
    double q25 = q[1];
    double q50 = q[2];
    double q75 = q[3];
    double q95 = q[4];
    double nuAlpha = (q95 - q05) / (q75 - q25);
    double nuBeta = (q95 + q05 - 2 * q50) / (q95 - q05);
    double alpha;
    double beta;
    if (nuAlpha >= tables.minNuAlpha()) {
      alpha = clamp(tables.alpha(nuAlpha, nuBeta), Math.ulp(1.0), 2.0);
      beta = clamp(tables.beta(nuAlpha, nuBeta), -1.0, 1.0);
    } else {
      alpha = 2.0;
      beta = Math.signum(nuBeta);
    }
    double gamma = (q75 - q25) / tables.phi3(alpha, beta);
    double zeta = q50 + gamma * tables.phi5(alpha, beta);
    double delta = alpha == 1.0 ? zeta : zeta - beta * gamma * Math.tan(Math.PI * alpha / 2.0);
    return Reliability.judge(StableMethod.MCCULLOCH, alpha, beta, gamma, delta, sample.size(), LOWEST_ALPHA, 2.0);
  }

  private static double clamp(double x, double lo, double hi) {
    return Math.min(Math.max(x, lo), hi);
  }
}
