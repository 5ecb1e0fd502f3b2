package io.horizon.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules of the time-scale coupling and anti-collapse studies on constructed summaries: for each rule a
 * case that holds, one that does not and one between its thresholds or with a value missing (inconclusive).
 */
class CompanionRulesTest {
  private static final double NAN = Double.NaN;

  private static CouplingSummary coupling(String name, double slope, double r2, double range, double concentration) {
    return new CouplingSummary(name, 1, slope, r2, range, 1 / range, 3, concentration, 0.5);
  }

  private static CollapseSummary collapse(String name, int runs, int collapsed, double beta, double envelopeBeta,
      double kappaLo, double kappaHi) {
    return new CollapseSummary(name, runs, collapsed == runs ? "collapsed" : "boundary", collapsed, beta, beta - 0.2,
        beta + 0.2, envelopeBeta, beta, 1.5, 40, (kappaLo + kappaHi) / 2, kappaLo, kappaHi, 0, NAN, NAN, NAN);
  }

  private static CollapseSummary slowAlpha(double alpha, double lo, double hi) {
    return new CollapseSummary("diag", 1, "boundary", 0, 1, 1, 1, 1, 1, 1, 40, 0, 0, 0, 0, alpha, lo, hi);
  }

  @SafeVarargs
  private static <S> Map<String, S> map(Map.Entry<String, S>... entries) {
    Map<String, S> m = new LinkedHashMap<>();
    for (Map.Entry<String, S> e : entries) {
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static Map<String, CouplingSummary> one(CouplingSummary s) {
    return map(Map.entry(s.architecture(), s));
  }

  private static Map<String, CollapseSummary> one(CollapseSummary s) {
    return map(Map.entry(s.architecture(), s));
  }

  @Test
  void lagDependenceNeedsTheProfileToVaryByTheRangeAndAFlatProfileRefutes() {
    double between = (CouplingRules.PROFILE_RANGE_MIN + CouplingRules.FLAT_RANGE_MAX) / 2;
    assertEquals(Verdict.HOLDS, CouplingRules.lagDependent("p",
        one(coupling("diag", 1, 1, CouplingRules.PROFILE_RANGE_MIN, 0.5)), "diag").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CouplingRules.lagDependent("p",
        one(coupling("diag", 1, 1, CouplingRules.FLAT_RANGE_MAX, 0.5)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CouplingRules.lagDependent("p",
        one(coupling("diag", 1, 1, between, 0.5)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CouplingRules.lagDependent("p",
        one(coupling("diag", 1, 1, 10, 0.5)), "diag", "shared").verdict(), "shared has no report");
  }

  @Test
  void followingTheGateProductsNeedsAPositiveSlopeWithEnoughR2() {
    double good = CouplingRules.SLOPE_R2_MIN;
    double middling = (CouplingRules.SLOPE_R2_MIN + CouplingRules.SLOPE_R2_REFUTE) / 2;
    assertEquals(Verdict.HOLDS, CouplingRules.followsGateProducts("p",
        one(coupling("shared", 0.7, good, 3, 0.5)), "shared").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CouplingRules.followsGateProducts("p",
        one(coupling("shared", -0.1, good, 3, 0.5)), "shared").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CouplingRules.followsGateProducts("p",
        one(coupling("shared", 0.7, CouplingRules.SLOPE_R2_REFUTE / 2, 3, 0.5)), "shared").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CouplingRules.followsGateProducts("p",
        one(coupling("shared", 0.7, middling, 3, 0.5)), "shared").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CouplingRules.followsGateProducts("p",
        one(coupling("shared", NAN, NAN, 3, 0.5)), "shared").verdict(), "no slope measured");
  }

  @Test
  void concentrationMatchesAdamWithinTheMargin() {
    Map<String, CouplingSummary> adam = one(coupling("const", NAN, NAN, NAN, 0.6));
    double m = CouplingRules.CONCENTRATION_MARGIN;
    assertEquals(Verdict.HOLDS, CouplingRules.concentratesLikeAdam("s2", one(coupling("diag", 1, 1, 3, 0.6 - m)),
        "plain", adam, "const", "diag").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CouplingRules.concentratesLikeAdam("s2",
        one(coupling("diag", 1, 1, 3, 0.6 - 2 * m)), "plain", adam, "const", "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CouplingRules.concentratesLikeAdam("s2",
        one(coupling("diag", 1, 1, 3, 0.9)), "plain", Map.of(), "const", "diag").verdict(), "no reference");
  }

  @Test
  void phasesDecideCollapseAndTheExtendedRegimeAndMixedRunsAreInconclusive() {
    assertEquals(Verdict.HOLDS, CollapseRules.collapses("p", one(collapse("const", 2, 2, 1, 1, 0, 0)), "const")
        .verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CollapseRules.collapses("p", one(collapse("const", 2, 0, 1, 1, 0, 0)),
        "const").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.collapses("p", one(collapse("const", 2, 1, 1, 1, 0, 0)),
        "const").verdict());
    assertEquals(Verdict.HOLDS, CollapseRules.extended("p", one(collapse("diag", 2, 0, 1, 1, 0, 0)), "diag")
        .verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CollapseRules.extended("p", one(collapse("diag", 2, 2, 1, 1, 0, 0)),
        "diag").verdict());
  }

  @Test
  void oneExponentComparesTheTailAndTheEnvelopeOnlyWhenNotCollapsed() {
    double a = CollapseRules.BETA_AGREEMENT;
    assertEquals(Verdict.HOLDS, CollapseRules.oneExponent("p", one(collapse("diag", 1, 0, 1.2, 1.2 + 0.9 * a, 0, 0)),
        "diag").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CollapseRules.oneExponent("p",
        one(collapse("diag", 1, 0, 1.2, 1.2 + 2.5 * a, 0, 0)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.oneExponent("p",
        one(collapse("diag", 1, 0, 1.2, 1.2 + 1.5 * a, 0, 0)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.oneExponent("p", one(collapse("diag", 1, 1, 1.2, 1.2, 0, 0)),
        "diag").verdict(), "collapsed");
  }

  @Test
  void slowForcingIsHeavyAtOrBelowTheLineAndRefutedWhenItsIntervalLiesAbove() {
    double line = CollapseRules.HEAVY_ALPHA;
    assertEquals(Verdict.HOLDS, CollapseRules.heavySlowForcing("p", one(slowAlpha(line - 0.3, 1.2, 1.7)), "diag")
        .verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CollapseRules.heavySlowForcing("p",
        one(slowAlpha(line + 0.15, line + 0.05, 2)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.heavySlowForcing("p",
        one(slowAlpha(line + 0.1, line - 0.2, 2)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.heavySlowForcing("p", one(slowAlpha(NAN, NAN, NAN)), "diag")
        .verdict(), "no estimate");
  }

  @Test
  void theRestoringDriftIsDecidedByItsInterval() {
    assertEquals(Verdict.HOLDS, CollapseRules.restoringDrift("p", one(collapse("diag", 1, 0, 1, 1, 0.01, 0.2)),
        "diag").verdict());
    assertEquals(Verdict.DOES_NOT_HOLD, CollapseRules.restoringDrift("p",
        one(collapse("diag", 1, 0, 1, 1, -0.2, -0.01)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.restoringDrift("p",
        one(collapse("diag", 1, 0, 1, 1, -0.1, 0.1)), "diag").verdict());
    assertEquals(Verdict.INCONCLUSIVE, CollapseRules.restoringDrift("p",
        one(collapse("diag", 1, 0, 1, 1, NAN, NAN)), "diag").verdict(), "no drift estimate");
  }
}
