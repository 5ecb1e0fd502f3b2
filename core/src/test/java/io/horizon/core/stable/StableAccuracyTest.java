package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on seeded synthetic stable samples (THEORY §12.4, §12.5): α̂ and γ̂ of the symmetric estimators, β̂ of
 * full McCulloch, Gaussian and Cauchy limits, and the N^{−1/κ_α} scale of averages.
 */
class StableAccuracyTest {
  private static final double[] ALPHAS = {1.1, 1.3, 1.5, 1.7, 1.9, 2.0};
  private static final int N = 100_000;
  private static final int REPLICATES = 3;

  private static double[] draw(StableSampler law, long seed, int n) {
    return law.sample(new Rng(seed), n);
  }

  private static double alphaMae(StableMethod method) {
    StableEstimator estimator = method.estimator();
    double total = 0;
    for (double alpha : ALPHAS) {
      for (int r = 0; r < REPLICATES; r++) {
        double[] x = draw(StableSampler.symmetric(alpha, 1.0), Rng.derive(r, "alpha " + alpha), N);
        StableFit fit = estimator.fit(x, N);
        assertEquals(method, fit.method(), "no fallback at alpha=" + alpha);
        total += Math.abs(fit.alpha() - alpha);
      }
    }
    return total / (ALPHAS.length * REPLICATES);
  }

  @Test
  void symmetricMcCullochAlphaMaeBelowTwoHundredthsAtHundredThousand() {
    double mae = alphaMae(StableMethod.MCCULLOCH_SYMMETRIC);
    assertTrue(mae < 0.02, "MAE " + mae);
  }

  @Test
  void ecfAlphaMaeBelowTwoHundredthsAtHundredThousand() {
    double mae = alphaMae(StableMethod.ECF);
    assertTrue(mae < 0.02, "MAE " + mae);
  }

  @Test
  void fullMcCullochRecoversSkewness() {
    McCullochEstimator estimator = new McCullochEstimator();
    for (double alpha : new double[] {1.2, 1.5}) {
      for (double beta : new double[] {-0.5, 0.0, 0.5}) {
        double[] x = draw(new StableSampler(alpha, beta, 1.0, 0.0), Rng.derive(7, alpha + "/" + beta), N);
        StableFit fit = estimator.fit(x, N);
        assertTrue(Math.abs(fit.beta() - beta) < 0.1, "alpha=" + alpha + " beta=" + beta + ": " + fit);
        assertTrue(Math.abs(fit.alpha() - alpha) < 0.05, "alpha=" + alpha + " beta=" + beta + ": " + fit);
      }
    }
  }

  @Test
  void gaussianGivesAlphaTwoAndScaleSigmaOverRootTwo() {
    double sigma = 3.0;
    Rng rng = new Rng(11);
    double[] x = new double[1_000_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = sigma * rng.gaussian();
    }
    for (StableMethod method : StableMethod.values()) {
      StableFit fit = method.estimator().fit(x, x.length);
      assertTrue(fit.alpha() > 1.98, method + ": " + fit);
      assertEquals(sigma / Math.sqrt(2), fit.gamma(), 0.01 * sigma / Math.sqrt(2), method + ": " + fit);
      assertTrue(fit.reliable(), method + ": " + fit);
    }
  }

  @Test
  void cauchyGivesAlphaOneAndItsScale() {
    double scale = 3.0;
    Rng rng = new Rng(12);
    double[] x = new double[1_000_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = scale * Math.tan(Math.PI * (rng.uniform() - 0.5));
    }
    for (StableMethod method : StableMethod.values()) {
      StableFit fit = method.estimator().fit(x, x.length);
      assertEquals(1.0, fit.alpha(), 0.02, method + ": " + fit);
      assertEquals(scale, fit.gamma(), 0.01 * scale, method + ": " + fit);
    }
  }

  @Test
  void chambersMallowsStuckAlphaOnePointFiveWithinFiveHundredths() {
    double[] x = draw(StableSampler.symmetric(1.5, 1.0), 13, N);
    for (StableMethod method : StableMethod.values()) {
      StableFit fit = method.estimator().fit(x, N);
      assertEquals(1.5, fit.alpha(), 0.05, method + ": " + fit);
      assertEquals(1.0, fit.gamma(), 0.03, method + ": " + fit);
    }
  }

  /** THEORY §12.5 / §6.1: the mean of N i.i.d. SαS(α, γ) is SαS(γ N^{−1/κ_α}), κ_α = α/(α − 1). */
  @Test
  void averagesOfNDrawsHaveScaleGammaTimesNToMinusOneOverKappa() {
    double alpha = 1.5;
    double gamma = 2.0;
    double kappa = alpha / (alpha - 1);
    int averages = 20_000;
    StableSampler law = StableSampler.symmetric(alpha, gamma);
    SymmetricMcCullochEstimator estimator = new SymmetricMcCullochEstimator();
    int[] sizes = {1, 4, 16, 64};
    double[] logN = new double[sizes.length];
    double[] logScale = new double[sizes.length];
    for (int s = 0; s < sizes.length; s++) {
      Rng rng = new Rng(Rng.derive(14, "N=" + sizes[s]));
      double[] means = new double[averages];
      for (int i = 0; i < averages; i++) {
        double sum = 0;
        for (int j = 0; j < sizes[s]; j++) {
          sum += law.sample(rng);
        }
        means[i] = sum / sizes[s];
      }
      StableFit fit = estimator.fit(means, averages);
      double predicted = gamma * Math.pow(sizes[s], -1 / kappa);
      assertEquals(predicted, fit.gamma(), 0.05 * predicted, "N=" + sizes[s] + ": " + fit);
      assertEquals(alpha, fit.alpha(), 0.08, "N=" + sizes[s] + ": " + fit);
      logN[s] = Math.log(sizes[s]);
      logScale[s] = Math.log(fit.gamma());
    }
    assertEquals(-1 / kappa, slope(logN, logScale), 0.02);
  }

  private static double slope(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxy / sxx;
  }
}
