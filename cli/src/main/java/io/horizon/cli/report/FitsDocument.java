package io.horizon.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.learnability.EnvelopeLaw;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of a report's {@code fits.json} document that the plots draw: the envelope laws with the AIC winner
 * (THEORY §7.5), the KDE of the LW per-unit τ (THEORY §7.4) and the residuals R(ℓ) (THEORY §6.5).
 *
 * @param laws the exponential, power and tempered fits
 * @param winner the law with the smallest AIC
 * @param tauDensity KDE of τ (x = τ, y = density); empty when the report has none
 * @param residuals R(ℓ) (x = ℓ, y = R)
 */
record FitsDocument(Map<EnvelopeLaw, FittedLaw> laws, EnvelopeLaw winner, Optional<Curve> tauDensity,
    Curve residuals) {

  /** Names of the coefficients of each law in fits.json, intercept first. */
  private static final Map<EnvelopeLaw, String[]> COEFFICIENTS = Map.of(
      EnvelopeLaw.EXPONENTIAL, new String[] {"a", "b"},
      EnvelopeLaw.POWER, new String[] {"c", "d"},
      EnvelopeLaw.TEMPERED, new String[] {"a", "d", "b"});

  /** Parses the fits.json text of report {@code what}. */
  static FitsDocument parse(String what, String json) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": fits_json: not JSON: " + e.getMessage(), e);
    }
    JsonNode envelope = field(what, root, "envelope");
    Map<EnvelopeLaw, FittedLaw> laws = new EnumMap<>(EnvelopeLaw.class);
    COEFFICIENTS.forEach((law, names) -> {
      JsonNode node = field(what, envelope, law.toString());
      double[] c = new double[names.length];
      for (int j = 0; j < names.length; j++) {
        c[j] = number(what, field(what, node, names[j]));
      }
      laws.put(law, new FittedLaw(law, c));
    });
    JsonNode lw = root.path("tau_spectrum").path("lw").path("kde");
    Optional<Curve> kde = lw.isObject()
        ? Optional.of(new Curve(numbers(what, field(what, lw, "tau")), numbers(what, field(what, lw, "density"))))
        : Optional.empty();
    JsonNode residuals = field(what, root, "residuals");
    return new FitsDocument(laws, law(what, field(what, envelope, "winner").asText()), kde,
        new Curve(numbers(what, field(what, residuals, "ell")), numbers(what, field(what, residuals, "r"))));
  }

  private static EnvelopeLaw law(String what, String name) {
    for (EnvelopeLaw law : EnvelopeLaw.values()) {
      if (law.toString().equals(name)) {
        return law;
      }
    }
    throw new IllegalArgumentException(what + ": fits_json: envelope.winner: unknown law '" + name + "'");
  }

  private static JsonNode field(String what, JsonNode node, String name) {
    JsonNode child = node.get(name);
    if (child == null || child.isNull()) {
      throw new IllegalArgumentException(what + ": fits_json: missing field '" + name + "'");
    }
    return child;
  }

  private static double[] numbers(String what, JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = number(what, array.get(i));
    }
    return values;
  }

  /** A number of fits.json: JSON numbers, or the strings {@code inf} / {@code -inf} of infinite values. */
  private static double number(String what, JsonNode node) {
    if (node.isNumber()) {
      return node.asDouble();
    }
    return switch (node.asText()) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> throw new IllegalArgumentException(what + ": fits_json: not a number: " + node);
    };
  }
}
