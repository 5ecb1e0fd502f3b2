package io.horizon.core.stable;

import io.horizon.core.random.Rng;
import java.util.Optional;

/**
 * Koutrouvelis ECF regression for SαS (THEORY §7.1 alternative): with |φ̂(t)|² = (mean cos tx)² + (mean sin tx)²,
 * weighted least squares of log(−log|φ̂|²) on log t (slope α, intercept log(2γ^α)) over 50 t on [0.05/s, 3/s],
 * s = IQR/1.349, keeping 0.01 &lt; |φ̂|² &lt; 0.95 (else 1e-4 … 0.999, else symmetric McCulloch), weights
 * exp(−2(log|φ̂|² + 0.7)²); δ̂ is the sample median.
 */
public final class EcfEstimator implements StableEstimator {
  /** Number of t points (THEORY §7.1). */
  static final int T_POINTS = 50;
  /** At most this many samples enter the ECF sums; larger samples are subsampled (THEORY §7.1). */
  static final int MAX_SAMPLES = 100_000;
  /** Seed of the subsample (THEORY §7.1: RandomState 42; the stream here is Horizon's own). */
  static final long SUBSAMPLE_SEED = 42;
  /** The t grid spans [FIRST_T/s, LAST_T/s] (THEORY §7.1). */
  private static final double FIRST_T = 0.05;
  private static final double LAST_T = 3.0;
  /** IQR of the unit Gaussian, turning the IQR into the scale s of the t grid (THEORY §7.1). */
  private static final double GAUSSIAN_IQR = 1.349;

  /** Informative |φ̂|² band and the points it needs (THEORY §7.1; the counts 5 and 3 are those of LW-code). */
  private record Band(double lower, double upper, int minPoints) {
    boolean contains(double phi2) {
      return phi2 > lower && phi2 < upper;
    }

    boolean holdsEnough(double[] phi2) {
      int n = 0;
      for (double p : phi2) {
        if (contains(p)) {
          n++;
        }
      }
      return n >= minPoints;
    }
  }

  private static final Band STRICT = new Band(0.01, 0.95, 5);
  private static final Band RELAXED = new Band(1e-4, 0.999, 3);

  private final SymmetricMcCullochEstimator fallback = new SymmetricMcCullochEstimator();

  @Override
  public StableFit fit(FiniteSample sample) {
    Optional<StableFit> rejected = Reliability.screen(sample, StableMethod.ECF);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    double[] quartiles = sample.quantiles(0.25, 0.5, 0.75);
    double scale = (quartiles[2] - quartiles[0]) / GAUSSIAN_IQR;
    double[] t = linspace(FIRST_T / scale, LAST_T / scale, T_POINTS);
    double[] phi2 = squaredModulus(subsample(sample), t);
    Band band = STRICT.holdsEnough(phi2) ? STRICT : RELAXED.holdsEnough(phi2) ? RELAXED : null;
    if (band == null) {
      return fallback.fit(sample);
    }
    double[] line = weightedLine(t, phi2, band);
    double alpha = Math.min(Math.max(line[0], 1.0), 2.0);
    double gamma = Math.pow(Math.exp(line[1]) / 2.0, 1.0 / alpha);
    return Reliability.judge(StableMethod.ECF, alpha, 0.0, gamma, quartiles[1], sample.size(), 1.0, 2.0);
  }

  /** NumPy's {@code linspace(from, to, count)}: from + i·step, the last point exactly {@code to}. */
  private static double[] linspace(double from, double to, int count) {
    double step = (to - from) / (count - 1);
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      out[i] = i * step + from;
    }
    out[count - 1] = to;
    return out;
  }

  /** All finite samples in ascending order, or a seeded uniform subset of {@link #MAX_SAMPLES} of them. */
  private static double[] subsample(FiniteSample sample) {
    double[] sorted = sample.sorted();
    int size = sorted.length;
    int keep = Math.min(size, MAX_SAMPLES);
    double[] out = new double[keep];
    Rng rng = new Rng(SUBSAMPLE_SEED);
    int taken = 0;
    for (int i = 0; i < size && taken < keep; i++) {
      // Selection sampling (Knuth's Algorithm S): keep item i with probability (still needed)/(still left).
      if (keep == size || rng.nextInt(size - i) < keep - taken) {
        out[taken++] = sorted[i];
      }
    }
    return out;
  }

  /** |φ̂(t)|² = (mean cos tx)² + (mean sin tx)² at every t, summed in the (sorted) order of {@code x}. */
  private static double[] squaredModulus(double[] x, double[] t) {
    double[] out = new double[t.length];
    for (int k = 0; k < t.length; k++) {
      double cos = 0;
      double sin = 0;
      for (double v : x) {
        double arg = t[k] * v;
        cos += Math.cos(arg);
        sin += Math.sin(arg);
      }
      cos /= x.length;
      sin /= x.length;
      out[k] = cos * cos + sin * sin;
    }
    return out;
  }

  /** Weighted least squares of Y = log(−log|φ̂|²) on X = log t over the points in {@code band}: {slope, intercept}. */
  private static double[] weightedLine(double[] t, double[] phi2, Band band) {
    double[] x = new double[t.length];
    double[] y = new double[t.length];
    double[] w = new double[t.length];
    double sw = 0;
    double swx = 0;
    double swy = 0;
    for (int k = 0; k < t.length; k++) {
      if (band.contains(phi2[k])) {
        x[k] = Math.log(t[k]);
        y[k] = Math.log(-Math.log(phi2[k]));
        w[k] = weight(phi2[k]);
        sw += w[k];
        swx += w[k] * x[k];
        swy += w[k] * y[k];
      }
    }
    double meanX = swx / sw;
    double meanY = swy / sw;
    double sxy = 0;
    double sxx = 0;
    for (int k = 0; k < t.length; k++) {
      double dx = x[k] - meanX;
      sxy += w[k] * dx * (y[k] - meanY);
      sxx += w[k] * dx * dx;
    }
    double slope = sxy / sxx;
    return new double[] {slope, meanY - slope * meanX};
  }

  /** Regression weight exp(−2(log|φ̂|² + 0.7)²) (THEORY §7.1). */
  private static double weight(double phi2) {
    double z = Math.log(phi2) + 0.7;
    return Math.exp(-2 * z * z);
  }
}
