package io.horizon.cli.reproduce;

import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;
import java.util.Locale;

/**
 * The fitted quantities of one architecture in one preset, over the final reports of its runs (one per seed):
 * medians of the scalars, the most frequent AIC winner and regime, the median Ĥ_N per budget, and the per-unit τ
 * range over all runs (THEORY §7.3–7.5, §9 items (ii)–(vii)).
 *
 * @param architecture the architecture's name
 * @param runs how many final reports were summarised
 * @param tauEnv median τ_env of the exponential envelope fit
 * @param r2Exponential median R² of the exponential fit
 * @param beta median β of the power-law fit
 * @param r2Power median R² of the power-law fit
 * @param winner most frequent AIC winner
 * @param regime most frequent scaling regime
 * @param budgets the budget grid N of the reports
 * @param window median Ĥ_N at each budget
 * @param medianAlpha median over runs of the reports' median α̂
 * @param tauMin smallest per-unit τ over the runs
 * @param tauMax largest per-unit τ over the runs
 * @param zetaWidth median width Δζ of the per-unit τ spectrum
 * @param complexityR2 median R² of log N_min vs log f̂ (NaN where no run had the regression)
 */
public record ArchitectureSummary(String architecture, int runs, double tauEnv, double r2Exponential, double beta,
    double r2Power, String winner, String regime, long[] budgets, double[] window, double medianAlpha,
    double tauMin, double tauMax, double zetaWidth, double complexityR2) {

  /** Summarises the final reports {@code finals} (at least one, all of one architecture). */
  public static ArchitectureSummary of(List<LearnabilityReport> finals) {
    if (finals.isEmpty()) {
      throw new IllegalArgumentException("reports: need at least one final report to summarise an architecture");
    }
    List<FitScalars> fits = finals.stream().map(FitScalars::of).toList();
    long[] budgets = finals.get(0).getBudgetsList().stream().mapToLong(Long::longValue).toArray();
    double[] window = new double[budgets.length];
    for (int b = 0; b < budgets.length; b++) {
      int at = b;
      window[b] = PerArchitecture.median(finals.stream().mapToDouble(r -> at < r.getWindowCount() ? r.getWindow(at) : Double.NaN)
          .toArray());
    }
    return new ArchitectureSummary(finals.get(0).getArchitecture(), finals.size(),
        PerArchitecture.median(finals, LearnabilityReport::getTauEnv), PerArchitecture.median(fits, FitScalars::r2Exponential),
        PerArchitecture.median(finals, LearnabilityReport::getBeta), PerArchitecture.median(fits, FitScalars::r2Power),
        PerArchitecture.mostFrequent(fits.stream().map(FitScalars::winner).toList()),
        PerArchitecture.mostFrequent(finals.stream().map(r -> r.getRegime().toLowerCase(Locale.ROOT)).toList()),
        budgets, window, PerArchitecture.median(finals, LearnabilityReport::getMedianAlpha),
        fits.stream().mapToDouble(FitScalars::tauMin).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN),
        fits.stream().mapToDouble(FitScalars::tauMax).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN),
        PerArchitecture.median(fits, FitScalars::zetaWidth), PerArchitecture.median(fits, FitScalars::complexityR2));
  }

  /** Median Ĥ_N at the largest budget. */
  public double windowAtLargestBudget() {
    return window.length == 0 ? Double.NaN : window[window.length - 1];
  }

  /**
   * Median Ĥ_N at the budget in the middle of the grid on a log scale (the largest N ≤ √(N_first · N_last)).
   */
  public double windowAtMiddleBudget() {
    if (budgets.length == 0) {
      return Double.NaN;
    }
    double middle = Math.sqrt((double) budgets[0] * budgets[budgets.length - 1]);
    int at = 0;
    for (int b = 0; b < budgets.length; b++) {
      if (budgets[b] <= middle) {
        at = b;
      }
    }
    return window[at];
  }
}
