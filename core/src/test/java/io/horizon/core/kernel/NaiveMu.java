package io.horizon.core.kernel;

import io.horizon.core.model.RetentionTrace;

/** μ of one window computed the slow way (THEORY §4.1–4.3): explicit products and sums over j = t-ℓ+1 … t. */
final class NaiveMu {
  private NaiveMu() {}

  /** μ^{(q)}_{b,t,ℓ} of {@code trace}, with the first-order term and the GRU reset envelopes when asked for. */
  static double of(RetentionTrace trace, int b, int t, int ell, int q, boolean firstOrder, boolean reset) {
    int length = trace.length();
    int h = trace.hiddenSize();
    boolean withReset = reset && trace.logReset() != null;
    double gamma = 1;
    double rho = 1;
    double sum = 0;
    for (int j = t - ell + 1; j <= t; j++) {
      int i = (b * length + j) * h + q;
      gamma *= Math.exp(trace.logRetention()[i]);
      sum += trace.firstOrderRatio()[i];
      if (withReset) {
        rho *= Math.exp(trace.logReset()[i]);
      }
    }
    double g0 = gamma * (trace.readout() == null ? 1 : trace.readout()[(b * length + t) * h + q]);
    double mu = g0 + (firstOrder ? g0 * sum : 0);
    if (withReset) {
      mu += rho + gamma * rho;
    }
    return mu;
  }
}
