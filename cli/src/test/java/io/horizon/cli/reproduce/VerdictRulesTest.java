package io.horizon.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules on constructed results: for each rule one case that holds, one that does not and one inside
 * the margin (inconclusive), placed around the named thresholds.
 */
class VerdictRulesTest {
  private static final long[] BUDGETS = {100, 1000, 10000};

  /** An architecture summary with the given fits, windows at the three budgets, α̂ and spectrum width. */
  private static ArchitectureSummary summary(String name, double r2Exp, double r2Pow, double tauEnv,
      double[] window, double alpha, double zetaWidth, double complexityR2) {
    return new ArchitectureSummary(name, 1, tauEnv, r2Exp, 1, r2Pow, "exponential", "exponential", BUDGETS, window,
        alpha, 1, 10, zetaWidth, complexityR2);
  }

  private static ArchitectureSummary fits(String name, double r2Exp, double r2Pow) {
    return summary(name, r2Exp, r2Pow, 10, new double[] {1, 1, 1}, 2, 0, 0.5);
  }

  private static PresetResults preset(ArchitectureSummary... architectures) {
    Map<String, ArchitectureSummary> map = new LinkedHashMap<>();
    for (ArchitectureSummary a : architectures) {
      map.put(a.architecture(), a);
    }
    return new PresetResults("p", null, map, Optional.empty());
  }

  private static Verdict verdict(Claim.Rule rule, ArchitectureSummary... architectures) {
    return rule.assess(preset(architectures)).verdict();
  }

  @Test
  void exponentialEnvelopeNeedsAGoodFitThatBeatsThePowerLawByTheMargin() {
    double good = VerdictRules.EXPONENTIAL_R2_MIN + 0.05;
    Claim.Rule rule = VerdictRules.exponentialEnvelope("const", "shared");
    assertEquals(Verdict.HOLDS, verdict(rule, fits("const", good, good - 2 * VerdictRules.R2_MARGIN),
        fits("shared", good, good - 2 * VerdictRules.R2_MARGIN)));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(rule, fits("const", good, good - 2 * VerdictRules.R2_MARGIN),
        fits("shared", good - 2 * VerdictRules.R2_MARGIN, good)));
    assertEquals(Verdict.INCONCLUSIVE, verdict(rule, fits("const", good, good - VerdictRules.R2_MARGIN / 2),
        fits("shared", good, good - 2 * VerdictRules.R2_MARGIN)));
    double poor = VerdictRules.EXPONENTIAL_R2_MIN - 0.1;
    assertEquals(Verdict.INCONCLUSIVE, verdict(rule, fits("const", poor, poor - 2 * VerdictRules.R2_MARGIN),
        fits("shared", good, good - 2 * VerdictRules.R2_MARGIN)), "a poor exponential fit decides nothing");
  }

  @Test
  void powerLawAndItsNegationSwapHoldsAndDoesNotHold() {
    ArchitectureSummary power = fits("diag", 0.8, 0.8 + 2 * VerdictRules.R2_MARGIN);
    ArchitectureSummary exponential = fits("diag", 0.8 + 2 * VerdictRules.R2_MARGIN, 0.8);
    ArchitectureSummary tie = fits("diag", 0.8, 0.8 + VerdictRules.R2_MARGIN / 2);
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.powerLawEnvelope("diag"), power));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.powerLawEnvelope("diag"), exponential));
    assertEquals(Verdict.INCONCLUSIVE, verdict(VerdictRules.powerLawEnvelope("diag"), tie));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.noPowerLawEnvelope("diag"), power));
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.noPowerLawEnvelope("diag"), exponential));
    assertEquals(Verdict.INCONCLUSIVE, verdict(VerdictRules.noPowerLawEnvelope("diag"), tie));
  }

  @Test
  void windowGrowthIsMeasuredFromTheMiddleToTheLargestBudget() {
    ArchitectureSummary grows = windows("diag", 10, 40);
    ArchitectureSummary flat = windows("diag", 40, 40);
    double between = (VerdictRules.PLATEAU_GROWTH_MAX + VerdictRules.GROWTH_MIN) / 2;
    ArchitectureSummary unclear = windows("diag", 100 * (1 - between), 100);
    assertEquals(between, VerdictRules.growth(unclear), 1e-12);
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.windowGrows("diag"), grows));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.windowGrows("diag"), flat));
    assertEquals(Verdict.INCONCLUSIVE, verdict(VerdictRules.windowGrows("diag"), unclear));
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.windowPlateaus("diag"), flat));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.windowPlateaus("diag"), grows));
    assertEquals(Verdict.INCONCLUSIVE, verdict(VerdictRules.windowPlateaus("diag"), windows("diag", 0, 0)),
        "a vanishing window is no plateau");
  }

  private static ArchitectureSummary windows(String name, double middle, double last) {
    return summary(name, 0.9, 0.9, 10, new double[] {0, middle, last}, 2, 0, 0.5);
  }

  @Test
  void comparisonsAcrossArchitecturesUseTheirMargins() {
    ArchitectureSummary c = summary("const", 1, 0, 10, new double[] {5, 5, 5}, 1.99, 0, 0.3);
    ArchitectureSummary s = summary("shared", 1, 0, 12, new double[] {6, 6, 6}, 1.97, 0.2, 0.4);
    Claim.Rule tails = VerdictRules.heavierTails("diag", "const", "shared");
    assertEquals(Verdict.HOLDS, verdict(tails, alpha(1.97 - 2 * VerdictRules.ALPHA_MARGIN), c, s));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(tails, alpha(1.97 + 2 * VerdictRules.ALPHA_MARGIN), c, s));
    assertEquals(Verdict.INCONCLUSIVE, verdict(tails, alpha(1.97 - VerdictRules.ALPHA_MARGIN / 2), c, s));
    Claim.Rule tau = VerdictRules.largeSemiLogTau("diag", "const", "shared");
    assertEquals(Verdict.HOLDS, verdict(tau, tauEnv(12 * VerdictRules.TAU_RATIO_MIN), c, s));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(tau, tauEnv(11), c, s));
    assertEquals(Verdict.INCONCLUSIVE, verdict(tau, tauEnv(12 * VerdictRules.TAU_RATIO_MIN / 2), c, s));
    assertEquals(Verdict.HOLDS, verdict(tau, tauEnv(Double.POSITIVE_INFINITY), c, s), "a flat semi-log envelope");
    Claim.Rule spectrum = VerdictRules.broaderSpectrum("diag", "const", "shared");
    assertEquals(Verdict.HOLDS, verdict(spectrum, width(0.2 + 2 * VerdictRules.ZETA_WIDTH_MARGIN), c, s));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(spectrum, width(0.1), c, s));
    assertEquals(Verdict.INCONCLUSIVE, verdict(spectrum, width(0.2 + VerdictRules.ZETA_WIDTH_MARGIN / 2), c, s));
    Claim.Rule linear = VerdictRules.moreLinearComplexity("diag", "const", "shared");
    assertEquals(Verdict.HOLDS, verdict(linear, complexity(0.4 + 2 * VerdictRules.R2_MARGIN), c, s));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(linear, complexity(0.4 - 2 * VerdictRules.R2_MARGIN), c, s));
    Assessment nan = linear.assess(preset(complexity(Double.NaN), c, s));
    assertEquals(Verdict.INCONCLUSIVE, nan.verdict(), "no regression for one architecture");
    assertTrue(nan.evidence().contains("not available"), nan.evidence());
  }

  private static ArchitectureSummary alpha(double a) {
    return summary("diag", 1, 0, 10, new double[] {5, 5, 5}, a, 0, 0.3);
  }

  private static ArchitectureSummary tauEnv(double tau) {
    return summary("diag", 1, 0, tau, new double[] {5, 5, 5}, 2, 0, 0.3);
  }

  private static ArchitectureSummary width(double w) {
    return summary("diag", 1, 0, 10, new double[] {5, 5, 5}, 2, w, 0.3);
  }

  private static ArchitectureSummary complexity(double r2) {
    return summary("diag", 1, 0, 10, new double[] {5, 5, 5}, 2, 0, r2);
  }

  @Test
  void noiseAndWindowThresholds() {
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.nearGaussianNoise("const"),
        alphaOf("const", VerdictRules.NEAR_GAUSSIAN_ALPHA_MIN)));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.nearGaussianNoise("const"),
        alphaOf("const", VerdictRules.NEAR_GAUSSIAN_ALPHA_MIN - 0.01)));
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.heavyTailedNoise("diag"),
        alphaOf("diag", VerdictRules.HEAVY_TAIL_ALPHA_MAX)));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.heavyTailedNoise("diag"),
        alphaOf("diag", VerdictRules.HEAVY_TAIL_ALPHA_MAX + 0.01)));
    assertEquals(Verdict.HOLDS, verdict(VerdictRules.nonzeroWindow("diag"), windows("diag", 0, 1)));
    assertEquals(Verdict.DOES_NOT_HOLD, verdict(VerdictRules.nonzeroWindow("diag"), windows("diag", 0, 0)));
  }

  private static ArchitectureSummary alphaOf(String name, double a) {
    return summary(name, 1, 0, 10, new double[] {5, 5, 5}, a, 0, 0.3);
  }

  @Test
  void aMissingArchitectureOrPresetIsInconclusive() {
    Assessment a = VerdictRules.exponentialEnvelope("const", "shared").assess(preset(fits("const", 1, 0)));
    assertEquals(Verdict.INCONCLUSIVE, a.verdict());
    assertTrue(a.evidence().contains("shared: no report in p"), a.evidence());
    Claim claim = new Claim("x", "s", "t", "absent", VerdictRules.windowGrows("diag"));
    assertEquals(Verdict.INCONCLUSIVE, claim.assess(Map.of("p", preset(fits("diag", 1, 0)))).verdict());
  }

  @Test
  void partsCombineWithAnyFailureFirstThenAnyDoubt() {
    Assessment holds = new Assessment(Verdict.HOLDS, "a");
    Assessment fails = new Assessment(Verdict.DOES_NOT_HOLD, "b");
    Assessment unsure = new Assessment(Verdict.INCONCLUSIVE, "c");
    assertEquals(Verdict.DOES_NOT_HOLD, Assessment.all(List.of(holds, unsure, fails)).verdict());
    assertEquals(Verdict.INCONCLUSIVE, Assessment.all(List.of(holds, unsure)).verdict());
    assertEquals(Verdict.HOLDS, Assessment.all(List.of(holds, holds)).verdict());
    assertEquals("a; c", Assessment.all(List.of(holds, unsure)).evidence());
  }
}
