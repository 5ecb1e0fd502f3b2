package io.horizon.cli.report;

import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;

/** The spectrum of per-unit time scales τ_q (THEORY §7.4) of the last checkpoint of every run, as a KDE. */
final class SpectrumPlot {
  private SpectrumPlot() {}

  /** The figure. */
  static Plot of(List<LearnabilityReport> finals, RunStyles styles) {
    XyFigure f = new XyFigure("Per-unit time-scale spectra (KDE of τ_q)", "time scale τ_q (steps)", "density",
        false, false);
    for (LearnabilityReport r : finals) {
      FitsDocument fits = FitsDocument.parse(r.getRunId() + "@" + r.getEpoch(), r.getFitsJson());
      fits.tauDensity().ifPresent(kde -> f.plainLine(styles.label(r.getRunId()), kde, styles.color(r.getRunId())));
    }
    return f.render("tau-spectrum.png", "Gaussian KDE (Scott's bandwidth) of the per-unit time scales τ_q fitted "
        + "to the log of each unit's mean profile μ̄_q(ℓ) (THEORY §7.4), per run (last checkpoint); runs whose "
        + "units gave fewer than two finite τ have no curve.");
  }
}
