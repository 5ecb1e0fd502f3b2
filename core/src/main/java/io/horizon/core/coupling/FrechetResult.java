package io.horizon.core.coupling;

/**
 * The Fréchet first-order check of a Jacobian product (THEORY §3.2, LW-51).
 *
 * @param epsilons the ε grid
 * @param errors truncation errors {@code E(ε) = ‖M(ε) − (M(0) + ε M'(0))‖_F}
 * @param secondOrder {@code C_2(ε) = E(ε)/ε²}
 * @param slope log–log OLS slope of E against ε on the first {@link FrechetCheck#SLOPE_POINTS} ε (≈ 2 expected); NaN
 *     when one of those errors is zero
 * @param stepRatios per-step ratios {@code r_j = ‖B_j‖_2 / ‖A_j‖_2} in time order
 */
public record FrechetResult(double[] epsilons, double[] errors, double[] secondOrder, double slope,
    double[] stepRatios) {}
