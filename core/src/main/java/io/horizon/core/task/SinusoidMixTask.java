package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;

/**
 * The sinusoid-mixture task {@code sinmix} (THEORY §10 table, S1 only): channels 0 and 1 hold the sinusoids
 * {@code s_i(t) = sin(2π f_i t/T + φ_i)} with f_i ~ U[1, 7] cycles per sequence and φ_i ~ U[0, 2π); channels
 * 2 … D−1 hold 0.1·N(0,1) noise. The target at the last step is {@code (late mean s_1 − early mean s_1) +
 * (early mean s_2 − late mean s_2)}, early = the first ⌊T/4⌋ steps, late = the last ⌊T/4⌋ steps, from the stored
 * (single-precision) inputs. Defaults (THEORY §10.2 S1 settings): T 80, D 4.
 *
 * @param length sequence length T ≥ 4
 * @param inputDim channels D ≥ 2
 */
public record SinusoidMixTask(int length, int inputDim) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "sinmix";
  private static final double NOISE_STD = 0.1;

  public SinusoidMixTask {
    if (length < 4) {
      throw new IllegalArgumentException("length: must be at least 4 (early and late quarters), got " + length);
    }
    if (inputDim < 2) {
      throw new IllegalArgumentException("inputDim: must be at least 2 (two sinusoid channels), got " + inputDim);
    }
  }

  /** The THEORY §10.2 S1 task. */
  public static SinusoidMixTask defaults() {
    return new SinusoidMixTask(80, 4);
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static SinusoidMixTask fromSpec(SpecNode node) {
    SinusoidMixTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    node.rejectUnread();
    return node.build(() -> new SinusoidMixTask(length, inputDim));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    for (int channel = 0; channel < 2; channel++) {
      double frequency = rng.uniform(1, 7);
      double phase = rng.uniform(0, 2 * Math.PI);
      for (int t = 0; t < length; t++) {
        x[offset + t * inputDim + channel] = (float) Math.sin(2 * Math.PI * frequency * t / length + phase);
      }
    }
    for (int t = 0; t < length; t++) {
      for (int channel = 2; channel < inputDim; channel++) {
        x[offset + t * inputDim + channel] = (float) (NOISE_STD * rng.gaussian());
      }
    }
    int quarter = length / 4;
    return (mean(x, offset, 0, length - quarter, quarter) - mean(x, offset, 0, 0, quarter))
        + (mean(x, offset, 1, 0, quarter) - mean(x, offset, 1, length - quarter, quarter));
  }

  /** The mean of {@code count} steps of one channel from step {@code from}. */
  private double mean(float[] x, int offset, int channel, int from, int count) {
    double sum = 0;
    for (int t = from; t < from + count; t++) {
      sum += x[offset + t * inputDim + channel];
    }
    return sum / count;
  }
}
