package io.horizon.cli.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The verdict rules of the results document on the findings of THEORY §9, with their thresholds. Every rule reads
 * the per-architecture medians over seeds ({@link ArchitectureSummary}); an architecture without results makes its
 * claim inconclusive.
 */
public final class VerdictRules {
  /** How much larger one law's R² must be than the other's to call it the better fit (THEORY §7.5). */
  public static final double R2_MARGIN = 0.02;
  /** The least R² of the exponential fit for an envelope to be called exponential. */
  public static final double EXPONENTIAL_R2_MIN = 0.90;
  /** Relative growth of Ĥ_N from the middle to the largest budget at or below which the window has plateaued. */
  public static final double PLATEAU_GROWTH_MAX = 0.10;
  /** Relative growth of Ĥ_N from the middle to the largest budget at or above which the window grows with N. */
  public static final double GROWTH_MIN = 0.25;
  /** Factor by which DiagGate's semi-log τ_env must exceed the others' to be called very large. */
  public static final double TAU_RATIO_MIN = 3.0;
  /** The least median α̂ of near-Gaussian gradient noise. */
  public static final double NEAR_GAUSSIAN_ALPHA_MIN = 1.8;
  /** The largest median α̂ of heavy-tailed gradient noise (below the Gaussian α = 2 by this margin). */
  public static final double HEAVY_TAIL_ALPHA_MAX = 1.9;
  /** Difference of median α̂ needed to call one architecture's tails heavier. */
  public static final double ALPHA_MARGIN = 0.05;
  /** Extra width Δζ (log τ_q90/τ_q10) needed to call a τ spectrum broader: log 2, twice the τ ratio. */
  public static final double ZETA_WIDTH_MARGIN = Math.log(2);

  private VerdictRules() {}

  /** The thresholds in words with their values, as the results document lists them. */
  public static List<String> describe() {
    return List.of(
        String.format(Locale.ROOT, "R2_MARGIN = %.2f: one envelope law is the better fit when its R² exceeds the "
            + "other's by at least this much; within it the comparison is inconclusive", R2_MARGIN),
        String.format(Locale.ROOT, "EXPONENTIAL_R2_MIN = %.2f: an envelope is exponential when R²_exp is at least "
            + "this and beats R²_pow by R2_MARGIN", EXPONENTIAL_R2_MIN),
        String.format(Locale.ROOT, "PLATEAU_GROWTH_MAX = %.2f, GROWTH_MIN = %.2f: growth of Ĥ_N is (Ĥ at the "
            + "largest N − Ĥ at the middle N of the grid on a log scale) / max(Ĥ at the largest N, 1); at most "
            + "PLATEAU_GROWTH_MAX is a plateau (a window of 0 is no plateau: inconclusive), at least GROWTH_MIN is "
            + "growth", PLATEAU_GROWTH_MAX, GROWTH_MIN),
        String.format(Locale.ROOT, "TAU_RATIO_MIN = %.1f: a semi-log τ_env is very large when it is at least this "
            + "many times the others'; not above them refutes", TAU_RATIO_MIN),
        String.format(Locale.ROOT, "NEAR_GAUSSIAN_ALPHA_MIN = %.2f, HEAVY_TAIL_ALPHA_MAX = %.2f, ALPHA_MARGIN = "
            + "%.2f: median α̂ at least the first is near-Gaussian, at most the second heavy-tailed; heavier tails "
            + "need a median α̂ lower by ALPHA_MARGIN", NEAR_GAUSSIAN_ALPHA_MIN, HEAVY_TAIL_ALPHA_MAX, ALPHA_MARGIN),
        String.format(Locale.ROOT, "ZETA_WIDTH_MARGIN = log 2 = %.3f: a τ spectrum is broader when its width "
            + "Δζ = log(τ_q90/τ_q10) exceeds the others' by at least this much; not wider refutes",
            ZETA_WIDTH_MARGIN),
        "every quantity is the median over seeds of the final checkpoint's report; a claim about several "
            + "architectures holds when it holds for each, does not hold when it fails for any, and a missing "
            + "preset, architecture or value makes it inconclusive");
  }

  /** Every architecture's envelope is exponential: R²_exp ≥ {@value #EXPONENTIAL_R2_MIN} and beats R²_pow by the margin. */
  public static Claim.Rule exponentialEnvelope(String... architectures) {
    return results -> each(results, architectures, a -> {
      String evidence = String.format(Locale.ROOT, "%s: R²_exp %.3f, R²_pow %.3f", a.architecture(),
          a.r2Exponential(), a.r2Power());
      if (a.r2Power() - a.r2Exponential() >= R2_MARGIN) {
        return new Assessment(Verdict.DOES_NOT_HOLD, evidence);
      }
      boolean holds = a.r2Exponential() >= EXPONENTIAL_R2_MIN && a.r2Exponential() - a.r2Power() >= R2_MARGIN;
      return new Assessment(holds ? Verdict.HOLDS : Verdict.INCONCLUSIVE, evidence);
    });
  }

  /** The architecture's envelope is better fit by a power law: R²_pow − R²_exp ≥ the margin (the reverse refutes). */
  public static Claim.Rule powerLawEnvelope(String architecture) {
    return results -> each(results, new String[] {architecture}, a -> {
      double gap = a.r2Power() - a.r2Exponential();
      return new Assessment(decide(gap >= R2_MARGIN, -gap >= R2_MARGIN), String.format(Locale.ROOT,
          "%s: R²_pow %.3f, R²_exp %.3f (AIC winner %s, β %.3g)", a.architecture(), a.r2Power(), a.r2Exponential(),
          a.winner(), a.beta()));
    });
  }

  /** The architecture's envelope is not better fit by a power law: the negation of {@link #powerLawEnvelope}. */
  public static Claim.Rule noPowerLawEnvelope(String architecture) {
    Claim.Rule power = powerLawEnvelope(architecture);
    return results -> power.assess(results).negated();
  }

  /** The architecture's semi-log τ_env is at least {@value #TAU_RATIO_MIN} times every other's; not above them refutes. */
  public static Claim.Rule largeSemiLogTau(String architecture, String... others) {
    return results -> versus(results, architecture, others, ArchitectureSummary::tauEnv, (mine, theirs) -> {
      double largest = theirs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      return decide(mine >= TAU_RATIO_MIN * largest, mine <= largest);
    }, "τ_env");
  }

  /**
   * Every architecture's window has plateaued: Ĥ_N at the largest budget is positive and at most
   * {@value #PLATEAU_GROWTH_MAX} (relative) above Ĥ_N at the middle budget; growth of {@value #GROWTH_MIN} or more
   * refutes.
   */
  public static Claim.Rule windowPlateaus(String... architectures) {
    return results -> each(results, architectures, a -> {
      double g = growth(a);
      Verdict v = a.windowAtLargestBudget() > 0 ? decide(g <= PLATEAU_GROWTH_MAX, g >= GROWTH_MIN) : Verdict.INCONCLUSIVE;
      return new Assessment(v, windowEvidence(a, g));
    });
  }

  /** The architecture's window grows with N: relative growth ≥ {@value #GROWTH_MIN}; ≤ {@value #PLATEAU_GROWTH_MAX} refutes. */
  public static Claim.Rule windowGrows(String architecture) {
    return results -> each(results, new String[] {architecture}, a -> {
      double g = growth(a);
      return new Assessment(decide(g >= GROWTH_MIN, g <= PLATEAU_GROWTH_MAX), windowEvidence(a, g));
    });
  }

  /** Every architecture's Ĥ_N at the largest budget is positive; zero refutes. */
  public static Claim.Rule nonzeroWindow(String... architectures) {
    return results -> each(results, architectures, a -> new Assessment(
        decide(a.windowAtLargestBudget() > 0, a.windowAtLargestBudget() == 0), String.format(Locale.ROOT,
            "%s: Ĥ_N %.0f at N %d", a.architecture(), a.windowAtLargestBudget(), a.budgets()[a.budgets().length - 1])));
  }

  /** The architecture's Ĥ_N at the largest budget exceeds every other's; below any refutes, a tie is inconclusive. */
  public static Claim.Rule longerWindow(String architecture, String... others) {
    return results -> versus(results, architecture, others, ArchitectureSummary::windowAtLargestBudget,
        (mine, theirs) -> {
          double largest = theirs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
          return decide(mine > largest, mine < largest);
        }, "median Ĥ_N at the largest N");
  }

  /** The architecture's log N_min vs log f̂ is more linear: its R² beats every other's by the margin. */
  public static Claim.Rule moreLinearComplexity(String architecture, String... others) {
    return results -> versus(results, architecture, others, ArchitectureSummary::complexityR2, (mine, theirs) -> {
      double best = theirs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      return decide(mine - best >= R2_MARGIN, best - mine >= R2_MARGIN);
    }, "R² of log N_min vs log f̂");
  }

  /** Every architecture's median α̂ is at least {@value #NEAR_GAUSSIAN_ALPHA_MIN}; below refutes. */
  public static Claim.Rule nearGaussianNoise(String... architectures) {
    return results -> each(results, architectures, a -> new Assessment(
        decide(a.medianAlpha() >= NEAR_GAUSSIAN_ALPHA_MIN, a.medianAlpha() < NEAR_GAUSSIAN_ALPHA_MIN),
        String.format(Locale.ROOT, "%s: median α̂ %.3f", a.architecture(), a.medianAlpha())));
  }

  /** The architecture's median α̂ is at most {@value #HEAVY_TAIL_ALPHA_MAX}; above refutes. */
  public static Claim.Rule heavyTailedNoise(String architecture) {
    return results -> each(results, new String[] {architecture}, a -> new Assessment(
        decide(a.medianAlpha() <= HEAVY_TAIL_ALPHA_MAX, a.medianAlpha() > HEAVY_TAIL_ALPHA_MAX),
        String.format(Locale.ROOT, "%s: median α̂ %.3f", a.architecture(), a.medianAlpha())));
  }

  /** The architecture's median α̂ is below every other's by {@value #ALPHA_MARGIN}; above any by it refutes. */
  public static Claim.Rule heavierTails(String architecture, String... others) {
    return results -> versus(results, architecture, others, ArchitectureSummary::medianAlpha, (mine, theirs) -> {
      double lightest = theirs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
      return decide(lightest - mine >= ALPHA_MARGIN, mine - lightest >= ALPHA_MARGIN);
    }, "median α̂");
  }

  /** The architecture's τ spectrum is wider (Δζ) than every other's by log 2; not wider than the widest refutes. */
  public static Claim.Rule broaderSpectrum(String architecture, String... others) {
    return results -> versus(results, architecture, others, ArchitectureSummary::zetaWidth, (mine, theirs) -> {
      double widest = theirs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
      return decide(mine - widest >= ZETA_WIDTH_MARGIN, mine <= widest);
    }, "Δζ = log(τ_q90/τ_q10)");
  }

  /** Relative growth of Ĥ_N from the middle to the largest budget: (H_last − H_middle) / max(H_last, 1). */
  static double growth(ArchitectureSummary a) {
    return (a.windowAtLargestBudget() - a.windowAtMiddleBudget()) / Math.max(a.windowAtLargestBudget(), 1);
  }

  private static String windowEvidence(ArchitectureSummary a, double growth) {
    return String.format(Locale.ROOT, "%s: Ĥ_N %.0f at the middle N, %.0f at N %d (growth %.2f)", a.architecture(),
        a.windowAtMiddleBudget(), a.windowAtLargestBudget(), a.budgets()[a.budgets().length - 1], growth);
  }

  /** HOLDS when {@code holds}, else DOES_NOT_HOLD when {@code refuted}, else INCONCLUSIVE (also for NaN inputs). */
  static Verdict decide(boolean holds, boolean refuted) {
    return holds ? Verdict.HOLDS : refuted ? Verdict.DOES_NOT_HOLD : Verdict.INCONCLUSIVE;
  }

  private interface Comparison {
    Verdict decide(double mine, List<Double> theirs);
  }

  private static Assessment each(PresetResults results, String[] architectures,
      Function<ArchitectureSummary, Assessment> rule) {
    return PerArchitecture.each(results.preset(), results.architectures(), architectures, rule);
  }

  private static Assessment versus(PresetResults results, String architecture, String[] others,
      Function<ArchitectureSummary, Double> value, Comparison comparison, String quantity) {
    List<String> names = new ArrayList<>(List.of(architecture));
    names.addAll(List.of(others));
    List<Double> values = new ArrayList<>();
    StringBuilder evidence = new StringBuilder(quantity).append(':');
    for (String name : names) {
      Optional<ArchitectureSummary> a = results.architecture(name);
      if (a.isEmpty()) {
        return missing(results, name);
      }
      values.add(value.apply(a.get()));
      evidence.append(String.format(Locale.ROOT, " %s %.3g", name, values.get(values.size() - 1)));
    }
    boolean anyNaN = values.stream().anyMatch(v -> Double.isNaN(v));
    Verdict v = anyNaN ? Verdict.INCONCLUSIVE : comparison.decide(values.get(0), values.subList(1, values.size()));
    return new Assessment(v, evidence + (anyNaN ? " (not available for every architecture)" : ""));
  }

  private static Assessment missing(PresetResults results, String architecture) {
    return PerArchitecture.missing(results.preset(), architecture);
  }
}
