package io.horizon.core.kernel;

import io.horizon.core.linalg.Precision;
import io.horizon.core.model.RetentionOptions;
import io.horizon.core.model.TangentMode;

/**
 * Settings of the diagnostic pass.
 *
 * @param lags diagnostic lag grid (each lag ≤ T-1)
 * @param firstOrder include the diagonal first-order term Γ1 in μ (THEORY §4.4 flag, default true)
 * @param resetEnvelopes GRU only: include ρ and ϑ in μ0 (THEORY §4.3 flag, default true)
 * @param gauge orientation of the matched statistic (THEORY §5.4)
 * @param tangentMode total or immediate parameter–state sensitivity (THEORY §5.4)
 * @param retention options of the retention trace
 * @param batchSize diagnostic sequences processed together (memory grows with batchSize·T·H, not with the
 *     number of sequences or lags); the model work of a batch runs in shards of 64 sequences, so a batch of
 *     64·threads keeps every worker busy
 * @param threads worker threads for the model shards and the kernels (the results do not depend on it)
 * @param unitLogWindow lags whose per-unit mean of log|μ| the pass also accumulates (THEORY §7.4 AC variant; one
 *     logarithm per window, unit and lag inside it); null = off, the pass then pays nothing for it
 * @param products precision of the model's forward and tangent step products (default float64; float32 runs them
 *     about 1.6× as fast, with states, retention and kernels still in float64)
 */
public record KernelOptions(
    int[] lags,
    boolean firstOrder,
    boolean resetEnvelopes,
    SignGauge gauge,
    TangentMode tangentMode,
    RetentionOptions retention,
    int batchSize,
    int threads,
    LagWindow unitLogWindow,
    Precision products) {

  /**
   * Reference defaults: first order on, GRU extra envelopes on, global gauge, total tangent, batch 128, no per-unit
   * mean of log|μ|, float64 products.
   */
  public static KernelOptions defaults(int[] lags) {
    return new KernelOptions(lags, true, true, SignGauge.GLOBAL, TangentMode.TOTAL, RetentionOptions.DEFAULT, 128,
        Runtime.getRuntime().availableProcessors(), null, Precision.FLOAT64);
  }

  public KernelOptions {
    if (products == null) {
      throw new IllegalArgumentException("products: a precision is required (float64 or float32)");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize: must be positive, got " + batchSize);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads: must be positive, got " + threads);
    }
    if (gauge.mode() == SignGauge.Mode.PER_BATCH && batchSize % gauge.blockSize() != 0) {
      throw new IllegalArgumentException("batchSize: must be a multiple of the per-batch gauge block size "
          + gauge.blockSize() + ", got " + batchSize);
    }
  }

  public KernelOptions withBatchSize(int size) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, tangentMode, retention, size, threads,
        unitLogWindow, products);
  }

  public KernelOptions withFirstOrder(boolean on) {
    return new KernelOptions(lags, on, resetEnvelopes, gauge, tangentMode, retention, batchSize, threads,
        unitLogWindow, products);
  }

  public KernelOptions withGauge(SignGauge g) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, g, tangentMode, retention, batchSize, threads,
        unitLogWindow, products);
  }

  public KernelOptions withThreads(int n) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, tangentMode, retention, batchSize, n,
        unitLogWindow, products);
  }

  public KernelOptions withTangentMode(TangentMode mode) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, mode, retention, batchSize, threads,
        unitLogWindow, products);
  }

  public KernelOptions withResetEnvelopes(boolean on) {
    return new KernelOptions(lags, firstOrder, on, gauge, tangentMode, retention, batchSize, threads, unitLogWindow,
        products);
  }

  public KernelOptions withRetention(RetentionOptions r) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, tangentMode, r, batchSize, threads,
        unitLogWindow, products);
  }

  public KernelOptions withProducts(Precision p) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, tangentMode, retention, batchSize, threads,
        unitLogWindow, p);
  }

  /** The same settings with the per-unit mean of log|μ| accumulated for the lags in {@code window} (null = off). */
  public KernelOptions withUnitLogWindow(LagWindow window) {
    return new KernelOptions(lags, firstOrder, resetEnvelopes, gauge, tangentMode, retention, batchSize, threads,
        window, products);
  }
}
