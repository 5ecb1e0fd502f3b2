package io.horizon.core.learnability;

import java.util.Locale;

/** Which tail index enters the detectability criterion (THEORY §7.2). */
public enum AlphaMode {
  /** Each lag uses its own α̂_ℓ (the reference code). */
  PER_LAG,
  /** Every lag uses α_eff = median of the reliable lags' α̂_ℓ (the paper's effective tail index). */
  POOLED;

  /** Parses {@code per-lag} or {@code pooled}. */
  public static AlphaMode parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "per-lag" -> PER_LAG;
      case "pooled" -> POOLED;
      default -> throw new IllegalArgumentException(
          "alpha-mode: unknown value '" + text + "' (expected per-lag or pooled)");
    };
  }

  @Override
  public String toString() {
    return this == PER_LAG ? "per-lag" : "pooled";
  }
}
