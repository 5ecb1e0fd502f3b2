package io.horizon.core.collapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** κ̂_tail on simulated ζ populations with a known drift (THEORY §11.3 item 9, issue #7 acceptance). */
class RestoringDriftTest {
  private static final int UNITS = 500;
  private static final int CHECKPOINTS = 16;
  private static final double NOISE = 0.05;

  /** ζ_{t+1} = ζ_t + κ + s·(ζ_t − c) + noise with ζ_0 ~ N(c, 1), c = −4. */
  private static double[][] population(double kappa, double slope, long seed) {
    Rng rng = new Rng(seed);
    double centre = -4;
    double[][] zeta = new double[CHECKPOINTS][UNITS];
    for (int q = 0; q < UNITS; q++) {
      zeta[0][q] = centre + rng.gaussian();
    }
    for (int t = 1; t < CHECKPOINTS; t++) {
      for (int q = 0; q < UNITS; q++) {
        double z = zeta[t - 1][q];
        zeta[t][q] = z + kappa + slope * (z - centre) + NOISE * rng.gaussian();
      }
    }
    return zeta;
  }

  @Test
  void constantDriftIsRecoveredWithinItsInterval() {
    double kappa = 0.02;
    RestoringDrift drift = RestoringDrift.estimate(population(kappa, 0, 1), FarLeftSlice.DEFAULT_Q_LOW,
        RestoringDrift.DEFAULT_RESAMPLES, 42);
    assertTrue(drift.lo() < kappa && kappa < drift.hi(), drift.toString());
    assertTrue(drift.positive());
    assertFalse(drift.linearPreferred(), drift.toString());
    assertEquals((CHECKPOINTS - 1) * (int) Math.ceil(FarLeftSlice.DEFAULT_Q_LOW * UNITS), drift.transitions(),
        CHECKPOINTS);
  }

  @Test
  void residualsAreTheSliceTransitionsLessTheDrift() {
    double[][] zeta = population(0.02, 0, 5);
    RestoringDrift drift = RestoringDrift.estimate(zeta, FarLeftSlice.DEFAULT_Q_LOW, 200, 42);
    int i = 0;
    for (int t = 0; t + 1 < CHECKPOINTS; t++) {
      for (int q : FarLeftSlice.units(zeta[t], FarLeftSlice.DEFAULT_Q_LOW)) {
        assertEquals(zeta[t + 1][q] - zeta[t][q] - drift.kappa(), drift.residuals()[i++], 1e-15);
      }
    }
    assertEquals(drift.transitions(), i);
    assertEquals(i, drift.residuals().length);
  }

  @Test
  void aSliceOfCappedUnitsStillGivesTheConstantDriftWithoutTheLinearOne() {
    double cap = -Math.log(192);
    double[][] zeta = population(0, 0, 6);
    Rng rng = new Rng(7);
    for (int t = 0; t < CHECKPOINTS; t++) {
      for (int q = 0; q < UNITS / 5; q++) {
        zeta[t][q] = cap;
      }
      for (int q = UNITS / 5; q < UNITS; q++) {
        zeta[t][q] = cap + 1 + rng.uniform();
      }
    }
    RestoringDrift drift = RestoringDrift.estimate(zeta, FarLeftSlice.DEFAULT_Q_LOW, 200, 42);
    assertEquals(0, drift.kappa());
    assertTrue(Double.isNaN(drift.linearSlope()) && Double.isNaN(drift.aicLinear()), drift.toString());
    assertFalse(drift.linearPreferred());
  }

  @Test
  void zeroDriftIsNotPositiveAndTheSweepCoversEachLevel() {
    double[][] zeta = population(0, 0, 2);
    List<RestoringDrift> sweep = RestoringDrift.sweep(zeta, new double[] {0.05, 0.10, 0.20}, 500, 42);
    assertEquals(3, sweep.size());
    for (RestoringDrift d : sweep) {
      assertEquals(0, d.kappa(), 3 * NOISE / Math.sqrt(d.transitions()), d.toString());
      assertTrue(d.hi() - d.lo() < 8 * NOISE / Math.sqrt(d.transitions()), d.toString());
    }
    assertFalse(sweep.get(1).positive(), sweep.get(1).toString());
    assertEquals(0.20, sweep.get(2).qLow());
  }

  @Test
  void linearDriftIsPreferredOverConstant() {
    double slope = -0.3;
    RestoringDrift drift = RestoringDrift.estimate(population(0.02, slope, 3), 0.2, 200, 42);
    assertTrue(drift.linearPreferred());
    assertEquals(slope, drift.linearSlope(), 0.05);
  }

  @Test
  void meanMovesWithTheDriftAndVarianceStays() {
    double kappa = 0.02;
    int step = 40;
    int[] epochs = new int[CHECKPOINTS];
    for (int t = 0; t < CHECKPOINTS; t++) {
      epochs[t] = 1 + step * t;
    }
    ZetaStabilisation s = ZetaStabilisation.of(epochs, population(kappa, 0, 4));
    assertEquals(kappa / step, s.meanTrend(), 0.1 * kappa / step);
    assertEquals(0, s.varianceTrend() * step * CHECKPOINTS, 0.1);
  }

  @Test
  void badInputNamesTheField() {
    ExpectedErrors.illegalArgument(() -> RestoringDrift.estimate(new double[1][4], 0.1, 10, 1), "zeta", "2");
    ExpectedErrors.illegalArgument(() -> FarLeftSlice.units(new double[4], 1.5), "q-low");
  }
}
