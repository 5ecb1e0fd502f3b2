package io.horizon.core.stable;

import java.util.Optional;

/**
 * Symmetric McCulloch (1986) quantile estimator (THEORY §7.1): ν̂ = (q.95 − q.05)/(q.75 − q.25) inverted on the
 * exact 201-point SαS grid, γ̂ = (q.75 − q.25)/φ_3(α̂), δ̂ = q.50, quantiles by NumPy's linear rule.
 */
public final class SymmetricMcCullochEstimator implements StableEstimator {
  private final SymmetricStableTable table = SymmetricStableTable.standard();

  @Override
  public StableFit fit(FiniteSample sample) {
    Optional<StableFit> rejected = Reliability.screen(sample, StableMethod.MCCULLOCH_SYMMETRIC);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    double[] q = sample.quantiles(0.05, 0.25, 0.5, 0.75, 0.95);
    double iqr = q[3] - q[1];
    double alpha = table.alphaForNu((q[4] - q[0]) / iqr);
    double gamma = iqr / table.phi3(alpha);
    return Reliability.judge(StableMethod.MCCULLOCH_SYMMETRIC, alpha, 0.0, gamma, q[2], sample.size(),
        table.minAlpha(), table.maxAlpha());
  }
}
