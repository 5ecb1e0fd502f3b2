package io.horizon.core.coupling;

/**
 * The Jacobian side of S2 at one lag (THEORY §10.3): AI_r and CE_r of the products over the sampled windows.
 *
 * @param lag h
 * @param pairs the number of sampled windows
 * @param anisotropy median and IQR of AI_r
 * @param concentration median and IQR of CE_r
 */
public record LagAnisotropy(int lag, int pairs, Spread anisotropy, Spread concentration) {}
