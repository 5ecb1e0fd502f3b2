package io.horizon.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.horizon.core.learnability.AppendixWindowFit;
import io.horizon.core.learnability.ComplexityRegression;
import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.learnability.LagStatistics;
import io.horizon.core.learnability.LawFit;
import io.horizon.core.learnability.LearnabilityReport;
import io.horizon.core.learnability.TimescaleSpectrum;
import io.horizon.core.learnability.UnitTimescales;
import io.horizon.core.learnability.WindowGrowth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link LearnabilityReport} into a directory: {@code lags.csv}, {@code window.csv}, {@code units.csv}
 * and {@code fits.json} (the outputs of THEORY §7). Infinite values are written as {@code inf} / {@code -inf}
 * (a string in JSON); a NaN is a bug upstream and is refused with the file and field named.
 */
public final class LearnabilityFiles {
  /** Per-lag inputs with N_min (−1 when not reached). */
  public static final String LAGS = "lags.csv";
  /** Ĥ_N per budget. */
  public static final String WINDOW = "window.csv";
  /** LW per-unit τ and R². */
  public static final String UNITS = "units.csv";
  /** Fits, spectra, regime, growth law, residuals and α summary. */
  public static final String FITS = "fits.json";

  static final String LAGS_HEADER = "ell,f_mean,f_logmean,alpha,gamma,mbar,n_samples,alpha_reliable,n_min";
  static final String WINDOW_HEADER = "N,H_N";
  static final String UNITS_HEADER = "unit,tau,r2";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LearnabilityFiles() {}

  /** Writes the four files into {@code directory}, creating it if needed. */
  public static void write(LearnabilityReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve(LAGS), lagsCsv(report), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(WINDOW), windowCsv(report), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(UNITS), unitsCsv(report.timescales()), StandardCharsets.UTF_8);
    Files.writeString(directory.resolve(FITS), fitsJson(report) + "\n", StandardCharsets.UTF_8);
  }

  /** The {@code fits.json} document of a report as text. */
  public static String fitsJson(LearnabilityReport report) {
    try {
      return JSON.writeValueAsString(fitsNode(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("fits.json: " + e.getMessage(), e);
    }
  }

  private static String lagsCsv(LearnabilityReport report) {
    LagStatistics s = report.statistics();
    StringBuilder out = new StringBuilder(LAGS_HEADER).append('\n');
    for (int i = 0; i < s.size(); i++) {
      out.append(s.lags()[i]).append(',')
          .append(text(LAGS, "f_mean", s.fMean()[i])).append(',')
          .append(text(LAGS, "f_logmean", s.fLogMean()[i])).append(',')
          .append(text(LAGS, "alpha", s.alpha()[i])).append(',')
          .append(text(LAGS, "gamma", s.gamma()[i])).append(',')
          .append(text(LAGS, "mbar", s.mbar()[i])).append(',')
          .append(s.sampleCount()[i]).append(',')
          .append(s.alphaReliable()[i] ? 1 : 0).append(',')
          .append(report.complexity().minimalBudget(i)).append('\n');
    }
    return out.toString();
  }

  private static String windowCsv(LearnabilityReport report) {
    long[] budgets = report.complexity().budgets();
    int[] window = report.complexity().window();
    StringBuilder out = new StringBuilder(WINDOW_HEADER).append('\n');
    for (int b = 0; b < budgets.length; b++) {
      out.append(budgets[b]).append(',').append(window[b]).append('\n');
    }
    return out.toString();
  }

  private static String unitsCsv(UnitTimescales t) {
    StringBuilder out = new StringBuilder(UNITS_HEADER).append('\n');
    for (int k = 0; k < t.fitted(); k++) {
      out.append(t.units()[k]).append(',').append(text(UNITS, "tau", t.tau()[k])).append(',')
          .append(text(UNITS, "r2", t.r2()[k])).append('\n');
    }
    return out.toString();
  }

  private static ObjectNode fitsNode(LearnabilityReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("summary", report.summary());
    ObjectNode alpha = root.putObject("alpha");
    alpha.put("mode", report.complexity().mode().toString());
    number(alpha, "pooled", report.alpha().pooled());
    alpha.put("from_reliable_lags", report.alpha().fromReliableLags());
    alpha.put("pooled_lags", report.alpha().pooledLags());
    number(alpha, "min", report.alpha().min());
    number(alpha, "max", report.alpha().max());
    number(root.putObject("sample_complexity"), "threshold", report.complexity().threshold());
    envelope(root.putObject("envelope"), report.envelope());
    appendix(root, report.appendixWindow());
    ObjectNode spectra = root.putObject("tau_spectrum");
    spectrum(spectra, "lw", report.spectrum());
    spectrum(spectra, "ac", report.decaySpectrum());
    root.put("regime", report.growth().regime().toString());
    growth(root.putObject("window_growth"), report.growth());
    ObjectNode residuals = root.putObject("residuals");
    ArrayNode ell = residuals.putArray("ell");
    for (int lag : report.residuals().lags()) {
      ell.add(lag);
    }
    numbers(residuals, "r", report.residuals().residuals());
    regression(root, report.complexityRegression());
    return root;
  }

  private static void envelope(ObjectNode node, EnvelopeFits fits) {
    node.put("winner", fits.winner().toString());
    ObjectNode exp = law(node.putObject("exponential"), fits.exponential(), "a", "b");
    number(exp, "tau_env", fits.tauEnv());
    ObjectNode pow = law(node.putObject("power"), fits.power(), "c", "d");
    number(pow, "beta", fits.beta());
    ObjectNode tempered = law(node.putObject("tempered"), fits.tempered(), "a", "d", "b");
    number(tempered, "beta", fits.temperedBeta());
    number(tempered, "tau_max", fits.tauMax());
    number(tempered, "crossover_lag", fits.crossoverLag());
  }

  private static ObjectNode law(ObjectNode node, LawFit fit, String... names) {
    for (int j = 0; j < names.length; j++) {
      number(node, names[j], fit.coefficient(j));
    }
    number(node, "r2", fit.r2());
    number(node, "aic", fit.aic());
    node.put("n", fit.fit().points());
    return node;
  }

  private static void appendix(ObjectNode root, AppendixWindowFit fit) {
    if (fit == null) {
      root.putNull("appendix_window");
      return;
    }
    ObjectNode node = root.putObject("appendix_window");
    number(node, "lambda", fit.lambda());
    number(node, "semilog_r2", fit.semiLogR2());
    number(node, "beta", fit.beta());
    number(node, "loglog_r2", fit.logLogR2());
    node.put("ell_min", fit.fromLag());
    node.put("ell_max", fit.toLag());
    node.put("n", fit.points());
  }

  private static void spectrum(ObjectNode parent, String name, TimescaleSpectrum s) {
    if (s == null) {
      parent.putNull(name);
      return;
    }
    ObjectNode node = parent.putObject(name);
    node.put("fitted", s.fitted());
    node.put("infinite", s.infinite());
    number(node, "min", s.min());
    number(node, "max", s.max());
    number(node, "mean", s.mean());
    number(node, "std", s.std());
    double[] levels = TimescaleSpectrum.levels();
    ObjectNode tau = node.putObject("tau_quantiles");
    ObjectNode zeta = node.putObject("zeta_quantiles");
    for (int k = 0; k < levels.length; k++) {
      String key = String.format(Locale.ROOT, "q%02d", Math.round(levels[k] * 100));
      number(tau, key, s.tauQuantiles()[k]);
      number(zeta, key, s.zetaQuantiles()[k]);
    }
    number(node, "zeta_width", s.zetaWidth());
    if (s.kde() == null) {
      node.putNull("kde");
    } else {
      ObjectNode kde = node.putObject("kde");
      numbers(kde, "tau", s.kde().grid());
      numbers(kde, "density", s.kde().density());
    }
  }

  private static void growth(ObjectNode node, WindowGrowth g) {
    node.put("regime", g.regime().toString());
    node.put("law", g.law().law().toString());
    number(node, "law_r2", g.law().r2());
    number(node, "decay_rate", g.decayRate());
    number(node, "kappa", g.kappa());
    number(node, "slope", g.slope());
    node.put("form", g.form());
  }

  private static void regression(ObjectNode root, ComplexityRegression r) {
    if (r == null) {
      root.putNull("complexity_regression");
      return;
    }
    ObjectNode node = root.putObject("complexity_regression");
    number(node, "intercept", r.intercept());
    number(node, "slope", r.slope());
    number(node, "r2", r.fit().r2());
    node.put("n", r.fit().points());
    node.put("distinct_budgets", r.distinctBudgets());
  }

  private static void numbers(ObjectNode node, String field, double[] values) {
    ArrayNode array = node.putArray(field);
    for (double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.add(text(FITS, field, v));
      }
    }
  }

  private static void number(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.put(field, text(FITS, field, value));
    }
  }

  /** A double as text: Java's shortest round-trip form, {@code inf}/{@code -inf}; NaN is refused. */
  private static String text(String file, String field, double value) {
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException(file + ": " + field + " is NaN");
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return Double.toString(value);
  }
}
