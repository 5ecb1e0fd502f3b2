package io.horizon.core.collapse;

import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.learnability.EnvelopeLaw;
import io.horizon.core.learnability.LawFit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The power-law-window gate (THEORY §11.3 item 6): the AIC winner must be the power or tempered law; the window is
 * every lag (power) or ℓ ≤ ℓ* (tempered); on it a local power fit needs β &gt; 0.10, at least
 * max(8, ⌈0.05·#lags⌉) points and residuals that pass a Wald–Wolfowitz runs test (p &gt; 0.05). Above ℓ* a
 * one-sided sign test for negative residuals of the extended local fit is reported. The exponential fit's R² and
 * the runs test on its residuals are always reported (the "collapsed" branch).
 *
 * @param winner the AIC winner of the envelope fits
 * @param windowEnd last lag of the window: ℓ* (tempered) or the largest lag (power); NaN when exponential wins
 * @param windowPoints lags in the window
 * @param requiredPoints max(8, ⌈0.05·#lags⌉)
 * @param localPower power fit on the window; empty when the window has too few points
 * @param localRuns runs test on the local power-fit residuals; empty without a local fit
 * @param aboveCrossover sign test on the residuals above ℓ*; empty unless tempered wins with lags above ℓ*
 * @param exponentialR2 R² of the exponential fit over every lag
 * @param exponentialRuns runs test on the exponential-fit residuals over every lag
 * @param passed whether the gate passes
 */
public record PowerLawWindowGate(
    EnvelopeLaw winner,
    double windowEnd,
    int windowPoints,
    int requiredPoints,
    Optional<LawFit> localPower,
    Optional<RunsTest> localRuns,
    Optional<SignTest> aboveCrossover,
    double exponentialR2,
    RunsTest exponentialRuns,
    boolean passed) {
  /** Smallest local β that counts as a power-law stretch. */
  public static final double MIN_LOCAL_BETA = 0.10;
  /** The runs test must give p above this level. */
  public static final double RUNS_LEVEL = 0.05;
  /** Level of the one-sided sign test above ℓ*. */
  public static final double SIGN_LEVEL = 0.05;
  /** Fewest window points. */
  public static final int MIN_POINTS = 8;
  /** Fewest window points as a fraction of the lag grid. */
  public static final double MIN_FRACTION = 0.05;
  /** Residuals below this fraction of max |log f| are round-off and count as zero in the sign tests. */
  private static final double ROUND_OFF = 1e-10;

  /** The gate on the envelope {@code logF} over {@code lags} and its §7.5 fits. */
  public static PowerLawWindowGate of(int[] lags, double[] logF, EnvelopeFits fits) {
    if (lags.length != logF.length) {
      throw new IllegalArgumentException("logF: has " + logF.length + " values for " + lags.length + " lags");
    }
    double scale = 0;
    int usable = 0;
    for (int i = 0; i < lags.length; i++) {
      if (Double.isFinite(logF[i]) && lags[i] > 0) {
        scale = Math.max(scale, Math.abs(logF[i]));
        usable++;
      }
    }
    double tolerance = ROUND_OFF * scale;
    int required = Math.max(MIN_POINTS, (int) Math.ceil(MIN_FRACTION * usable));
    RunsTest exponentialRuns =
        RunsTest.of(residuals(lags, logF, fits.exponential(), Double.POSITIVE_INFINITY, false, tolerance));
    EnvelopeLaw winner = fits.winner();
    if (winner == EnvelopeLaw.EXPONENTIAL) {
      return new PowerLawWindowGate(winner, Double.NaN, 0, required, Optional.empty(), Optional.empty(),
          Optional.empty(), fits.exponential().r2(), exponentialRuns, false);
    }
    double end = winner == EnvelopeLaw.TEMPERED ? fits.crossoverLag() : Double.POSITIVE_INFINITY;
    int[] windowLags = new int[lags.length];
    double[] windowLogF = new double[lags.length];
    int size = 0;
    int points = 0;
    for (int i = 0; i < lags.length; i++) {
      if (lags[i] <= end) {
        windowLags[size] = lags[i];
        windowLogF[size++] = logF[i];
        points += Double.isFinite(logF[i]) && lags[i] > 0 ? 1 : 0;
      }
    }
    double windowEnd = Math.min(end, Arrays.stream(lags).max().orElseThrow());
    if (points < required) {
      return new PowerLawWindowGate(winner, windowEnd, points, required, Optional.empty(), Optional.empty(),
          Optional.empty(), fits.exponential().r2(), exponentialRuns, false);
    }
    LawFit local = LawFit.fit(EnvelopeLaw.POWER, Arrays.copyOf(windowLags, size), Arrays.copyOf(windowLogF, size));
    RunsTest runs = RunsTest.of(residuals(lags, logF, local, end, false, tolerance));
    double[] above = residuals(lags, logF, local, end, true, tolerance);
    Optional<SignTest> sign = winner == EnvelopeLaw.TEMPERED && above.length > 0
        ? Optional.of(SignTest.of(above)) : Optional.empty();
    boolean passed = -local.coefficient(1) > MIN_LOCAL_BETA && runs.pValue() > RUNS_LEVEL;
    return new PowerLawWindowGate(winner, windowEnd, points, required, Optional.of(local), Optional.of(runs), sign,
        fits.exponential().r2(), exponentialRuns, passed);
  }

  /**
   * Residuals log f − fit in lag order at the finite lags ℓ ≤ end (or ℓ &gt; end when {@code beyond}), with
   * round-off residuals set to zero.
   */
  private static double[] residuals(int[] lags, double[] logF, LawFit fit, double end, boolean beyond,
      double tolerance) {
    double[] out = new double[lags.length];
    int n = 0;
    for (int i = 0; i < lags.length; i++) {
      if (Double.isFinite(logF[i]) && lags[i] > 0 && (lags[i] > end) == beyond) {
        double r = logF[i] - fit.logValue(lags[i]);
        out[n++] = Math.abs(r) <= tolerance ? 0 : r;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** Local β = −d of the window's power fit; NaN without a local fit. */
  public double localBeta() {
    return localPower.map(f -> -f.coefficient(1)).orElse(Double.NaN);
  }

  /** Whether the residuals above ℓ* are significantly negative (sign test p &lt; 0.05): the law bends down there. */
  public boolean bendsBelowBeyondCrossover() {
    return aboveCrossover.map(t -> t.pValue() < SIGN_LEVEL).orElse(false);
  }
}
