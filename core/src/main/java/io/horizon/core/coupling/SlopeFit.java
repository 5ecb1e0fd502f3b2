package io.horizon.core.coupling;

import io.horizon.core.learnability.LeastSquares;
import io.horizon.core.learnability.LinearFit;
import io.horizon.core.learnability.Quantiles;
import java.util.Arrays;

/**
 * The S1 slope of THEORY §10.2: OLS {@code log S_{t,k} = a + s log P_{t,k}} over the pairs with S, P > 0 whose
 * predictor lies within its central quantiles [0.01, 0.99].
 *
 * @param slope s
 * @param intercept a
 * @param r2 R² of the fit
 * @param pairs the pairs in the fit
 */
public record SlopeFit(double slope, double intercept, double r2, int pairs) {
  /** Fewest pairs for a slope (THEORY §10.2). */
  public static final int MIN_PAIRS = 50;
  /** Central predictor quantiles kept in the fit (THEORY §10.2). */
  public static final double LOWER_QUANTILE = 0.01;
  /** Upper end of the central predictor quantiles. */
  public static final double UPPER_QUANTILE = 0.99;

  /** The fit over paired {@code sensitivity} and {@code predictor}, or null below {@link #MIN_PAIRS} usable pairs. */
  public static SlopeFit fit(double[] sensitivity, double[] predictor) {
    if (sensitivity.length != predictor.length) {
      throw new IllegalArgumentException("predictor: expected " + sensitivity.length + " values (one per sensitivity),"
          + " got " + predictor.length);
    }
    double[] positive = Arrays.stream(predictor).filter(p -> p > 0 && Double.isFinite(p)).sorted().toArray();
    if (positive.length == 0) {
      return null;
    }
    double lo = Quantiles.ofSorted(positive, LOWER_QUANTILE);
    double hi = Quantiles.ofSorted(positive, UPPER_QUANTILE);
    double[] logS = new double[predictor.length];
    double[] logP = new double[predictor.length];
    int count = 0;
    for (int i = 0; i < predictor.length; i++) {
      double s = sensitivity[i];
      double p = predictor[i];
      if (s > 0 && Double.isFinite(s) && p > 0 && p >= lo && p <= hi) {
        logS[count] = Math.log(s);
        logP[count] = Math.log(p);
        count++;
      }
    }
    if (count < MIN_PAIRS || lo == hi) {
      return null;
    }
    LinearFit fit = LeastSquares.fit("S1 slope", Arrays.copyOf(logS, count), Arrays.copyOf(logP, count));
    return new SlopeFit(fit.coefficients()[1], fit.coefficients()[0], fit.r2(), count);
  }
}
