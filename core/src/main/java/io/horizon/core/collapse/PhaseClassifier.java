package io.horizon.core.collapse;

import io.horizon.core.learnability.EnvelopeFits;
import io.horizon.core.learnability.EnvelopeLaw;
import java.util.Optional;

/**
 * The AC phase rule (THEORY §11.3 item 7), applied in order: (1) the power-law-window gate fails (or, without a
 * gate, the exponential law wins the AIC) ⇒ collapsed; (2) CCDF tail R² &lt; 0.90 or not finite ⇒ anti-collapsed
 * with unresolved β; (3) β_lo &gt; 1 ⇒ concentrated; (4) β_hi &lt; 1 ⇒ broad; else boundary.
 */
public final class PhaseClassifier {
  /** Smallest CCDF tail R² for a resolved β. */
  public static final double MIN_TAIL_R2 = 0.90;

  private PhaseClassifier() {}

  /** Rule (1): collapsed when the gate fails, or, without a gate, when the exponential fit wins the AIC. */
  public static boolean collapsed(Optional<PowerLawWindowGate> gate, EnvelopeFits fits) {
    return gate.map(g -> !g.passed()).orElse(fits.winner() == EnvelopeLaw.EXPONENTIAL);
  }

  /** The phase from rule (1)'s outcome, the CCDF tail fit and its bootstrap (either may be missing). */
  public static CollapsePhase classify(boolean collapsed, Optional<CcdfTailFit> tail,
      Optional<BetaBootstrap> bootstrap) {
    if (collapsed) {
      return CollapsePhase.COLLAPSED;
    }
    double r2 = tail.map(CcdfTailFit::r2).orElse(Double.NaN);
    if (!(r2 >= MIN_TAIL_R2)) {
      return CollapsePhase.ANTI_COLLAPSED_UNRESOLVED;
    }
    if (bootstrap.map(b -> b.lo() > 1).orElse(false)) {
      return CollapsePhase.CONCENTRATED;
    }
    if (bootstrap.map(b -> b.hi() < 1).orElse(false)) {
      return CollapsePhase.BROAD;
    }
    return CollapsePhase.BOUNDARY;
  }
}
