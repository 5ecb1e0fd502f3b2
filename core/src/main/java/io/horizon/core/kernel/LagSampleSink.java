package io.horizon.core.kernel;

/**
 * Receives the matched-statistic samples ψ(ℓ) of the diagnostic pass, lag by lag, in chunks. Calls for different
 * lags may arrive concurrently; calls for one lag arrive one at a time, in sequence order.
 */
@FunctionalInterface
public interface LagSampleSink {
  /** Samples {@code values[0 .. count)} of lag index {@code lagIndex} (position in the lag grid). */
  void accept(int lagIndex, double[] values, int count);
}
