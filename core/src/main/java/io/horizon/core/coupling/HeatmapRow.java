package io.horizon.core.coupling;

/**
 * One checkpoint's row of the S1 heatmap (THEORY §10.2): μ̃_eff(h) at every lag.
 *
 * @param checkpoint the checkpoint (training step or epoch)
 * @param lags h = 1 … T−1
 * @param values μ̃_eff(h), one per lag
 */
public record HeatmapRow(long checkpoint, int[] lags, double[] values) {}
