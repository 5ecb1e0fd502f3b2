package io.horizon.core.stable;

/**
 * McCulloch's (1986) Tables III, IV, V and VII (resource {@code /stable/mcculloch_tables.txt}, exported from
 * SciPy 1.10 by the script beside it), with the paper's symmetry for negative arguments: ψ_1 is even in ν_β,
 * ψ_2 odd in ν_β, φ_3 even in β, φ_5 odd in β.
 */
final class McCullochTables {
  static final String RESOURCE = "/stable/mcculloch_tables.txt";

  private final double minNuAlpha;
  private final BilinearTable alphaOfNu;
  private final BilinearTable betaOfNu;
  private final BilinearTable phi3;
  private final BilinearTable phi5;

  private McCullochTables(NumericSections source) {
    double[] nuAlpha = source.axis("nu_alpha");
    double[] nuBeta = source.axis("nu_beta");
    double[] alpha = source.axis("alpha");
    double[] beta = source.axis("beta");
    source.requireIncreasing("[nu_alpha]", nuAlpha);
    source.requireIncreasing("[nu_beta]", nuBeta);
    source.requireIncreasing("[alpha]", alpha);
    source.requireIncreasing("[beta]", beta);
    this.minNuAlpha = nuAlpha[0];
    this.alphaOfNu = new BilinearTable(nuAlpha, nuBeta, source.table("alpha_of_nu", nuAlpha.length, nuBeta.length));
    this.betaOfNu = new BilinearTable(nuAlpha, nuBeta, source.table("beta_of_nu", nuAlpha.length, nuBeta.length));
    this.phi3 = new BilinearTable(alpha, beta, source.table("phi3", alpha.length, beta.length));
    this.phi5 = new BilinearTable(alpha, beta, source.table("phi5", alpha.length, beta.length));
  }

  /** The tables from the packaged resource, loaded once. */
  static McCullochTables standard() {
    return Holder.TABLES;
  }

  /** Smallest tabulated ν_α (2.439, the Gaussian value); below it McCulloch sets α̂ = 2. */
  double minNuAlpha() {
    return minNuAlpha;
  }

  /** α = ψ_1(ν_α, ν_β), Table III, even in ν_β. */
  double alpha(double nuAlpha, double nuBeta) {
    return alphaOfNu.at(nuAlpha, Math.abs(nuBeta));
  }

  /** β = ψ_2(ν_α, ν_β), Table IV, odd in ν_β. */
  double beta(double nuAlpha, double nuBeta) {
    double value = betaOfNu.at(nuAlpha, Math.abs(nuBeta));
    return nuBeta < 0 ? -value : value;
  }

  /** φ_3(α, β) = (q.75 − q.25)/γ, Table V, even in β. */
  double phi3(double alpha, double beta) {
    return phi3.at(alpha, Math.abs(beta));
  }

  /** φ_5(α, β) = (ζ − q.50)/γ, Table VII, odd in β. */
  double phi5(double alpha, double beta) {
    double value = phi5.at(alpha, Math.abs(beta));
    return beta < 0 ? -value : value;
  }

  private static final class Holder {
    static final McCullochTables TABLES = new McCullochTables(NumericSections.read(RESOURCE));
  }
}
