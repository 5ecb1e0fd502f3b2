package io.horizon.core.stable;

/**
 * Estimates the parameters of an α-stable law from the samples of one lag (THEORY §7.1). Every implementation
 * works on the sorted sample only, so its result does not depend on the order in which the samples arrived.
 */
public interface StableEstimator {

  /** The fit of {@code sample}; bad samples (too few, constant, NaN/Inf) give an unreliable fit, never an error. */
  StableFit fit(FiniteSample sample);

  /** The fit of {@code values[0 .. count)}. */
  default StableFit fit(double[] values, int count) {
    return fit(FiniteSample.of(values, count));
  }
}
