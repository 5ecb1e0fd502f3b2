package io.horizon.core.learnability;

/**
 * One-dimensional Gaussian kernel density estimate with Scott's bandwidth, as {@code scipy.stats.gaussian_kde}
 * (THEORY §7.4 τ KDE): kernel variance = sample variance (ddof 1) × n^{−2/5}.
 */
public final class GaussianKde {
  private final double[] sample;
  private final double kernelVariance;

  /** Builds the estimate from at least two finite values that are not all equal. */
  public GaussianKde(double[] sample) {
    if (sample.length < 2) {
      throw new IllegalArgumentException("kde: need at least 2 sample values, got " + sample.length);
    }
    double mean = 0;
    for (int i = 0; i < sample.length; i++) {
      if (!Double.isFinite(sample[i])) {
        throw new IllegalArgumentException("kde: sample[" + i + "] is " + sample[i]);
      }
      mean += sample[i];
    }
    mean /= sample.length;
    double ss = 0;
    for (double v : sample) {
      ss += (v - mean) * (v - mean);
    }
    double variance = ss / (sample.length - 1);
    if (!(variance > 0)) {
      throw new IllegalArgumentException("kde: the sample has zero variance (all " + sample.length + " values equal)");
    }
    double factor = Math.pow(sample.length, -1.0 / 5.0);
    this.sample = sample.clone();
    this.kernelVariance = variance * factor * factor;
  }

  /** Kernel standard deviation (Scott's factor n^{−1/5} times the sample standard deviation). */
  public double bandwidth() {
    return Math.sqrt(kernelVariance);
  }

  /** Density (1/n) Σ_i φ((x − x_i)/h)/h at every point. */
  public double[] evaluate(double[] points) {
    double norm = 1.0 / (sample.length * Math.sqrt(2 * Math.PI * kernelVariance));
    double[] out = new double[points.length];
    for (int p = 0; p < points.length; p++) {
      double s = 0;
      for (double xi : sample) {
        double d = points[p] - xi;
        s += Math.exp(-0.5 * d * d / kernelVariance);
      }
      out[p] = s * norm;
    }
    return out;
  }
}
