package io.horizon.core.model;

/**
 * Directional derivatives of the state trajectory along a parameter direction u (THEORY §5.4), laid out as
 * {@code [(b*T + t)*H + q]}.
 *
 * @param hidden {@code (dh_t/dθ)[u]}
 * @param cell {@code (dc_t/dθ)[u]} for the LSTM, null otherwise
 */
public record Tangent(double[] hidden, double[] cell) {}
