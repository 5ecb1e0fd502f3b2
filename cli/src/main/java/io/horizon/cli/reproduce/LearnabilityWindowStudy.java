package io.horizon.cli.reproduce;

import static io.horizon.cli.reproduce.VerdictRules.broaderSpectrum;
import static io.horizon.cli.reproduce.VerdictRules.exponentialEnvelope;
import static io.horizon.cli.reproduce.VerdictRules.heavierTails;
import static io.horizon.cli.reproduce.VerdictRules.heavyTailedNoise;
import static io.horizon.cli.reproduce.VerdictRules.largeSemiLogTau;
import static io.horizon.cli.reproduce.VerdictRules.longerWindow;
import static io.horizon.cli.reproduce.VerdictRules.moreLinearComplexity;
import static io.horizon.cli.reproduce.VerdictRules.nearGaussianNoise;
import static io.horizon.cli.reproduce.VerdictRules.noPowerLawEnvelope;
import static io.horizon.cli.reproduce.VerdictRules.nonzeroWindow;
import static io.horizon.cli.reproduce.VerdictRules.powerLawEnvelope;
import static io.horizon.cli.reproduce.VerdictRules.windowGrows;
import static io.horizon.cli.reproduce.VerdictRules.windowPlateaus;

import io.horizon.cli.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learnability-window study (THEORY §9): {@code paper-lw-cpu} with AdamW and the appendix presets with plain
 * SGD and SGD with momentum (§8.3); the findings of items (ii)–(vii) and (ix) and of the paper's Sec. 6.2 and
 * Appendix I as claims; per preset the fitted quantities and Ĥ_N vs N per architecture.
 */
public final class LearnabilityWindowStudy implements Study {
  /** The AdamW preset of the main text. */
  public static final String ADAMW = "paper-lw-cpu";
  /** The appendix preset with plain SGD. */
  public static final String SGD = "paper-lw-cpu-sgd";
  /** The appendix preset with SGD and momentum 0.9. */
  public static final String MOMENTUM = "paper-lw-cpu-momentum";

  private static final String CONST = "const";
  private static final String SHARED = "shared";
  private static final String DIAG = "diag";

  @Override
  public String title() {
    return "Learnability window (LW)";
  }

  @Override
  public List<String> presets() {
    return List.of(ADAMW, SGD, MOMENTUM);
  }

  @Override
  public List<Claim> claims() {
    return List.of(
        new Claim("LW-ii-a", "THEORY §9 (ii); LW §6.2 Envelope scaling",
            "ConstGate and SharedGate envelopes decay exponentially (semi-log fit beats the power law)", ADAMW,
            exponentialEnvelope(CONST, SHARED)),
        new Claim("LW-ii-b", "THEORY §9 (ii); LW §6.2 Envelope scaling",
            "DiagGate's semi-log τ_env is very large compared with ConstGate's and SharedGate's", ADAMW,
            largeSemiLogTau(DIAG, CONST, SHARED)),
        new Claim("LW-iii", "THEORY §9 (iii); LW §6.2 Envelope scaling",
            "DiagGate's envelope is better fit by a power law than by an exponential", ADAMW,
            powerLawEnvelope(DIAG)),
        new Claim("LW-iv-a", "THEORY §9 (iv); LW §6.2 Empirical learnability windows",
            "Ĥ_N plateaus with N for ConstGate and SharedGate", ADAMW, windowPlateaus(CONST, SHARED)),
        new Claim("LW-iv-b", "THEORY §9 (iv); LW §6.2 Empirical learnability windows",
            "Ĥ_N grows with N for DiagGate", ADAMW, windowGrows(DIAG)),
        new Claim("LW-iv-c", "THEORY §9 (iv); LW §6.2 Empirical learnability windows",
            "At the largest budget DiagGate's window reaches longer lags than ConstGate's and SharedGate's", ADAMW,
            longerWindow(DIAG, CONST, SHARED)),
        new Claim("LW-v", "THEORY §9 (v); LW §6.2 Sample-complexity scaling",
            "log N_min is closer to linear in log f̂ for DiagGate than for ConstGate and SharedGate", ADAMW,
            moreLinearComplexity(DIAG, CONST, SHARED)),
        new Claim("LW-vi", "THEORY §9 (vi); LW §6.2 Time-scale spectra",
            "DiagGate's per-unit τ spectrum is broader than ConstGate's and SharedGate's", ADAMW,
            broaderSpectrum(DIAG, CONST, SHARED)),
        new Claim("LW-vii-a", "THEORY §9 (vii); LW §6.2 Noise statistics",
            "ConstGate and SharedGate gradient noise is near-Gaussian (α̂ close to 2)", ADAMW,
            nearGaussianNoise(CONST, SHARED)),
        new Claim("LW-vii-b", "THEORY §9 (vii); LW §6.2 Noise statistics",
            "DiagGate's gradient noise is heavy-tailed: α̂ < 2", ADAMW, heavyTailedNoise(DIAG)),
        new Claim("LW-vii-c", "THEORY §9 (vii); LW §6.2 Noise statistics",
            "DiagGate's gradient noise has heavier tails than ConstGate's and SharedGate's", ADAMW,
            heavierTails(DIAG, CONST, SHARED)),
        new Claim("LW-ix-a", "THEORY §9 (ix), §8.3; LW App. I Plain SGD",
            "Under plain SGD the envelope is exponential for ConstGate, SharedGate and DiagGate", SGD,
            exponentialEnvelope(CONST, SHARED, DIAG)),
        new Claim("LW-ix-b", "THEORY §9 (ix), §8.3; LW App. I Plain SGD, Table 1",
            "Under plain SGD SharedGate and DiagGate keep nonzero learnability windows", SGD,
            nonzeroWindow(SHARED, DIAG)),
        new Claim("LW-ix-c", "THEORY §9 (ix), §8.3; LW App. I SGD with momentum",
            "With momentum ConstGate and SharedGate stay exponential", MOMENTUM, exponentialEnvelope(CONST, SHARED)),
        new Claim("LW-ix-d", "THEORY §9 (ix), §8.3; LW App. I Takeaway",
            "Under plain SGD DiagGate shows no power-law envelope", SGD, noPowerLawEnvelope(DIAG)),
        new Claim("LW-ix-e", "THEORY §9 (ix), §8.3; LW App. I Takeaway",
            "With momentum DiagGate shows no power-law envelope", MOMENTUM, noPowerLawEnvelope(DIAG)));
  }

  @Override
  public List<String> rules() {
    return VerdictRules.describe();
  }

  @Override
  public String tables(PresetResults results) {
    List<String[]> fits = new ArrayList<>();
    List<String[]> windows = new ArrayList<>();
    long[] budgets = new long[0];
    for (ArchitectureSummary a : results.architectures().values()) {
      fits.add(new String[] {a.architecture(), Integer.toString(a.runs()), number(a.tauEnv()),
          number(a.r2Exponential()), number(a.beta()), number(a.r2Power()), a.winner(), a.regime(),
          number(a.medianAlpha()), number(a.tauMin()) + " – " + number(a.tauMax()), number(a.zetaWidth()),
          number(a.complexityR2())});
      budgets = a.budgets();
      List<String> row = new ArrayList<>(List.of(a.architecture()));
      for (double h : a.window()) {
        row.add(lags(h));
      }
      windows.add(row.toArray(String[]::new));
    }
    List<String> header = new ArrayList<>(List.of("architecture"));
    for (long n : budgets) {
      header.add("N=" + n);
    }
    return "Fitted quantities per architecture (medians over seeds of the final checkpoint's report):\n\n"
        + TextTable.markdown(new String[] {"architecture", "runs", "τ_env", "R²_exp", "β", "R²_pow", "AIC winner",
            "regime", "median α̂", "per-unit τ range", "Δζ", "R² log N_min~log f̂"}, fits)
        + "\nĤ_N vs N (median over seeds, lags):\n\n" + TextTable.markdown(header.toArray(String[]::new), windows);
  }

  /** A median of lags: whole when it is, else with one decimal (the mean of two middle values). */
  static String lags(double v) {
    return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
  }

  /** A number with three significant digits; ∞ and – (NaN: not available). */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "–";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
