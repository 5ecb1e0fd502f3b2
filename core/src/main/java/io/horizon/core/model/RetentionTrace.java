package io.horizon.core.model;

/**
 * Per-step, per-unit factors from which the effective-learning-rate kernels of THEORY §4 are built, each laid out
 * as {@code [(b*T + j)*H + q]}. With the window {@code W = {t-ℓ+1, …, t}}:
 *
 * <pre>
 * Γ0(t,ℓ) = readout_t · exp(Σ_{j∈W} logRetention_j)           (§4.1 product of a_j; §4.2 e_t ∏ f_j; §4.3 γ)
 * Γ1(t,ℓ) = Γ0(t,ℓ) · Σ_{j∈W} firstOrderRatio_j               (diagonal of the single-insertion term)
 * GRU only: ρ = exp(Σ logReset_j), ϑ = exp(Σ (logRetention_j + logReset_j))   (LW-25)
 * </pre>
 *
 * @param logRetention {@code log a_j} with {@code a_j} clamped to [1e-12, 1]: {@code 1-s} (Const/Shared/Diag),
 *     {@code 1-z} (GRU), {@code f} (LSTM)
 * @param firstOrderRatio {@code [B_j]_qq / a_j}; LSTM: {@code cdiag_j · e_{j-1} / f_j} with {@code e_{-1} = 0}
 * @param readout LSTM {@code e_t = o_t ⊙ (1 - tanh² c_t)}, null for the other models (factor 1)
 * @param logReset GRU {@code log r_j} (clamped like the retention), null for the other models
 */
public record RetentionTrace(
    int batchSize,
    int length,
    int hiddenSize,
    double[] logRetention,
    double[] firstOrderRatio,
    double[] readout,
    double[] logReset) {

  /** Lower clamp of retention factors before taking logs (THEORY §4). */
  public static final double MIN_RETENTION = 1e-12;

  /** {@code clamp(a, 1e-12, 1)}: the retention factor whose logarithm the trace keeps. */
  public static double clamp(double a) {
    return Math.min(1.0, Math.max(MIN_RETENTION, a));
  }
}
