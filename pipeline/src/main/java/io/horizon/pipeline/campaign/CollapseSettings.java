package io.horizon.pipeline.campaign;

import io.horizon.core.collapse.BetaBootstrap;
import io.horizon.core.collapse.CcdfTailFit;
import io.horizon.core.collapse.FarLeftSlice;
import io.horizon.core.collapse.IncrementSamples;
import io.horizon.core.collapse.SlowModeTailIndex;
import io.horizon.core.collapse.TailCalibration;
import io.horizon.core.kernel.LagWindow;
import io.horizon.core.learnability.UnitTimescales;
import io.horizon.proto.v1.CollapseSpec;
import java.util.Arrays;

/**
 * The anti-collapse settings of a run (THEORY §7.4 AC variant, §11.3): a proto {@link CollapseSpec} with every unset
 * field at its default (docs/collapse.md) and the τ fit window resolved on the run's lag grid. Window rule: the lags
 * of the grid in [from, to] (defaults [64, 256], THEORY §7.4); when both ends are unset and fewer than
 * {@link UnitTimescales#MIN_POINTS} grid lags fall inside, the last max(5, ⌈n/2⌉) lags of the n-lag grid; an
 * explicit window with fewer than 5 grid lags is an error.
 *
 * @param windowFrom first lag of the resolved window (a grid lag)
 * @param windowTo last lag of the resolved window (a grid lag)
 * @param qMin lower quantile of the CCDF fit window
 * @param qMax upper quantile of the CCDF fit window
 * @param resamples bootstrap resamples of β̂ and κ̂
 * @param seed bootstrap seed
 * @param qLow far-left slice quantile
 * @param calibrationReplicates tail-index calibration replicates per α
 * @param tailBootstraps tail-index interval bootstraps
 * @param slowModeSamples slow-row increments kept per checkpoint for the tail index
 */
public record CollapseSettings(int windowFrom, int windowTo, double qMin, double qMax, int resamples, long seed,
    double qLow, int calibrationReplicates, int tailBootstraps, int slowModeSamples) {

  /** The settings of {@code spec} on the lag grid {@code lags}; errors name fields below {@code path}. */
  static CollapseSettings of(CollapseSpec spec, int[] lags, String path) {
    int[] window = window(spec, lags, path);
    double qMin = spec.getCcdfQMin() == 0 ? CcdfTailFit.Q_MIN : spec.getCcdfQMin();
    double qMax = spec.getCcdfQMax() == 0 ? CcdfTailFit.Q_MAX : spec.getCcdfQMax();
    if (!(qMin > 0 && qMin < qMax && qMax < 1)) {
      throw new IllegalArgumentException(path + ".ccdfQMin: need 0 < ccdfQMin < ccdfQMax < 1, got " + qMin
          + " and " + qMax);
    }
    double qLow = spec.getQLow() == 0 ? FarLeftSlice.DEFAULT_Q_LOW : spec.getQLow();
    if (!(qLow > 0 && qLow < 1)) {
      throw new IllegalArgumentException(path + ".qLow: must lie in (0, 1), got " + qLow);
    }
    return new CollapseSettings(window[0], window[1], qMin, qMax,
        positive(spec.getBootstrapResamples(), BetaBootstrap.DEFAULT_RESAMPLES, path + ".bootstrapResamples"),
        spec.hasBootstrapSeed() ? spec.getBootstrapSeed() : BetaBootstrap.DEFAULT_SEED, qLow,
        positive(spec.getCalibrationReplicates(), TailCalibration.DEFAULT_REPLICATES,
            path + ".calibrationReplicates"),
        positive(spec.getTailBootstraps(), SlowModeTailIndex.DEFAULT_BOOTSTRAPS, path + ".tailBootstraps"),
        positive(spec.getSlowModeSamples(), IncrementSamples.DEFAULT_CAPACITY, path + ".slowModeSamples"));
  }

  /** The τ fit window [windowFrom, windowTo] (THEORY §7.4 AC variant). */
  public LagWindow tauWindow() {
    return new LagWindow(windowFrom, windowTo);
  }

  /** The same settings as a proto message with every field explicit. */
  CollapseSpec toProto() {
    return CollapseSpec.newBuilder().setTauWindowFrom(windowFrom).setTauWindowTo(windowTo).setCcdfQMin(qMin)
        .setCcdfQMax(qMax).setBootstrapResamples(resamples).setBootstrapSeed(seed).setQLow(qLow)
        .setCalibrationReplicates(calibrationReplicates).setTailBootstraps(tailBootstraps)
        .setSlowModeSamples(slowModeSamples).build();
  }

  /** The resolved window [first, last grid lag] of the rule in the class comment. */
  private static int[] window(CollapseSpec spec, int[] lags, String path) {
    if (spec.getTauWindowFrom() < 0 || spec.getTauWindowTo() < 0) {
      throw new IllegalArgumentException(path + ".tauWindowFrom: the window ends must be positive, got ["
          + spec.getTauWindowFrom() + ", " + spec.getTauWindowTo() + "]");
    }
    boolean defaulted = spec.getTauWindowFrom() == 0 && spec.getTauWindowTo() == 0;
    int from = spec.getTauWindowFrom() == 0 ? UnitTimescales.AC_WINDOW_FROM : spec.getTauWindowFrom();
    int to = spec.getTauWindowTo() == 0 ? UnitTimescales.AC_WINDOW_TO : spec.getTauWindowTo();
    int[] inside = Arrays.stream(lags).filter(l -> l >= from && l <= to).toArray();
    if (inside.length >= UnitTimescales.MIN_POINTS) {
      return new int[] {inside[0], inside[inside.length - 1]};
    }
    if (!defaulted) {
      throw new IllegalArgumentException(path + ".tauWindowFrom: the window [" + from + ", " + to + "] holds "
          + inside.length + " lags of the diagnostic grid, need at least " + UnitTimescales.MIN_POINTS);
    }
    int n = lags.length;
    int keep = Math.min(n, Math.max(UnitTimescales.MIN_POINTS, (n + 1) / 2));
    return new int[] {lags[n - keep], lags[n - 1]};
  }

  private static int positive(int value, int defaultValue, String path) {
    if (value < 0) {
      throw new IllegalArgumentException(path + ": must be positive, got " + value);
    }
    return value == 0 ? defaultValue : value;
  }
}
