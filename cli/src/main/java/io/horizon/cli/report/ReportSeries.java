package io.horizon.cli.report;

import io.horizon.proto.v1.LearnabilityReport;
import java.util.List;

/** Per-lag columns of a learnability report as plottable curves. */
final class ReportSeries {
  private ReportSeries() {}

  /** The values of {@code list} as doubles. */
  static double[] doubles(List<? extends Number> list) {
    return list.stream().mapToDouble(Number::doubleValue).toArray();
  }

  /** The report's lag grid ℓ. */
  static double[] lags(LearnabilityReport r) {
    return doubles(r.getLagsList());
  }

  /** f̂(ℓ), the mean envelope (THEORY §4.4). */
  static Curve envelope(LearnabilityReport r) {
    return new Curve(lags(r), doubles(r.getFMeanList()));
  }

  /** exp(mean log mass(ℓ)), the geometric envelope the laws are fitted to (THEORY §7.5). */
  static Curve geometricEnvelope(LearnabilityReport r) {
    return new Curve(lags(r), doubles(r.getFLogmeanList())).mapY(Math::exp);
  }

  /** The fitted envelope of {@code law} on {@code points} lags spaced geometrically over the report's lag range. */
  static Curve law(LearnabilityReport r, FittedLaw law, int points) {
    double from = Math.max(1, r.getLags(0));
    double to = r.getLags(r.getLagsCount() - 1);
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = from * Math.pow(to / from, i / (points - 1.0));
      y[i] = law.envelope(x[i]);
    }
    return new Curve(x, y);
  }
}
