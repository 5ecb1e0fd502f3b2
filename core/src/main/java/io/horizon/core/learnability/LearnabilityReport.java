package io.horizon.core.learnability;

import java.util.Locale;

/**
 * Everything the learnability statistics derive from one diagnostic pass (THEORY §6–7): sample complexity and
 * window, envelope fits, per-unit time-scale spectra, residuals, scaling regime and growth law.
 *
 * @param statistics the per-lag inputs
 * @param options the settings used
 * @param alpha pooled tail index and its spread (THEORY §7.2)
 * @param complexity N_min(ℓ) and Ĥ_N (THEORY §7.3)
 * @param envelope exponential / power / tempered fits of log f̂ (THEORY §7.5)
 * @param appendixWindow Appendix-I windowed fits; null when the window has too few points
 * @param timescales LW per-unit τ (THEORY §7.4)
 * @param spectrum summaries of the LW τ; null when fewer than two τ are finite
 * @param decayTimescales AC per-unit τ = 1/μ̄_q (THEORY §7.4); null without a mean-of-log profile
 * @param decaySpectrum summaries of the AC τ; null when absent or fewer than two
 * @param residuals R(ℓ) (THEORY §6.5)
 * @param growth scaling regime and predicted H_N growth (THEORY §6.4)
 * @param complexityRegression log N_min vs −κ log f̂ (THEORY §7.5); null with too few reached lags
 */
public record LearnabilityReport(
    LagStatistics statistics,
    LearnabilityOptions options,
    AlphaSummary alpha,
    SampleComplexity complexity,
    EnvelopeFits envelope,
    AppendixWindowFit appendixWindow,
    UnitTimescales timescales,
    TimescaleSpectrum spectrum,
    UnitTimescales decayTimescales,
    TimescaleSpectrum decaySpectrum,
    ResidualDiagnostic residuals,
    WindowGrowth growth,
    ComplexityRegression complexityRegression) {

  /** Runs every statistic of THEORY §6–7 on {@code statistics}. */
  public static LearnabilityReport analyze(LagStatistics statistics, LearnabilityOptions options) {
    AlphaSummary alpha = AlphaSummary.of(statistics);
    SampleComplexity complexity =
        SampleComplexity.of(statistics, options.alphaMode(), options.budgets(), options.threshold());
    int[] lags = statistics.lags();
    UnitTimescales timescales = UnitTimescales.fitLogOfMean(lags, statistics.unitProfile());
    UnitTimescales decay = statistics.unitLogProfile() == null ? null
        : UnitTimescales.fitMeanOfLog(lags, statistics.unitLogProfile(), options.acWindowFrom(),
            options.acWindowTo());
    return new LearnabilityReport(
        statistics,
        options,
        alpha,
        complexity,
        EnvelopeFits.fit(lags, statistics.fLogMean()),
        AppendixWindowFit.fit(lags, statistics.fMean()).orElse(null),
        timescales,
        TimescaleSpectrum.of(timescales.tau(), options.kdePoints()).orElse(null),
        decay,
        decay == null ? null : TimescaleSpectrum.of(decay.tau(), options.kdePoints()).orElse(null),
        ResidualDiagnostic.of(complexity),
        WindowGrowth.predict(lags, statistics.fLogMean(), alpha.kappa()),
        ComplexityRegression.of(complexity).orElse(null));
  }

  /** The sequences needed to learn lag {@code targetLag} (see {@link DataBudget}). */
  public DataBudget budgetFor(int targetLag) {
    return DataBudget.predict(targetLag, complexity, envelope, growth.regime(), alpha.kappa());
  }

  /** A short human summary: regime with τ_env or β, median α̂, and Ĥ_N at the largest budget. */
  public String summary() {
    String decay = switch (growth.regime()) {
      case EXPONENTIAL -> String.format(Locale.ROOT, "τ_env = %.4g", envelope.tauEnv());
      case POLYNOMIAL -> String.format(Locale.ROOT, "β = %.4g", envelope.beta());
      case LOGARITHMIC -> String.format(Locale.ROOT, "log-law β = %.4g", growth.decayRate());
      case NON_DECAYING -> "no decay";
    };
    long[] budgets = complexity.budgets();
    int[] window = complexity.window();
    return String.format(Locale.ROOT, "regime %s (%s; AIC winner %s); median α̂ = %.3f over %d %s lags; H_N = %d at N = %d",
        growth.regime(), decay, envelope.winner(), alpha.pooled(), alpha.pooledLags(),
        alpha.fromReliableLags() ? "reliable" : "(none reliable, all)", window[window.length - 1],
        budgets[budgets.length - 1]);
  }
}
