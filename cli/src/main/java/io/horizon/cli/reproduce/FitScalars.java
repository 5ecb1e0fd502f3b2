package io.horizon.cli.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.proto.v1.LearnabilityReport;
import java.io.IOException;

/**
 * The scalars of one report's {@code fits_json} that the results document tabulates and judges: R² of the
 * exponential and power-law envelope fits and the AIC winner (THEORY §7.5), the LW per-unit τ range and the width
 * Δζ of its spectrum (§7.4), and R² of the log N_min vs log f̂ regression (§7.5, LW Fig. 3). A value the report does
 * not have (a null section) is NaN.
 *
 * @param r2Exponential R² of log f = a + b ℓ
 * @param r2Power R² of log f = c + d log ℓ
 * @param winner the envelope law with the smallest AIC
 * @param tauMin smallest finite per-unit τ
 * @param tauMax largest finite per-unit τ
 * @param zetaWidth Δζ = ζ_q90 − ζ_q10 of the per-unit τ, ζ = −log τ
 * @param complexityR2 R² of the linear fit of log N_min against log f̂
 */
public record FitScalars(double r2Exponential, double r2Power, String winner, double tauMin, double tauMax,
    double zetaWidth, double complexityR2) {

  /** Reads the scalars of {@code report}; a malformed document is refused naming the run, epoch and field. */
  public static FitScalars of(LearnabilityReport report) {
    String what = report.getRunId() + "@" + report.getEpoch() + ": fits_json";
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(report.getFitsJson());
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": not JSON: " + e.getMessage(), e);
    }
    JsonNode envelope = root.path("envelope");
    JsonNode spectrum = root.path("tau_spectrum").path("lw");
    return new FitScalars(number(what + ".envelope.exponential.r2", envelope.path("exponential").path("r2")),
        number(what + ".envelope.power.r2", envelope.path("power").path("r2")),
        envelope.path("winner").asText(""),
        number(what + ".tau_spectrum.lw.min", spectrum.path("min")),
        number(what + ".tau_spectrum.lw.max", spectrum.path("max")),
        number(what + ".tau_spectrum.lw.zeta_width", spectrum.path("zeta_width")),
        number(what + ".complexity_regression.r2", root.path("complexity_regression").path("r2")));
  }

  /** A JSON number, the strings {@code inf} / {@code -inf}, or NaN where the field or its section is absent. */
  static double number(String path, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Double.NaN;
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    return switch (node.asText()) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> throw new IllegalArgumentException(path + ": not a number: " + node);
    };
  }
}
