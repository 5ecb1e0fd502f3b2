package io.horizon.core.learnability;

/**
 * Exponential, power-law and tempered fits of the envelope on (ℓ, log f̂(ℓ)) with the AIC winner (THEORY §7.5).
 *
 * @param exponential log f = a + b ℓ
 * @param power log f = c + d log ℓ
 * @param tempered log f = a + d log ℓ + b ℓ
 */
public record EnvelopeFits(LawFit exponential, LawFit power, LawFit tempered) {
  /** Fewest lags with finite log f̂ for which the three fits are attempted. */
  public static final int MIN_POINTS = 5;

  /** Fits the three laws of THEORY §7.5 to the lags with finite {@code logF}. */
  public static EnvelopeFits fit(int[] lags, double[] logF) {
    int usable = 0;
    for (int i = 0; i < lags.length; i++) {
      usable += lags[i] > 0 && Double.isFinite(logF[i]) ? 1 : 0;
    }
    if (usable < MIN_POINTS) {
      throw new IllegalArgumentException(
          "envelope: need at least " + MIN_POINTS + " lags with finite log f, got " + usable);
    }
    return new EnvelopeFits(LawFit.fit(EnvelopeLaw.EXPONENTIAL, lags, logF), LawFit.fit(EnvelopeLaw.POWER, lags, logF),
        LawFit.fit(EnvelopeLaw.TEMPERED, lags, logF));
  }

  /** The fit with the smallest AIC (THEORY §7.5); ties go to the simpler law, in the order exp, power, tempered. */
  public LawFit winnerFit() {
    LawFit best = exponential;
    for (LawFit candidate : new LawFit[] {power, tempered}) {
      if (candidate.aic() < best.aic()) {
        best = candidate;
      }
    }
    return best;
  }

  /** The AIC winner's law. */
  public EnvelopeLaw winner() {
    return winnerFit().law();
  }

  /** τ_env = −1/b of the exponential fit, ∞ if b ≥ 0 (THEORY §7.5). */
  public double tauEnv() {
    return UnitTimescales.timeScale(exponential.coefficient(1));
  }

  /** β = −d of the power-law fit (THEORY §7.5). */
  public double beta() {
    return -power.coefficient(1);
  }

  /** β = −d of the tempered fit (THEORY §7.5). */
  public double temperedBeta() {
    return -tempered.coefficient(1);
  }

  /** τ_max = −1/b of the tempered fit, ∞ if b ≥ 0 (THEORY §7.5). */
  public double tauMax() {
    return UnitTimescales.timeScale(tempered.coefficient(2));
  }

  /**
   * Crossover ℓ* = β τ_max of the tempered fit (THEORY §7.5, §11.3 item 5); 0 when β ≤ 0 (no power-law stretch),
   * ∞ when β > 0 and τ_max = ∞.
   */
  public double crossoverLag() {
    double beta = temperedBeta();
    return beta <= 0 ? 0.0 : beta * tauMax();
  }
}
