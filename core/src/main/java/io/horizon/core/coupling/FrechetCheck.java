package io.horizon.core.coupling;

import io.horizon.core.learnability.LeastSquares;
import io.horizon.core.linalg.Gemm;

/**
 * The Fréchet first-order check of THEORY §3.2: with {@code M(ε) = ∏_j (A_j + ε B_j)} (latest factor on the left),
 * the first-order expansion {@code M(0) + ε M'(0)}, {@code M'(0)} the sum of single insertions (LW-51), must leave a
 * truncation error {@code E(ε)} of order ε². {@code M'(0)} is accumulated exactly by the product rule
 * {@code P'_j = B_j P_{j-1} + A_j P'_{j-1}} (LW-48).
 */
public final class FrechetCheck {
  /** The ε grid of THEORY §3.2. */
  public static final double[] EPSILONS = {1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1};
  /** The number of leading ε of the grid in the slope fit (THEORY §3.2). */
  public static final int SLOPE_POINTS = 5;

  private FrechetCheck() {}

  /** Runs the check on {@code factors} over the THEORY §3.2 ε grid. */
  public static FrechetResult run(ProductFactors factors) {
    int n = factors.size();
    double[] product = Matrices.identity(n);
    double[] derivative = new double[n * n];
    double[] next = new double[n * n];
    double[] nextDerivative = new double[n * n];
    double[] ratios = new double[factors.count()];
    for (int j = 0; j < factors.count(); j++) {
      double[] a = factors.dominant().get(j);
      double[] b = factors.corrections().get(j);
      Gemm.multiply(b, product, nextDerivative, n, n, n);
      Gemm.multiply(a, false, derivative, false, nextDerivative, n, n, n, 1.0);
      Gemm.multiply(a, product, next, n, n, n);
      double[] swap = product;
      product = next;
      next = swap;
      swap = derivative;
      derivative = nextDerivative;
      nextDerivative = swap;
      ratios[j] = SingularValues.of(b, n, n)[0] / SingularValues.of(a, n, n)[0];
    }
    double[] errors = new double[EPSILONS.length];
    double[] secondOrder = new double[EPSILONS.length];
    for (int e = 0; e < EPSILONS.length; e++) {
      double eps = EPSILONS[e];
      double[] exact = perturbedProduct(factors, eps);
      for (int i = 0; i < exact.length; i++) {
        exact[i] -= product[i] + eps * derivative[i];
      }
      errors[e] = Matrices.frobenius(exact);
      secondOrder[e] = errors[e] / (eps * eps);
    }
    return new FrechetResult(EPSILONS.clone(), errors, secondOrder, slope(errors), ratios);
  }

  /** {@code M(ε) = ∏_j (A_j + ε B_j)}, latest factor on the left. */
  private static double[] perturbedProduct(ProductFactors factors, double eps) {
    int n = factors.size();
    double[] product = Matrices.identity(n);
    double[] next = new double[n * n];
    double[] factor = new double[n * n];
    for (int j = 0; j < factors.count(); j++) {
      double[] a = factors.dominant().get(j);
      double[] b = factors.corrections().get(j);
      for (int i = 0; i < factor.length; i++) {
        factor[i] = a[i] + eps * b[i];
      }
      Gemm.multiply(factor, product, next, n, n, n);
      double[] swap = product;
      product = next;
      next = swap;
    }
    return product;
  }

  /** The OLS slope of log E on log ε over the first {@link #SLOPE_POINTS} grid points; NaN if an error is zero. */
  private static double slope(double[] errors) {
    double[] logError = new double[SLOPE_POINTS];
    double[] logEps = new double[SLOPE_POINTS];
    for (int e = 0; e < SLOPE_POINTS; e++) {
      if (!(errors[e] > 0)) {
        return Double.NaN;
      }
      logError[e] = Math.log(errors[e]);
      logEps[e] = Math.log(EPSILONS[e]);
    }
    return LeastSquares.fit("Fréchet log–log slope", logError, logEps).coefficients()[1];
  }
}
