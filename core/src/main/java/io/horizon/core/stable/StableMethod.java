package io.horizon.core.stable;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The per-lag α-stable estimators of THEORY §7.1, by their command-line names. */
public enum StableMethod {
  /** Symmetric McCulloch (1986) on the exact 201-point SαS grid (THEORY §7.1, the reference estimator). */
  MCCULLOCH_SYMMETRIC("mcculloch-sym"),
  /** Full McCulloch (1986) for (α, β, γ, δ) from the paper's Tables III–VII. */
  MCCULLOCH("mcculloch"),
  /** Koutrouvelis ECF regression for SαS (THEORY §7.1 alternative, {@code --alpha_method ecf}). */
  ECF("ecf");

  private final String cliName;

  StableMethod(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in result files. */
  public String cliName() {
    return cliName;
  }

  /** A new estimator of this kind. */
  public StableEstimator estimator() {
    return switch (this) {
      case MCCULLOCH_SYMMETRIC -> new SymmetricMcCullochEstimator();
      case MCCULLOCH -> new McCullochEstimator();
      case ECF -> new EcfEstimator();
    };
  }

  /** Parses {@code mcculloch-sym}, {@code mcculloch} or {@code ecf}. */
  public static StableMethod parse(String text) {
    for (StableMethod m : values()) {
      if (m.cliName.equals(text == null ? null : text.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException("alpha method: unknown '" + text + "', expected one of "
        + Arrays.stream(values()).map(StableMethod::cliName).collect(Collectors.joining("|")));
  }
}
