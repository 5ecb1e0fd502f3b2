package io.horizon.core.learnability;

/**
 * A density evaluated on a grid (the per-unit τ KDE of THEORY §7.4).
 *
 * @param grid evaluation points, ascending
 * @param density estimated density at each point
 */
public record DensityCurve(double[] grid, double[] density) {}
