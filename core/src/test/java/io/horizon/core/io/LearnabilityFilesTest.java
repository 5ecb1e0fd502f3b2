package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.horizon.core.kernel.LagGrid;
import io.horizon.core.learnability.LagStatistics;
import io.horizon.core.learnability.LearnabilityOptions;
import io.horizon.core.learnability.LearnabilityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learnability files: exact headers, one row per lag / budget / fitted unit, values that parse back. */
class LearnabilityFilesTest {
  private static final double[] UNIT_TAUS = {15, 30, 60, 120, 240, 480, 960};

  /** Units decaying with τ_q, plus one rising unit (τ = ∞); α̂ spread around 1.7 with one unreliable lag. */
  private static LagStatistics statistics() {
    int[] lags = LagGrid.linspace(4, 256, 64);
    int units = UNIT_TAUS.length + 1;
    int n = lags.length;
    double[][] profile = new double[n][units];
    double[][] logProfile = new double[n][units];
    double[] f = new double[n];
    double[] logF = new double[n];
    double[] alpha = new double[n];
    double[] gamma = new double[n];
    boolean[] reliable = new boolean[n];
    double[] mbar = new double[n];
    long[] samples = new long[n];
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < units; q++) {
        profile[i][q] = q < UNIT_TAUS.length ? Math.exp(-lags[i] / UNIT_TAUS[q]) : 1e-3 * (1 + lags[i] / 50.0);
        logProfile[i][q] = Math.log(profile[i][q]);
        f[i] += profile[i][q] / units;
      }
      logF[i] = Math.log(f[i]);
      alpha[i] = 1.7 + 0.1 * Math.sin(i);
      gamma[i] = 1.0;
      reliable[i] = i != 5;
      mbar[i] = 0.3 * f[i];
      samples[i] = 1_000_000;
    }
    return new LagStatistics(lags, f, logF, alpha, gamma, reliable, mbar, samples, profile, logProfile);
  }

  @Test
  void writesExactHeadersAndParseableJson(@TempDir Path dir) throws Exception {
    LagStatistics stats = statistics();
    LearnabilityReport report = LearnabilityReport.analyze(stats, LearnabilityOptions.defaults());
    Path out = dir.resolve("learnability");
    LearnabilityFiles.write(report, out);

    List<String> lags = Files.readAllLines(out.resolve("lags.csv"));
    assertEquals("ell,f_mean,f_logmean,alpha,gamma,mbar,n_samples,alpha_reliable,n_min", lags.get(0));
    assertEquals(stats.size() + 1, lags.size());
    for (int i = 0; i < stats.size(); i++) {
      String[] row = lags.get(i + 1).split(",");
      assertEquals(9, row.length);
      assertEquals(stats.lags()[i], Integer.parseInt(row[0]));
      assertEquals(stats.fMean()[i], Double.parseDouble(row[1]));
      assertEquals(stats.alpha()[i], Double.parseDouble(row[3]));
      assertEquals(stats.alphaReliable()[i] ? "1" : "0", row[7]);
      assertEquals(report.complexity().minimalBudget(i), Long.parseLong(row[8]));
    }

    List<String> window = Files.readAllLines(out.resolve("window.csv"));
    assertEquals("N,H_N", window.get(0));
    assertEquals(report.complexity().budgets().length + 1, window.size());
    String[] last = window.get(window.size() - 1).split(",");
    assertEquals(report.complexity().window()[report.complexity().window().length - 1], Integer.parseInt(last[1]));

    List<String> units = Files.readAllLines(out.resolve("units.csv"));
    assertEquals("unit,tau,r2", units.get(0));
    assertEquals(UNIT_TAUS.length + 2, units.size());
    for (int q = 0; q < UNIT_TAUS.length; q++) {
      assertEquals(UNIT_TAUS[q], Double.parseDouble(units.get(q + 1).split(",")[1]), 1e-9 * UNIT_TAUS[q]);
    }
    assertEquals("inf", units.get(UNIT_TAUS.length + 1).split(",")[1]);

    JsonNode fits = new ObjectMapper().readTree(out.resolve("fits.json").toFile());
    assertEquals(report.summary(), fits.get("summary").asText());
    assertEquals(report.growth().regime().toString(), fits.get("regime").asText());
    assertEquals(report.envelope().winner().toString(), fits.get("envelope").get("winner").asText());
    assertEquals(report.alpha().pooled(), fits.get("alpha").get("pooled").asDouble());
    assertEquals(report.envelope().tauEnv(), fits.get("envelope").get("exponential").get("tau_env").asDouble());
    JsonNode lw = fits.get("tau_spectrum").get("lw");
    assertEquals(UNIT_TAUS.length + 1, lw.get("fitted").asInt());
    assertEquals(1, lw.get("infinite").asInt());
    for (String q : new String[] {"q01", "q10", "q50", "q90", "q99"}) {
      assertTrue(lw.get("tau_quantiles").get(q).isNumber(), q);
      assertTrue(lw.get("zeta_quantiles").get(q).isNumber(), q);
    }
    assertEquals(LearnabilityOptions.DEFAULT_KDE_POINTS, lw.get("kde").get("density").size());
    JsonNode ac = fits.get("tau_spectrum").get("ac");
    assertFalse(ac.isNull());
    assertEquals(UNIT_TAUS.length, ac.get("fitted").asInt());
    assertEquals(report.residuals().lags().length, fits.get("residuals").get("ell").size());
    assertEquals(report.residuals().lags().length, fits.get("residuals").get("r").size());
    assertTrue(fits.get("window_growth").get("slope").isNumber());
    assertTrue(fits.has("appendix_window") && fits.has("complexity_regression"));
  }
}
