package io.horizon.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict rules of the time-scale coupling study (THEORY §10) with their thresholds. Each rule reads the
 * per-architecture medians over seeds ({@link CouplingSummary}); a missing architecture or value is inconclusive.
 */
public final class CouplingRules {
  /** Largest over smallest μ̃_eff(h) across lags at or above which the effective rate is lag-dependent. */
  public static final double PROFILE_RANGE_MIN = 2.0;
  /** Range at or below which the profile is flat, refuting lag dependence. */
  public static final double FLAT_RANGE_MAX = 1.25;
  /** The least R² of log S on log P for the Jacobian norms to follow the gate products. */
  public static final double SLOPE_R2_MIN = 0.5;
  /** R² below which log S does not follow log P at all. */
  public static final double SLOPE_R2_REFUTE = 0.1;
  /** How far below the Adam-trained plain RNN's CE_r a gated model's CE_r may lie and still match it. */
  public static final double CONCENTRATION_MARGIN = 0.05;

  private CouplingRules() {}

  /** The thresholds in words with their values. */
  public static List<String> describe() {
    return List.of(
        String.format(Locale.ROOT, "PROFILE_RANGE_MIN = %.2f, FLAT_RANGE_MAX = %.2f: the S1 profile μ̃_eff(h) is "
            + "lag-dependent when its largest value is at least PROFILE_RANGE_MIN times its smallest over h = 1 … "
            + "T−1, flat (refuting) at most FLAT_RANGE_MAX times", PROFILE_RANGE_MIN, FLAT_RANGE_MAX),
        String.format(Locale.ROOT, "SLOPE_R2_MIN = %.2f, SLOPE_R2_REFUTE = %.2f: the Jacobian-product norms follow "
            + "the gate-product predictor when the slope s of log S on log P is positive with R² at least "
            + "SLOPE_R2_MIN; s ≤ 0 or R² below SLOPE_R2_REFUTE refutes", SLOPE_R2_MIN, SLOPE_R2_REFUTE),
        String.format(Locale.ROOT, "CONCENTRATION_MARGIN = %.2f: a gated model's gradient energy concentration "
            + "CE_r matches or exceeds the Adam-trained plain RNN's when it is at least that CE_r minus this "
            + "margin", CONCENTRATION_MARGIN),
        "every quantity is the median over seeds of the final checkpoint's report; a claim about several "
            + "architectures holds when it holds for each and does not hold when it fails for any");
  }

  /** Each architecture's S1 profile varies across lags by at least {@value #PROFILE_RANGE_MIN}×. */
  static Assessment lagDependent(String preset, Map<String, CouplingSummary> summaries, String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.profileRange() >= PROFILE_RANGE_MIN, s.profileRange() <= FLAT_RANGE_MAX),
        String.format(Locale.ROOT, "%s: μ̃_eff range %.3g (μ̃_eff at the last lag %.3g)", s.architecture(),
            s.profileRange(), s.lastLagEffective())));
  }

  /** Each architecture's log S grows with log P: s > 0 with R² ≥ {@value #SLOPE_R2_MIN}. */
  static Assessment followsGateProducts(String preset, Map<String, CouplingSummary> summaries,
      String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.slope() > 0 && s.slopeR2() >= SLOPE_R2_MIN,
            s.slope() <= 0 || s.slopeR2() < SLOPE_R2_REFUTE),
        String.format(Locale.ROOT, "%s: s %.3g, R² %.3g", s.architecture(), s.slope(), s.slopeR2())));
  }

  /**
   * Each gated architecture's gradient CE_r is at least the reference's minus {@value #CONCENTRATION_MARGIN}: the
   * gates concentrate gradient flow as much as Adam does on the plain RNN.
   */
  static Assessment concentratesLikeAdam(String gatedPreset, Map<String, CouplingSummary> gated,
      String referencePreset, Map<String, CouplingSummary> reference, String referenceArchitecture,
      String... architectures) {
    CouplingSummary adam = reference.get(referenceArchitecture);
    if (adam == null) {
      return PerArchitecture.missing(referencePreset, referenceArchitecture);
    }
    List<Assessment> parts = new ArrayList<>();
    parts.add(PerArchitecture.each(gatedPreset, gated, architectures, s -> new Assessment(
        VerdictRules.decide(s.gradientConcentration() >= adam.gradientConcentration() - CONCENTRATION_MARGIN,
            s.gradientConcentration() < adam.gradientConcentration() - CONCENTRATION_MARGIN),
        String.format(Locale.ROOT, "%s: CE_r %.3g (AI_r %.3g)", s.architecture(), s.gradientConcentration(),
            s.gradientAnisotropy()))));
    parts.add(new Assessment(Double.isNaN(adam.gradientConcentration()) ? Verdict.INCONCLUSIVE : Verdict.HOLDS,
        String.format(Locale.ROOT, "plain RNN + Adam: CE_r %.3g (AI_r %.3g)", adam.gradientConcentration(),
            adam.gradientAnisotropy())));
    return Assessment.all(parts);
  }
}
