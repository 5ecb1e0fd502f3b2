package io.horizon.cli.reproduce;

import io.horizon.core.collapse.SlowModeTailIndex;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict rules of the anti-collapse study (THEORY §11) with their thresholds. Each rule reads the
 * per-architecture summaries of the final checkpoints ({@link CollapseSummary}); a missing architecture or value is
 * inconclusive.
 */
public final class CollapseRules {
  /** The largest |β̂ − β| between the τ-spectrum tail and the measured envelope for one exponent to govern both. */
  public static final double BETA_AGREEMENT = 0.3;

  /** α_eff at or below which the slow-mode forcing is substantively heavy (THEORY §11.3 item 10). */
  public static final double HEAVY_ALPHA = SlowModeTailIndex.HEAVY_ALPHA;

  private CollapseRules() {}

  /** The thresholds in words with their values. */
  public static List<String> describe() {
    return List.of(
        "phase: the final checkpoint's phase of THEORY §11.3 item 7; an architecture collapses when every run's final "
            + "phase is collapsed and reaches the extended regime when none is; mixed runs are inconclusive",
        String.format(Locale.ROOT, "BETA_AGREEMENT = %.2f: one exponent governs the spread of time scales and the "
            + "forgetting when β̂ of the τ CCDF tail and β of the measured envelope's power-law fit differ by at most "
            + "this much, refuted beyond twice it; judged only on runs that are not collapsed", BETA_AGREEMENT),
        "restoring drift: κ̂_tail's 90% block-bootstrap interval above 0 holds, below 0 refutes (THEORY §11.3 item 9)",
        String.format(Locale.ROOT, "HEAVY_ALPHA = %.1f: the slow units' update increments are heavy-tailed when "
            + "their α_eff is at most this; the 90%% bootstrap interval entirely above it refutes (THEORY §11.3 "
            + "item 10)", HEAVY_ALPHA),
        "every quantity is the median over seeds of the final checkpoint's report (κ̂_tail over all its checkpoints)");
  }

  /** Every run of each architecture ends collapsed (none collapsed refutes). */
  static Assessment collapses(String preset, Map<String, CollapseSummary> summaries, String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.collapsedRuns() == s.runs(), s.collapsedRuns() == 0), phases(s)));
  }

  /** No run of each architecture ends collapsed (every run collapsed refutes). */
  static Assessment extended(String preset, Map<String, CollapseSummary> summaries, String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.collapsedRuns() == 0, s.collapsedRuns() == s.runs()), phases(s)));
  }

  /** β̂ of the τ tail and the envelope's power-law β agree within {@value #BETA_AGREEMENT} (not collapsed). */
  static Assessment oneExponent(String preset, Map<String, CollapseSummary> summaries, String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> {
      double gap = Math.abs(s.beta() - s.envelopeBeta());
      String evidence = String.format(Locale.ROOT, "%s: β̂ %.3g [%.3g, %.3g], envelope β %.3g, β_env %.3g; %s",
          s.architecture(), s.beta(), s.betaLo(), s.betaHi(), s.envelopeBeta(), s.laplaceBeta(), phases(s));
      if (2 * s.collapsedRuns() >= s.runs()) {
        return new Assessment(Verdict.INCONCLUSIVE, evidence + " (collapsed: no power-law tail to compare)");
      }
      return new Assessment(VerdictRules.decide(gap <= BETA_AGREEMENT, gap > 2 * BETA_AGREEMENT), evidence);
    });
  }

  /** κ̂_tail's interval lies above 0 for each architecture (below 0 refutes). */
  static Assessment restoringDrift(String preset, Map<String, CollapseSummary> summaries, String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.kappaLo() > 0, s.kappaHi() < 0), String.format(Locale.ROOT,
            "%s: κ̂_tail %.3g [%.3g, %.3g]", s.architecture(), s.kappa(), s.kappaLo(), s.kappaHi())));
  }

  /** The slow units' increments are heavy-tailed: α_eff ≤ {@link #HEAVY_ALPHA} (its interval above refutes). */
  static Assessment heavySlowForcing(String preset, Map<String, CollapseSummary> summaries,
      String... architectures) {
    return PerArchitecture.each(preset, summaries, architectures, s -> new Assessment(
        VerdictRules.decide(s.slowAlpha() <= HEAVY_ALPHA, s.slowAlphaLo() > HEAVY_ALPHA), String.format(Locale.ROOT,
            "%s: slow-mode α_eff %.3g [%.3g, %.3g]", s.architecture(), s.slowAlpha(), s.slowAlphaLo(),
            s.slowAlphaHi())));
  }

  private static String phases(CollapseSummary s) {
    return String.format(Locale.ROOT, "%s: %d of %d runs collapsed (most frequent phase: %s)", s.architecture(),
        s.collapsedRuns(), s.runs(), s.phase());
  }
}
