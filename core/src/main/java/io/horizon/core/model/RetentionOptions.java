package io.horizon.core.model;

/**
 * Switches for the retention trace.
 *
 * @param gruCodeDiagonal GRU only: use the reference code's product-of-diagonals approximation of the candidate
 *     path instead of the exact diagonal (THEORY §2.6); default false
 */
public record RetentionOptions(boolean gruCodeDiagonal) {
  public static final RetentionOptions DEFAULT = new RetentionOptions(false);
}
