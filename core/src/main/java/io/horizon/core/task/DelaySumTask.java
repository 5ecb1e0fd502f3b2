package io.horizon.core.task;

import io.horizon.core.io.SpecNode;
import io.horizon.core.random.Rng;
import java.util.List;
import java.util.Map;

/**
 * The delay-sum task (THEORY §10 table): channel 0 holds U(0,1) draws, the other channels are zero; the target at
 * the last step is {@code Σ_i w_i u_{T−1−d_i}} with equal weights {@code w_i = 1/K}. Defaults (THEORY §10.3 S2):
 * T 120, D 6, delays 4, 12, 24, 36.
 *
 * @param length sequence length T
 * @param inputDim channels D
 * @param delays d_i, each in [0, T)
 */
public record DelaySumTask(int length, int inputDim, List<Integer> delays) implements LastStepTask {

  /** Spec name of this task. */
  public static final String NAME = "delaysum";

  public DelaySumTask {
    SequenceGeneration.requirePositive("length", length);
    SequenceGeneration.requirePositive("inputDim", inputDim);
    if (delays == null || delays.isEmpty()) {
      throw new IllegalArgumentException("delays: must hold at least one delay");
    }
    for (int i = 0; i < delays.size(); i++) {
      int d = delays.get(i);
      if (d < 0) {
        throw new IllegalArgumentException("delays[" + i + "]: must not be negative, got " + d);
      }
      if (d >= length) {
        throw new IllegalArgumentException("delays[" + i + "]: must be < length (" + length + "), got " + d);
      }
    }
    delays = List.copyOf(delays);
  }

  /** The THEORY §10.3 S2 task. */
  public static DelaySumTask defaults() {
    return new DelaySumTask(120, 6, List.of(4, 12, 24, 36));
  }

  /** Reads the spec fields of this task (absent fields take the defaults). */
  static DelaySumTask fromSpec(SpecNode node) {
    DelaySumTask d = defaults();
    int length = node.integer("length", d.length());
    int inputDim = node.integer("inputDim", d.inputDim());
    List<Integer> delays = node.integers("delays", d.delays());
    node.rejectUnread();
    return node.build(() -> new DelaySumTask(length, inputDim, delays));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Object> extraFields() {
    return Map.of("delays", delays);
  }

  @Override
  public double fillSequence(Rng rng, float[] x, int offset) {
    SequenceGeneration.fillFirstChannel(rng, x, offset, length, inputDim, 1.0);
    double sum = 0;
    for (int d : delays) {
      sum += x[offset + (length - 1 - d) * inputDim];
    }
    return sum / delays.size();
  }
}
