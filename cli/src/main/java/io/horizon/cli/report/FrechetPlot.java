package io.horizon.cli.report;

import io.horizon.core.coupling.FrechetCheck;
import io.horizon.core.coupling.FrechetResult;
import java.awt.Color;

/**
 * The Fréchet first-order check (THEORY §3.2) on log–log axes: the truncation error E(ε) against ε with the ε²
 * reference line through the first point.
 */
public final class FrechetPlot {
  private static final Color MEASURED = new Color(0x1f77b4);
  private static final Color REFERENCE = Color.GRAY;

  private FrechetPlot() {}

  /** The figure of {@code result} for the model named {@code model}, as file {@code file}. */
  public static Plot of(FrechetResult result, String model, String file) {
    double[] eps = result.epsilons();
    double[] reference = new double[eps.length];
    for (int i = 0; i < eps.length; i++) {
      reference[i] = result.errors()[0] * (eps[i] / eps[0]) * (eps[i] / eps[0]);
    }
    XyFigure f = new XyFigure("Fréchet check, " + model + ": truncation error vs ε", "ε", "E(ε)", true, true)
        .line("E(ε), slope " + XyFigure.tickLabel(result.slope()) + " on the first " + FrechetCheck.SLOPE_POINTS
            + " ε", new Curve(eps, result.errors()), MEASURED)
        .dashed("ε² through the first point", new Curve(eps, reference), REFERENCE);
    return f.render(file, "E(ε) = ‖M(ε) − (M(0) + ε M'(0))‖_F of the product of " + model
        + " step Jacobians split as A_j + ε B_j (THEORY §3.2); a first-order expansion leaves an error of order ε², slope 2 on log–log "
        + "axes.");
  }
}
