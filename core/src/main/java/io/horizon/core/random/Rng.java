package io.horizon.core.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded random stream. Every random draw in Horizon goes through one of these, so a run is determined by its
 * seeds: the same seed gives bit-identical numbers on every machine. Independent sub-streams are derived from a
 * parent seed and a label ({@link #derive}), never from the order in which streams happen to be created.
 */
public final class Rng {
  private final UniformRandomProvider source;
  private final ZigguratSampler.NormalizedGaussian gaussian;

  public Rng(long seed) {
    this.source = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {mix(seed), mix(seed ^ 0x9E3779B97F4A7C15L)});
    this.gaussian = ZigguratSampler.NormalizedGaussian.of(source);
  }

  /** A seed for an independent stream named {@code label} under {@code seed}. */
  public static long derive(long seed, String label) {
    long h = mix(seed);
    for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ (b & 0xFF));
    }
    return h;
  }

  /** A standard normal draw. */
  public double gaussian() {
    return gaussian.sample();
  }

  /** A uniform draw on [0, 1). */
  public double uniform() {
    return source.nextDouble();
  }

  /** A uniform draw on [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * source.nextDouble();
  }

  /** A uniform integer on [0, bound). */
  public int nextInt(int bound) {
    return source.nextInt(bound);
  }

  /** A standard exponential draw. */
  public double exponential() {
    return -Math.log1p(-source.nextDouble());
  }

  /** The underlying provider, for Commons RNG samplers. */
  public UniformRandomProvider provider() {
    return source;
  }

  /** Fisher–Yates shuffle of {@code values} in place. */
  public void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = source.nextInt(i + 1);
      int tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  /** SplitMix64 finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
