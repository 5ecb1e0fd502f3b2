package io.horizon.core.kernel;

/**
 * How the matched statistic of a lag is oriented (THEORY §5.3–5.4). Only |E T_ℓ| matters for detectability; the
 * gauge decides which sign the samples carry.
 *
 * @param mode which orientation
 * @param blockSize sequences per block for {@link Mode#PER_BATCH}, 0 otherwise
 */
public record SignGauge(Mode mode, int blockSize) {

  /** The orientation rules. */
  public enum Mode {
    /** One sign per lag: the sign of the mean over all its samples (default). */
    GLOBAL,
    /** Each block of K consecutive sequences flipped by the sign of its own mean (the reference pipeline, K=128). */
    PER_BATCH,
    /** Per-neuron signs sgn(m_q) from a pilot estimate of the expected alignment (LW-30). */
    PER_NEURON,
    /** No orientation. */
    NONE
  }

  public static final SignGauge GLOBAL = new SignGauge(Mode.GLOBAL, 0);

  public SignGauge {
    if (mode == Mode.PER_BATCH && blockSize < 1) {
      throw new IllegalArgumentException("sign-gauge: per-batch block size must be positive, got " + blockSize);
    }
  }

  /** Parses {@code global}, {@code per-batch:K}, {@code per-neuron} or {@code none}. */
  public static SignGauge parse(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("global")) {
      return GLOBAL;
    }
    if (t.equals("per-neuron")) {
      return new SignGauge(Mode.PER_NEURON, 0);
    }
    if (t.equals("none")) {
      return new SignGauge(Mode.NONE, 0);
    }
    if (t.startsWith("per-batch:")) {
      try {
        return new SignGauge(Mode.PER_BATCH, Integer.parseInt(t.substring("per-batch:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("sign-gauge: block size of '" + text + "' is not an integer");
      }
    }
    throw new IllegalArgumentException(
        "sign-gauge: unknown value '" + text + "' (expected global, per-batch:K, per-neuron or none)");
  }

  @Override
  public String toString() {
    return switch (mode) {
      case GLOBAL -> "global";
      case PER_BATCH -> "per-batch:" + blockSize;
      case PER_NEURON -> "per-neuron";
      case NONE -> "none";
    };
  }
}
