package io.horizon.core.coupling;

/**
 * The two anisotropy measures of THEORY §10.3 from the leading singular values of a matrix:
 * {@code AI_r = σ_1/σ_r} (anisotropy index) and {@code CE_r = Σ_{i≤r} σ_i² / Σ_{i≤R} σ_i²} (energy concentration over
 * the R retained values).
 *
 * @param anisotropy AI_r; +∞ when σ_r = 0 < σ_1, NaN when σ_1 = 0
 * @param concentration CE_r in [0, 1]; NaN for the zero matrix
 */
public record AnisotropyMetrics(double anisotropy, double concentration) {
  /** r of THEORY §10.3. */
  public static final int RANK = 10;
  /** R, the number of singular values retained (THEORY §10.3: top 16). */
  public static final int RETAINED = 16;

  /** AI_r and CE_r of descending singular values {@code sigma}, retaining the first min(R, length) of them. */
  public static AnisotropyMetrics of(double[] sigma, int rank, int retained) {
    if (rank < 1 || rank > retained) {
      throw new IllegalArgumentException("rank: must lie in [1, retained = " + retained + "], got " + rank);
    }
    if (sigma.length < rank) {
      throw new IllegalArgumentException(
          "sigma: rank " + rank + " needs at least " + rank + " singular values, got " + sigma.length);
    }
    for (int i = 0; i < sigma.length; i++) {
      if (!(sigma[i] >= 0) || (i > 0 && sigma[i] > sigma[i - 1])) {
        throw new IllegalArgumentException("sigma[" + i + "]: singular values must be non-negative and descending");
      }
    }
    double head = 0;
    double total = 0;
    for (int i = 0; i < Math.min(retained, sigma.length); i++) {
      double energy = sigma[i] * sigma[i];
      total += energy;
      if (i < rank) {
        head += energy;
      }
    }
    double anisotropy = sigma[0] == 0 ? Double.NaN : sigma[0] / sigma[rank - 1];
    return new AnisotropyMetrics(anisotropy, total == 0 ? Double.NaN : head / total);
  }
}
