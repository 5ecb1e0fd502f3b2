package io.horizon.core.coupling;

import java.util.List;

/**
 * The factors {@code J_j = A_j + B_j} of a Jacobian product in time order (earliest first, THEORY §3.2): the dominant
 * gate-diagonal parts A_j and the recurrent-mixing corrections B_j, each n×n row-major.
 *
 * @param size n
 * @param dominant A_j
 * @param corrections B_j
 */
public record ProductFactors(int size, List<double[]> dominant, List<double[]> corrections) {
  public ProductFactors {
    if (dominant.isEmpty() || dominant.size() != corrections.size()) {
      throw new IllegalArgumentException("corrections: need one correction per dominant factor (" + dominant.size()
          + " dominant, " + corrections.size() + " corrections), at least one");
    }
    for (int j = 0; j < dominant.size(); j++) {
      Matrices.requireShape("dominant[" + j + "]", dominant.get(j), size, size);
      Matrices.requireShape("corrections[" + j + "]", corrections.get(j), size, size);
    }
    dominant = List.copyOf(dominant);
    corrections = List.copyOf(corrections);
  }

  /** The number of factors. */
  public int count() {
    return dominant.size();
  }
}
