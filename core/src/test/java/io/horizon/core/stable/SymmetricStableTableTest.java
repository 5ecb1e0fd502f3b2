package io.horizon.core.stable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact SαS grid of THEORY §7.1 against closed forms, an independent CDF, and the THEORY table. */
class SymmetricStableTableTest {
  private static final SymmetricStableTable TABLE = SymmetricStableTable.standard();
  private static final double[][] GRID =
      NumericSections.read(SymmetricStableTable.RESOURCE).table("quantiles", 201, 3);

  /**
   * CDF and density of the unit SαS law by Gil-Pelaez inversion of e^{−|ω|^α}, F(x) = 1/2 + (1/π)∫ e^{−t^α}
   * sin(xt)/t dt and f(x) = (1/π)∫ e^{−t^α} cos(xt) dt, after t = s⁴ (which smooths the t^α kink at 0), by
   * composite Simpson: {F, f}.
   */
  private static double[] fourierCdfAndDensity(double x, double alpha) {
    double upper = Math.pow(Math.pow(46.0, 1 / alpha), 0.25);
    int intervals = 100_000;
    double h = upper / intervals;
    double cdf = 0;
    double pdf = 0;
    for (int i = 1; i <= intervals; i++) {
      double s = i * h;
      double s4 = s * s * s * s;
      double decay = 4 * Math.exp(-Math.pow(s4, alpha));
      double weight = i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
      cdf += weight * decay * Math.sin(x * s4) / s;
      pdf += weight * decay * s * s * s * Math.cos(x * s4);
    }
    return new double[] {0.5 + cdf * h / 3 / Math.PI, pdf * h / 3 / Math.PI};
  }

  @Test
  void quantilesSolveAnIndependentFourierCdfToOneInAMillion() {
    for (int i : new int[] {0, 1, 20, 40, 60, 80, 100, 120, 140, 160, 180, 199, 200}) {
      double alpha = GRID[i][0];
      for (int k = 1; k <= 2; k++) {
        double level = k == 1 ? 0.75 : 0.95;
        double[] fourier = fourierCdfAndDensity(GRID[i][k], alpha);
        double quantileError = (fourier[0] - level) / fourier[1];
        assertTrue(Math.abs(quantileError) < 1e-7, "alpha=" + alpha + " q" + level + " off by " + quantileError);
      }
    }
  }

  @Test
  void cauchyRowIsTheClosedForm() {
    assertEquals(1.0, GRID[0][0]);
    assertEquals(Math.tan(Math.PI * 0.25), GRID[0][1], 1e-12);
    assertEquals(Math.tan(Math.PI * 0.45), GRID[0][2], 1e-12);
    assertEquals(Math.tan(Math.PI * 0.45), TABLE.nu(1.0), 1e-12);
    assertEquals(2.0, TABLE.phi3(1.0), 1e-12);
  }

  @Test
  void gridHas201EvenlySpacedAlphas() {
    for (int i = 0; i < GRID.length; i++) {
      assertEquals(1.0 + i / 200.0, GRID[i][0], 1e-12);
    }
  }

  @Test
  void matchesTheTheoryTableToItsFourDecimals() {
    List<double[]> rows = TestResources.rows("/stable/theory_sas_table.txt");
    assertEquals(11, rows.size());
    for (double[] row : rows) {
      assertEquals(row[1], TABLE.nu(row[0]), 5e-5 + 1e-12, "nu at alpha=" + row[0]);
      assertEquals(row[2], TABLE.phi3(row[0]), 5e-5 + 1e-12, "phi3 at alpha=" + row[0]);
    }
  }

  @Test
  void inversionUndoesNuAndClampsToTheTableRange() {
    for (double alpha = 1.0; alpha <= 2.0; alpha += 0.0013) {
      assertEquals(alpha, TABLE.alphaForNu(TABLE.nu(alpha)), 1e-12);
    }
    assertEquals(2.0, TABLE.alphaForNu(1.0));
    assertEquals(1.0, TABLE.alphaForNu(100.0));
    assertEquals(TABLE.phi3(2.0), TABLE.phi3(2.5));
  }

  @Test
  void malformedTablesNameTheResourceAndTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NumericSections.parse("bad.txt", "[quantiles]\n1 2 x\n").table("quantiles", 3));
    assertTrue(e.getMessage().contains("bad.txt") && e.getMessage().contains("'x'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> NumericSections.parse("short.txt", "[quantiles]\n1 2\n").table("quantiles", 3));
    assertTrue(e.getMessage().contains("short.txt") && e.getMessage().contains("expected 3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> NumericSections.read("/stable/absent.txt"));
    assertTrue(e.getMessage().contains("/stable/absent.txt"), e.getMessage());
  }
}
