package io.horizon.core.learnability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fits, spectrum summaries and KDE against NumPy/SciPy (THEORY §7.4, §7.5, §11.3 item 1); reference values come from
 * {@code learnability/generate_reference.py} and its committed output {@code reference.json}.
 */
class LearnabilityReferenceTest {
  private static final double TOL = 1e-9;
  private static JsonNode reference;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = LearnabilityReferenceTest.class.getResourceAsStream("/learnability/reference.json")) {
      reference = new ObjectMapper().readTree(in);
    }
  }

  private static double number(JsonNode node) {
    if (node.isTextual()) {
      return node.asText().equals("inf") ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
    return node.asDouble();
  }

  private static double[] numbers(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = number(array.get(i));
    }
    return out;
  }

  private static int[] integers(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  private static double[][] table(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = numbers(rows.get(i));
    }
    return out;
  }

  private static void assertClose(double expected, double actual, String what) {
    if (Double.isInfinite(expected)) {
      assertEquals(expected, actual, what);
    } else {
      assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)), what);
    }
  }

  private static void assertAllClose(double[] expected, double[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertClose(expected[i], actual[i], what + "[" + i + "]");
    }
  }

  @Test
  void kdeMatchesScipyGaussianKde() {
    JsonNode kde = reference.get("kde");
    GaussianKde estimate = new GaussianKde(numbers(kde.get("sample")));
    assertClose(kde.get("bandwidth").asDouble(), estimate.bandwidth(), "bandwidth");
    double[] density = numbers(kde.get("density"));
    double[] actual = estimate.evaluate(numbers(kde.get("grid")));
    for (int i = 0; i < density.length; i++) {
      assertEquals(density[i], actual[i], 1e-12 * density[i] + 1e-300, "density[" + i + "]");
    }
  }

  @Test
  void spectrumSummariesMatchNumpy() {
    JsonNode s = reference.get("spectrum");
    TimescaleSpectrum spectrum =
        TimescaleSpectrum.of(numbers(s.get("tau")), s.get("kde_points").asInt()).orElseThrow();
    assertEquals(s.get("fitted").asInt(), spectrum.fitted());
    assertEquals(s.get("infinite").asInt(), spectrum.infinite());
    assertClose(s.get("min").asDouble(), spectrum.min(), "min");
    assertClose(s.get("max").asDouble(), spectrum.max(), "max");
    assertClose(s.get("mean").asDouble(), spectrum.mean(), "mean");
    assertClose(s.get("std").asDouble(), spectrum.std(), "std");
    assertAllClose(numbers(s.get("tau_quantiles")), spectrum.tauQuantiles(), "tau quantiles");
    assertAllClose(numbers(s.get("zeta_quantiles")), spectrum.zetaQuantiles(), "zeta quantiles");
    assertClose(s.get("zeta_width").asDouble(), spectrum.zetaWidth(), "zeta width");
    assertNotNull(spectrum.kde());
    assertAllClose(numbers(s.get("kde_grid")), spectrum.kde().grid(), "kde grid");
    assertAllClose(numbers(s.get("kde_density")), spectrum.kde().density(), "kde density");
  }

  @Test
  void envelopeFitsMatchNumpyLeastSquares() {
    JsonNode e = reference.get("envelope");
    int[] lags = integers(e.get("lags"));
    double[] logF = numbers(e.get("log_f"));
    EnvelopeFits fits = EnvelopeFits.fit(lags, logF);
    LawFit[] ours = {fits.exponential(), fits.power(), fits.tempered(),
        LawFit.fit(EnvelopeLaw.LOGARITHMIC, lags, logF)};
    for (LawFit fit : ours) {
      JsonNode expected = e.get("fits").get(fit.law().toString());
      assertAllClose(numbers(expected.get("coefficients")), fit.fit().coefficients(), fit.law() + " coefficients");
      assertClose(expected.get("r2").asDouble(), fit.r2(), fit.law() + " R²");
      assertClose(expected.get("aic").asDouble(), fit.aic(), fit.law() + " AIC");
      assertEquals(expected.get("n").asInt(), fit.fit().points(), fit.law() + " points");
    }
    assertEquals(e.get("winner").asText(), fits.winner().toString());
  }

  @Test
  void appendixWindowMatchesReferenceWindowing() {
    JsonNode a = reference.get("appendix");
    AppendixWindowFit fit = AppendixWindowFit.fit(integers(a.get("lags")), numbers(a.get("f"))).orElseThrow();
    assertClose(a.get("lambda").asDouble(), fit.lambda(), "lambda");
    assertClose(a.get("semilog_r2").asDouble(), fit.semiLogR2(), "semi-log R²");
    assertClose(a.get("beta").asDouble(), fit.beta(), "beta");
    assertClose(a.get("loglog_r2").asDouble(), fit.logLogR2(), "log-log R²");
    assertEquals(a.get("ell_min").asInt(), fit.fromLag());
    assertEquals(a.get("ell_max").asInt(), fit.toLag());
    assertEquals(a.get("n").asInt(), fit.points());
  }

  private static void assertUnits(JsonNode expected, UnitTimescales actual) {
    int[] units = new int[expected.size()];
    for (int k = 0; k < units.length; k++) {
      JsonNode unit = expected.get(k);
      units[k] = unit.get("unit").asInt();
      assertClose(number(unit.get("tau")), actual.tau()[k], "tau of unit " + units[k]);
      assertClose(unit.get("r2").asDouble(), actual.r2()[k], "R² of unit " + units[k]);
    }
    assertArrayEquals(units, actual.units());
  }

  @Test
  void perUnitTimeScalesMatchNumpyBothVariants() {
    JsonNode lw = reference.get("units_lw");
    double[][] profile = table(lw.get("profile"));
    UnitTimescales fitted = UnitTimescales.fitLogOfMean(integers(lw.get("lags")), profile);
    assertEquals(profile[0].length, fitted.totalUnits());
    assertUnits(lw.get("units"), fitted);

    JsonNode ac = reference.get("units_ac");
    double[][] logProfile = table(ac.get("log_profile"));
    UnitTimescales decay = UnitTimescales.fitMeanOfLog(integers(ac.get("lags")), logProfile,
        ac.get("from").asInt(), ac.get("to").asInt());
    assertEquals(logProfile[0].length, decay.totalUnits());
    assertUnits(ac.get("units"), decay);
  }
}
