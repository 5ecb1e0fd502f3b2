package io.horizon.core.learnability;

/**
 * Settings of the learnability statistics (THEORY §7.2–7.4).
 *
 * @param alphaMode per-lag or pooled α in the detectability criterion (THEORY §7.2)
 * @param budgets budget grid 𝒩 (THEORY §7.3)
 * @param threshold detection threshold c_thr (THEORY §7.3)
 * @param acWindowFrom first lag of the AC decay-rate window (THEORY §7.4)
 * @param acWindowTo last lag of the AC decay-rate window
 * @param kdePoints grid points of the τ KDE
 */
public record LearnabilityOptions(
    AlphaMode alphaMode, long[] budgets, double threshold, int acWindowFrom, int acWindowTo, int kdePoints) {
  /** Default number of τ-KDE grid points. */
  public static final int DEFAULT_KDE_POINTS = 200;

  public LearnabilityOptions {
    if (alphaMode == null) {
      throw new IllegalArgumentException("alpha-mode: missing");
    }
    SampleComplexity.checkGrid(budgets, threshold);
    if (acWindowFrom < 1 || acWindowTo < acWindowFrom) {
      throw new IllegalArgumentException(
          "ac-window: need 1 <= from <= to, got [" + acWindowFrom + ", " + acWindowTo + "]");
    }
  }

  /** Reference settings: per-lag α, the §7.3 budget grid, c_thr = 0.1, AC window [64, 256], 200 KDE points. */
  public static LearnabilityOptions defaults() {
    return new LearnabilityOptions(AlphaMode.PER_LAG, SampleComplexity.defaultBudgets(),
        SampleComplexity.DEFAULT_THRESHOLD, UnitTimescales.AC_WINDOW_FROM, UnitTimescales.AC_WINDOW_TO,
        DEFAULT_KDE_POINTS);
  }

  /** The same settings with another budget grid. */
  public LearnabilityOptions withBudgets(long[] grid) {
    return new LearnabilityOptions(alphaMode, grid, threshold, acWindowFrom, acWindowTo, kdePoints);
  }

  /** The same settings with another detection threshold. */
  public LearnabilityOptions withThreshold(double value) {
    return new LearnabilityOptions(alphaMode, budgets, value, acWindowFrom, acWindowTo, kdePoints);
  }

  /** The same settings with another α mode. */
  public LearnabilityOptions withAlphaMode(AlphaMode mode) {
    return new LearnabilityOptions(mode, budgets, threshold, acWindowFrom, acWindowTo, kdePoints);
  }
}
