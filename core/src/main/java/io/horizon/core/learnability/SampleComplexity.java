package io.horizon.core.learnability;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Minimal sample sizes N_min(ℓ) on a budget grid and the empirical learnability window Ĥ_N (THEORY §7.3, LW-45).
 *
 * <p>SNR_ℓ(N) = m̂_ℓ N^{1−1/α}/γ̂_ℓ with α floored at 1 (§7.2); N_min(ℓ) is the first budget with SNR above the
 * threshold that does not exceed the lag's available sample count; a lag with γ̂ = 0 (no noise-scale estimate,
 * §7.1 guard) is never reached.
 */
public final class SampleComplexity {
  /** Reference budget grid 𝒩 of THEORY §7.3. */
  private static final long[] DEFAULT_BUDGETS = {
    25, 50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600, 2400, 3200, 4800, 6400, 9600, 12800
  };
  /** Reference detection threshold c_thr ({@code --eps 0.1}, THEORY §7.3). */
  public static final double DEFAULT_THRESHOLD = 0.1;
  /** N_min of a lag that no budget makes detectable (stored as −1, THEORY §7.3). */
  public static final long NOT_REACHED = -1;

  private final LagStatistics statistics;
  private final AlphaMode mode;
  private final long[] budgets;
  private final double threshold;
  private final double[] alphaUsed;
  private final long[] minimalBudget;
  private final int[] window;

  private SampleComplexity(LagStatistics statistics, AlphaMode mode, long[] budgets, double threshold) {
    this.statistics = statistics;
    this.mode = mode;
    this.budgets = budgets.clone();
    this.threshold = threshold;
    this.alphaUsed = alphasFor(statistics, mode);
    this.minimalBudget = new long[statistics.size()];
    this.window = new int[budgets.length];
    for (int i = 0; i < statistics.size(); i++) {
      int first = firstDetectableBudget(i);
      minimalBudget[i] = first < 0 ? NOT_REACHED : this.budgets[first];
      if (first >= 0) {
        window[first] = Math.max(window[first], statistics.lags()[i]);
      }
    }
    for (int b = 1; b < budgets.length; b++) {
      window[b] = Math.max(window[b], window[b - 1]);
    }
  }

  /** The reference budget grid 𝒩 of THEORY §7.3. */
  public static long[] defaultBudgets() {
    return DEFAULT_BUDGETS.clone();
  }

  /**
   * Scans {@code budgets} (positive, strictly increasing) for every lag of {@code statistics} with detection
   * threshold {@code threshold} > 0.
   */
  public static SampleComplexity of(LagStatistics statistics, AlphaMode mode, long[] budgets, double threshold) {
    checkGrid(budgets, threshold);
    return new SampleComplexity(statistics, mode, budgets, threshold);
  }

  /** Rejects an empty, non-positive or non-increasing budget grid and a non-positive threshold. */
  static void checkGrid(long[] budgets, double threshold) {
    if (budgets == null || budgets.length == 0) {
      throw new IllegalArgumentException("budgets: the N grid is empty");
    }
    for (int b = 0; b < budgets.length; b++) {
      if (budgets[b] < 1 || (b > 0 && budgets[b] <= budgets[b - 1])) {
        throw new IllegalArgumentException(
            "budgets: must be positive and strictly increasing, N[" + b + "] = " + budgets[b]);
      }
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold: c_thr must be positive and finite, got " + threshold);
    }
  }

  /** α per lag as the criterion uses it: α̂_ℓ, or α_eff of the reliable lags for {@link AlphaMode#POOLED}. */
  private static double[] alphasFor(LagStatistics statistics, AlphaMode mode) {
    if (mode == AlphaMode.PER_LAG) {
      return statistics.alpha().clone();
    }
    AlphaSummary summary = AlphaSummary.of(statistics);
    if (!summary.fromReliableLags()) {
      throw new IllegalArgumentException("alpha: no lag has a reliable α̂, so the pooled α_eff is undefined");
    }
    double[] out = new double[statistics.size()];
    Arrays.fill(out, summary.pooled());
    return out;
  }

  /** SNR_ℓ(N) = m̂_ℓ N^{1−1/α}/γ̂_ℓ (THEORY §7.3), α floored at 1; 0 when γ̂_ℓ = 0 (no noise-scale estimate). */
  public double snr(int lagIndex, double budget) {
    double gamma = statistics.gamma()[lagIndex];
    if (gamma <= 0) {
      return 0.0;
    }
    return statistics.mbar()[lagIndex] * Math.pow(budget, StableExponents.snrExponent(alphaUsed[lagIndex])) / gamma;
  }

  /**
   * Index of N_min(ℓ) in the budget grid, −1 when no budget within the lag's sample count has SNR > c_thr
   * (THEORY §7.3). SNR is non-decreasing in N (its exponent 1 − 1/max(1, α) is ≥ 0), so the first budget above
   * the threshold is found by bisection.
   */
  private int firstDetectableBudget(int lagIndex) {
    int lo = 0;
    int hi = budgets.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (snr(lagIndex, budgets[mid]) > threshold) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo < budgets.length && budgets[lo] <= statistics.sampleCount()[lagIndex] ? lo : -1;
  }

  /**
   * Noise floor ε̂_N(ℓ) = f̂(ℓ)(N_min(ℓ)/N)^{1/κ_α} (THEORY §7.3, plot_noise_floor); empty when ℓ is not reached.
   */
  public OptionalDouble noiseFloor(int lagIndex, double budget) {
    long nMin = minimalBudget[lagIndex];
    if (nMin == NOT_REACHED) {
      return OptionalDouble.empty();
    }
    double kappa = StableExponents.kappa(alphaUsed[lagIndex]);
    return OptionalDouble.of(statistics.fMean()[lagIndex] * Math.pow(nMin / budget, 1.0 / kappa));
  }

  /** κ_α of the α used at a lag (LW-37 with the §7.2 guard). */
  public double kappa(int lagIndex) {
    return StableExponents.kappa(alphaUsed[lagIndex]);
  }

  /** N_min(ℓ) of a lag, {@link #NOT_REACHED} when no budget suffices. */
  public long minimalBudget(int lagIndex) {
    return minimalBudget[lagIndex];
  }

  /** N_min(ℓ) for every lag of the grid. */
  public long[] minimalBudgets() {
    return minimalBudget.clone();
  }

  /**
   * Ĥ_N = max{ℓ in the grid : N_min(ℓ) ≤ N} for every budget N of the grid, 0 if none (LW-45); shorter lags need
   * not be learnable.
   */
  public int[] window() {
    return window.clone();
  }

  /** The budget grid 𝒩. */
  public long[] budgets() {
    return budgets.clone();
  }

  /** The α entering each lag's criterion (before the floor at 1). */
  public double[] alphaUsed() {
    return alphaUsed.clone();
  }

  /** The detection threshold c_thr. */
  public double threshold() {
    return threshold;
  }

  /** Whether α is per lag or pooled. */
  public AlphaMode mode() {
    return mode;
  }

  /** The per-lag inputs the scan ran on. */
  public LagStatistics statistics() {
    return statistics;
  }
}
