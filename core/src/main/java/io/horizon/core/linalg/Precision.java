package io.horizon.core.linalg;

import java.util.Locale;

/**
 * The arithmetic of a model's matrix products (the step products of the diagnostic pass; in training also the
 * backward and weight-gradient products). {@code FLOAT64} is Horizon's default; {@code FLOAT32} rounds the operands to
 * float, multiplies and accumulates in float (as a PyTorch model in its default dtype does) and widens the result
 * back: 1.6–1.7× the product rate of this machine's cores, at a relative rounding of about 1e-7 per operand and the
 * float sums over the product's inner dimension. Everything outside the products stays float64.
 */
public enum Precision {
  FLOAT64,
  FLOAT32;

  /** {@code float64} or {@code float32}; anything else is rejected naming {@code field}. */
  public static Precision parse(String text, String field) {
    for (Precision p : values()) {
      if (p.label().equals(text)) {
        return p;
      }
    }
    throw new IllegalArgumentException(field + ": expected float64 or float32, got '" + text + "'");
  }

  /** The name users write: {@code float64}, {@code float32}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
