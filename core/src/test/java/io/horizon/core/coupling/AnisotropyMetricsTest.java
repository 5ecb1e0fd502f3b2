package io.horizon.core.coupling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.linalg.Gemm;
import io.horizon.core.model.Initialization;
import io.horizon.core.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** AI_r and CE_r (THEORY §10.3) recovered from matrices {@code U diag(σ) Vᵀ} with prescribed singular values. */
class AnisotropyMetricsTest {

  @Test
  void prescribedSpectrumIsRecovered() {
    int n = 20;
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      sigma[i] = Math.pow(0.7, i) * 4.0;
    }
    double[] m = withSingularValues(sigma, new Rng(11));
    AnisotropyMetrics metrics = AnisotropyMetrics.of(SingularValues.of(m, n, n), 10, 16);
    double head = 0;
    double total = 0;
    for (int i = 0; i < 16; i++) {
      total += sigma[i] * sigma[i];
      head += i < 10 ? sigma[i] * sigma[i] : 0;
    }
    assertEquals(Math.pow(0.7, -9), metrics.anisotropy(), 1e-10 * Math.pow(0.7, -9));
    assertEquals(head / total, metrics.concentration(), 1e-12);
  }

  @Test
  void isotropicMatrixHasUnitIndexAndProportionalEnergy() {
    int n = 16;
    double[] sigma = new double[n];
    Arrays.fill(sigma, 2.5);
    AnisotropyMetrics metrics = AnisotropyMetrics.of(SingularValues.of(withSingularValues(sigma, new Rng(12)), n, n),
        AnisotropyMetrics.RANK, AnisotropyMetrics.RETAINED);
    assertEquals(1.0, metrics.anisotropy(), 1e-12);
    assertEquals(10.0 / 16.0, metrics.concentration(), 1e-12);
  }

  @Test
  void unsortedOrShortSpectraAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnisotropyMetrics.of(new double[] {1, 2, 0.5}, 2, 3));
    assertTrue(e.getMessage().startsWith("sigma[1]:"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AnisotropyMetrics.of(new double[] {1, 0.5}, 3, 16));
    assertTrue(e.getMessage().startsWith("sigma:"), e.getMessage());
  }

  /** {@code U diag(σ) Vᵀ} with random orthogonal U and V. */
  static double[] withSingularValues(double[] sigma, Rng rng) {
    int n = sigma.length;
    double[] u = new double[n * n];
    double[] v = new double[n * n];
    Initialization.orthogonal(u, n, n, rng);
    Initialization.orthogonal(v, n, n, rng);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        u[i * n + j] *= sigma[j];
      }
    }
    double[] m = new double[n * n];
    Gemm.multiply(u, false, v, true, m, n, n, n, 0.0);
    return m;
  }
}
