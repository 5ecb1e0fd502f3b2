package io.horizon.core.collapse;

import io.horizon.core.model.Architecture;

/**
 * The slow units of a recurrent weight (THEORY §11.3 items 10–11): the ⌈share·H⌉ units with the largest
 * self-weight W_qq of the H×H matrix {@code Wh.weight}. For a ConstGate unit the one-step self-retention is
 * (1 − s) + s φ' W_qq, so they are the units whose own state decays slowest: a proxy for the lowest-ζ units, which
 * training does not measure. Only the models of THEORY §2.2–2.4 (const, shared, diag) have that H×H matrix.
 *
 * @param share the fraction of units that are slow, in (0, 1)
 */
public record SlowUnits(double share) {
  /** The recurrent weight whose rows belong to the units. */
  public static final String TENSOR = "Wh.weight";

  public SlowUnits {
    if (!(share > 0 && share < 1)) {
      throw new IllegalArgumentException("slow-quantile: must lie in (0, 1), got " + share);
    }
  }

  /** Whether {@code architecture} has the H×H recurrent weight {@link #TENSOR} the rule reads. */
  public static boolean applies(Architecture architecture) {
    return architecture == Architecture.CONST || architecture == Architecture.SHARED
        || architecture == Architecture.DIAG;
  }

  /** The slow units of the row-major H×H matrix {@code w}, ascending; ties go to the lower index. */
  public int[] of(double[] w) {
    int h = side(w);
    int count = Math.max(1, (int) Math.ceil(share * h));
    boolean[] chosen = new boolean[h];
    for (int c = 0; c < count; c++) {
      int best = -1;
      for (int q = 0; q < h; q++) {
        if (!chosen[q] && (best < 0 || w[q * h + q] > w[best * h + best])) {
          best = q;
        }
      }
      chosen[best] = true;
    }
    int[] out = new int[count];
    int n = 0;
    for (int q = 0; q < h; q++) {
      if (chosen[q]) {
        out[n++] = q;
      }
    }
    return out;
  }

  /** The flat positions of the slow units' rows of {@code w}. */
  public int[] rows(double[] w) {
    return UnitRows.entries(of(w), side(w), 0);
  }

  private static int side(double[] w) {
    int h = (int) Math.round(Math.sqrt(w.length));
    if (h < 1 || h * h != w.length) {
      throw new IllegalArgumentException(TENSOR + ": " + w.length + " values do not form a square matrix");
    }
    return h;
  }
}
