package io.horizon.core.collapse;

import io.horizon.core.random.Rng;
import io.horizon.core.stable.StableSampler;

/**
 * Heavy-tailed forcing of slow-mode parameter updates (THEORY §11.3 item 11, Experiment 1 Path A): each chosen
 * entry of an update gets m · s · B tanh(X/B), with X a standardized SαS(α_inject) draw by the CMS method,
 * B the soft bound (tanh taper) and m the scale multiplier. The spec fixes only m; the unit s is our choice: the
 * root-mean-square of the update over the chosen entries, so that the forcing is measured in the update's own size
 * (an update that is zero there is left unchanged).
 *
 * @param alpha α_inject ∈ (0, 2]
 * @param scaleMultiplier m ≥ 0
 * @param softBound B &gt; 0
 */
public record SlowModeForcing(double alpha, double scaleMultiplier, double softBound) {

  public SlowModeForcing {
    if (!(alpha > 0 && alpha <= 2)) {
      throw new IllegalArgumentException("alpha-inject: must lie in (0, 2], got " + alpha);
    }
    if (!(scaleMultiplier >= 0) || Double.isInfinite(scaleMultiplier)) {
      throw new IllegalArgumentException("scale-multiplier: must be finite and non-negative, got "
          + scaleMultiplier);
    }
    if (!(softBound > 0) || Double.isInfinite(softBound)) {
      throw new IllegalArgumentException("soft-bound: must be positive and finite, got " + softBound);
    }
  }

  /** THEORY §11.3 item 11: α_inject 1.5, multiplier 1.0, soft bound 100. */
  public static SlowModeForcing defaults() {
    return new SlowModeForcing(1.5, 1.0, 100);
  }

  /** Adds the forcing in place to {@code update} at {@code entries} (e.g. {@link UnitRows#entries}). */
  public void perturb(double[] update, int[] entries, Rng rng) {
    double ss = 0;
    for (int e : entries) {
      if (e < 0 || e >= update.length) {
        throw new IllegalArgumentException("entries: " + e + " is outside the update of length " + update.length);
      }
      ss += update[e] * update[e];
    }
    if (entries.length == 0 || ss == 0) {
      return;
    }
    double amplitude = scaleMultiplier * Math.sqrt(ss / entries.length) * softBound;
    StableSampler sampler = StableSampler.symmetric(alpha, 1);
    for (int e : entries) {
      update[e] += amplitude * Math.tanh(sampler.sample(rng) / softBound);
    }
  }
}
