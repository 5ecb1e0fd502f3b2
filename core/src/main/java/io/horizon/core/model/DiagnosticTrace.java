package io.horizon.core.model;

/**
 * What the diagnostic pass needs from a model on one batch (THEORY §4, §5.4), laid out like a trajectory.
 *
 * @param predictions readout ŷ {@code [b*T + t]}
 * @param tangent v_t = (dh_t/dθ)[u] along the projection direction, {@code [(b*T + t)*H + q]}
 * @param retention retention factors and first-order corrections of the μ kernels
 */
public record DiagnosticTrace(double[] predictions, double[] tangent, RetentionTrace retention) {}
