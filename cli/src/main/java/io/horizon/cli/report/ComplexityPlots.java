package io.horizon.cli.report;

import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;

/**
 * Sample-complexity figures of the last checkpoint of every run: the learnability window Ĥ_N against the budget N
 * (THEORY §7.3), N_min(ℓ) against f̂(ℓ) (THEORY §7.3, §7.5) and the residuals R(ℓ) (THEORY §6.5).
 */
final class ComplexityPlots {
  private ComplexityPlots() {}

  /** The three figures. */
  static List<Plot> of(List<LearnabilityReport> finals, RunStyles styles) {
    return List.of(window(finals, styles), budget(finals, styles), residuals(finals, styles));
  }

  private static Plot window(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Learnability window Ĥ_N vs training sequences N", "training sequences N",
        "Ĥ_N (largest learnable lag)", true, false);
    for (LearnabilityReport r : finals) {
      f.line(styles.label(r.getRunId()), new Curve(ReportSeries.doubles(r.getBudgetsList()),
          ReportSeries.doubles(r.getWindowList())), styles.color(r.getRunId()));
    }
    return f.render("window.png", "Ĥ_N, the largest lag ℓ with N_min(ℓ) ≤ N (THEORY §7.3), for every budget N "
        + "of the grid, per run (last checkpoint).");
  }

  private static Plot budget(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Sample complexity N_min(ℓ) vs envelope f̂(ℓ)", "envelope f̂(ℓ)",
        "N_min(ℓ) (sequences)", true, true);
    for (LearnabilityReport r : finals) {
      f.points(styles.label(r.getRunId()), new Curve(ReportSeries.doubles(r.getFMeanList()),
          ReportSeries.doubles(r.getNMinList())), styles.color(r.getRunId()));
    }
    return f.render("nmin-vs-envelope.png", "One point per lag whose N_min(ℓ) is reached on the budget grid "
        + "(THEORY §7.3); lags never reached (N_min = −1) are left out. Smaller envelopes need more sequences, "
        + "N_min ∝ f̂^(−κ_α) (THEORY §7.5).");
  }

  private static Plot residuals(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Residuals R(ℓ)", "lag ℓ", "R(ℓ)", false, false);
    for (LearnabilityReport r : finals) {
      FitsDocument fits = FitsDocument.parse(r.getRunId() + "@" + r.getEpoch(), r.getFitsJson());
      f.line(styles.label(r.getRunId()), fits.residuals(), styles.color(r.getRunId()));
    }
    return f.render("residuals.png", "R(ℓ) = log N_min(ℓ) − κ_α log(γ̂_ℓ/m̂_ℓ) (LW-73, THEORY §6.5), constant where "
        + "N_min ∝ (γ̂/m̂)^κ_α holds; defined at the lags whose N_min is reached, per run (last checkpoint).");
  }
}
