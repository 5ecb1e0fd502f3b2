package io.horizon.core.stable;

/**
 * The symmetric McCulloch table of THEORY §7.1 on 201 α values in [1, 2]: ν_α = (q.95 − q.05)/(q.75 − q.25)
 * and φ_3(α) = q.75 − q.25 of the unit SαS law {@code E e^{iωX} = e^{−|ω|^α}}, from exact quantiles
 * (resource {@code /stable/sas_quantile_grid.txt}, written by the generator script beside it).
 */
final class SymmetricStableTable {
  static final String RESOURCE = "/stable/sas_quantile_grid.txt";

  private final double[] alpha;
  private final double[] phi3;
  private final double[] nuByAlpha;
  private final double[] nuAscending;
  private final double[] alphaByNu;

  private SymmetricStableTable(NumericSections source) {
    this.alpha = source.column("quantiles", 0, 3);
    double[] q75 = source.column("quantiles", 1, 3);
    double[] q95 = source.column("quantiles", 2, 3);
    source.requireIncreasing("alpha", alpha);
    int n = alpha.length;
    this.phi3 = new double[n];
    this.nuByAlpha = new double[n];
    this.nuAscending = new double[n];
    this.alphaByNu = new double[n];
    for (int i = 0; i < n; i++) {
      phi3[i] = 2 * q75[i];
      nuByAlpha[i] = q95[i] / q75[i];
      nuAscending[n - 1 - i] = nuByAlpha[i];
      alphaByNu[n - 1 - i] = alpha[i];
    }
    source.requireIncreasing("nu (q95/q75 read from the largest alpha down)", nuAscending);
  }

  /** The table built from the packaged resource, loaded once. */
  static SymmetricStableTable standard() {
    return Holder.TABLE;
  }

  /** α̂ = ν_α^{-1}(ν̂): monotone inversion with linear interpolation, ν̂ clamped to the table range (THEORY §7.1). */
  double alphaForNu(double nu) {
    return PiecewiseLinear.at(nuAscending, alphaByNu, nu);
  }

  /** φ_3(α) = IQR of the unit-scale SαS(α), linearly interpolated, α clamped to [1, 2] (THEORY §7.1). */
  double phi3(double a) {
    return PiecewiseLinear.at(alpha, phi3, a);
  }

  /** ν_α = (q.95 − q.05)/(q.75 − q.25) of the unit-scale SαS(α), linearly interpolated (THEORY §7.1). */
  double nu(double a) {
    return PiecewiseLinear.at(alpha, nuByAlpha, a);
  }

  /** Smallest tabulated α (1). */
  double minAlpha() {
    return alpha[0];
  }

  /** Largest tabulated α (2). */
  double maxAlpha() {
    return alpha[alpha.length - 1];
  }

  private static final class Holder {
    static final SymmetricStableTable TABLE = new SymmetricStableTable(NumericSections.read(RESOURCE));
  }
}
