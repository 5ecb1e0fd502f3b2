package io.horizon.core.model;

/** Which parameter–state sensitivity the matched statistic uses (THEORY §5.4). */
public enum TangentMode {
  /** Total forward-mode tangent {@code v_k = J_k v_{k-1} + (∂_θ F_k)[u]}, {@code v_{-1} = 0} (reference default). */
  TOTAL,
  /** Immediate parameter–state Jacobian only: {@code v_k = (∂_θ F_k)[u]} with the previous state held fixed. */
  IMMEDIATE
}
