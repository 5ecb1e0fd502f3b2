package io.horizon.core.coupling;

import io.horizon.core.model.LeakyStepJacobians;
import io.horizon.core.random.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The Jacobian side of S2 (THEORY §10.3): per lag h, windows (k, t] with t − k = h drawn uniformly over sequences and
 * end steps from a seeded stream, their products {@code ∏_{j=k+1}^{t} J_j}, singular values in float64 and the
 * lag-wise median and IQR of AI_r and CE_r.
 */
public final class JacobianAnisotropy {
  /** Lags of THEORY §10.3. */
  public static final int[] LAGS = {1, 2, 4, 8, 12, 16, 24, 32, 40};
  /** Windows per lag of THEORY §10.3. */
  public static final int PAIRS_PER_LAG = 64;

  private JacobianAnisotropy() {}

  /** One {@link LagAnisotropy} per lag of {@code lags} (each in [1, T−1]), {@code pairs} windows each. */
  public static List<LagAnisotropy> measure(
      LeakyStepJacobians jacobians, int[] lags, int pairs, int rank, int retained, long seed) {
    int length = jacobians.length();
    int n = jacobians.hiddenSize();
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs: must be at least 1, got " + pairs);
    }
    if (rank > n) {
      throw new IllegalArgumentException("rank: must be at most the state dimension " + n + ", got " + rank);
    }
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] < 1 || lags[i] >= length) {
        throw new IllegalArgumentException("lags[" + i + "]: lag " + lags[i] + " must lie in [1, " + (length - 1) + "]");
      }
    }
    Rng rng = new Rng(Rng.derive(seed, "coupling/s2/windows"));
    List<LagAnisotropy> out = new ArrayList<>();
    for (int h : lags) {
      double[] anisotropy = new double[pairs];
      double[] concentration = new double[pairs];
      for (int p = 0; p < pairs; p++) {
        int b = rng.nextInt(jacobians.batchSize());
        int t = h + rng.nextInt(length - h);
        double[] product = JacobianProduct.over(jacobians, b, t - h, t);
        AnisotropyMetrics metrics = AnisotropyMetrics.of(SingularValues.of(product, n, n), rank, retained);
        anisotropy[p] = metrics.anisotropy();
        concentration[p] = metrics.concentration();
      }
      out.add(new LagAnisotropy(h, pairs, Spread.of(anisotropy), Spread.of(concentration)));
    }
    return out;
  }
}
