package io.horizon.cli.report;

import io.horizon.core.learnability.EnvelopeLaw;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;

/**
 * The envelope f̂(ℓ) of the last checkpoint of every run on linear, semi-log and log–log axes, each with the
 * geometric envelope and a fitted law of THEORY §7.5: the AIC winner, the exponential and the power law.
 */
final class EnvelopePlots {
  private static final int LAW_POINTS = 40;

  private EnvelopePlots() {}

  /** The three figures. */
  static List<Plot> of(List<LearnabilityReport> finals, RunStyles styles) {
    return List.of(
        figure(finals, styles, null, false, false, "envelope-linear.png", "Envelope f̂(ℓ), linear axes",
            "the AIC winner of the three laws"),
        figure(finals, styles, EnvelopeLaw.EXPONENTIAL, false, true, "envelope-semilog.png",
            "Envelope f̂(ℓ), semi-log axes", "the exponential law log f = a + bℓ (a straight line here)"),
        figure(finals, styles, EnvelopeLaw.POWER, true, true, "envelope-loglog.png", "Envelope f̂(ℓ), log–log axes",
            "the power law log f = c + d log ℓ (a straight line here)"));
  }

  /** One figure; {@code law} null draws each run's AIC winner. */
  private static Plot figure(List<LearnabilityReport> finals, RunStyles styles, EnvelopeLaw law, boolean logX,
      boolean logY, String file, String title, String lawText) {
    XyFigure f = new XyFigure(title, "lag ℓ", "f̂(ℓ)", logX, logY);
    for (LearnabilityReport r : finals) {
      String label = styles.label(r.getRunId());
      FitsDocument fits = FitsDocument.parse(r.getRunId() + "@" + r.getEpoch(), r.getFitsJson());
      FittedLaw drawn = fits.laws().get(law == null ? fits.winner() : law);
      f.line(label + " f̂ (mean)", ReportSeries.envelope(r), styles.color(r.getRunId()));
      f.triangles(label + " geometric", ReportSeries.geometricEnvelope(r), styles.color(r.getRunId()));
      if (drawn.drawable()) {
        f.dashed(label + " " + drawn.law() + " fit", ReportSeries.law(r, drawn, LAW_POINTS),
            styles.color(r.getRunId()));
      }
    }
    return f.render(file, "Solid lines with dots: the mean envelope f̂(ℓ) (THEORY §4.4) of each run's last "
        + "checkpoint; triangles: the geometric envelope exp(mean log mass), the values the laws are fitted to; "
        + "dashed: " + lawText + " fitted to them (THEORY §7.5).");
  }
}
