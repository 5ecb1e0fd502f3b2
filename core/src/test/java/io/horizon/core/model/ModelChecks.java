package io.horizon.core.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.random.Rng;
import io.horizon.core.task.SequenceBatch;
import io.horizon.core.task.SequenceDataset;

/**
 * Architecture-independent numerical checks: BPTT gradients and forward-mode tangents against central finite
 * differences in double precision.
 */
public final class ModelChecks {
  private ModelChecks() {}

  /** A model whose every trainable value is drawn from N(0, scale²), so that every path of the cell is exercised. */
  public static GatedRnn randomModel(ModelConfig config, long seed, double scale) {
    GatedRnn base = GatedRnns.initialize(config, seed);
    ParameterSet p = base.parameters().copy();
    Rng rng = new Rng(seed + 17);
    for (String name : ParameterLayout.trainableNames(config)) {
      double[] d = p.data(name);
      for (int i = 0; i < d.length; i++) {
        d[i] = scale * rng.gaussian() + (name.startsWith("ln") && name.endsWith(".weight") ? 1.0 : 0.0);
      }
    }
    return GatedRnns.fromParameters(config, p, "test");
  }

  /** A random single-precision data set: x ~ N(0,1) (all of x first), then y ~ N(0,1), from one stream. */
  public static SequenceDataset randomDataset(int count, int length, int inputDim, long seed) {
    Rng rng = new Rng(seed);
    float[] x = new float[count * length * inputDim];
    float[] y = new float[count * length];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.gaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) rng.gaussian();
    }
    return new SequenceDataset(x, y, count, length, inputDim);
  }

  /** A random batch: x ~ N(0,1), y ~ N(0,1). */
  public static SequenceBatch randomBatch(int batch, int length, int inputDim, long seed) {
    Rng rng = new Rng(seed);
    double[] x = new double[batch * length * inputDim];
    double[] y = new double[batch * length];
    for (int i = 0; i < x.length; i++) {
      x[i] = rng.gaussian();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.gaussian();
    }
    return new SequenceBatch(x, y, batch, length, inputDim);
  }

  private static double sumSquaredError(GatedRnn model, SequenceBatch batch) {
    double[] yhat = model.forward(batch).predictions();
    double s = 0;
    for (int i = 0; i < yhat.length; i++) {
      double e = yhat[i] - batch.y()[i];
      s += batch.weight(i % batch.length()) * e * e;
    }
    return s;
  }

  /**
   * Asserts that BPTT matches central differences of the summed squared error for every trainable scalar:
   * relative error of the whole gradient below {@code tolerance} and every entry within
   * {@code tolerance · max(|g|, |fd|) + 1e-9}.
   */
  public static void assertGradientMatchesFiniteDifferences(GatedRnn model, SequenceBatch batch, double tolerance) {
    ParameterSet grad = model.trainable().zerosLike();
    double loss = model.backward(model.forward(batch), grad, 1.0);
    assertTrue(Math.abs(loss - sumSquaredError(model, batch)) <= 1e-12 * Math.max(1, loss), "returned loss");
    double h = 1e-5;
    double diff2 = 0;
    double norm2 = 0;
    for (String name : model.trainable().names()) {
      double[] theta = model.trainable().data(name);
      double[] g = grad.data(name);
      for (int i = 0; i < theta.length; i++) {
        double keep = theta[i];
        theta[i] = keep + h;
        double plus = sumSquaredError(model, batch);
        theta[i] = keep - h;
        double minus = sumSquaredError(model, batch);
        theta[i] = keep;
        double fd = (plus - minus) / (2 * h);
        double err = Math.abs(g[i] - fd);
        String where = name + "[" + i + "]: bptt " + g[i] + " vs finite difference " + fd;
        assertTrue(err <= tolerance * Math.max(Math.abs(g[i]), Math.abs(fd)) + 1e-9, where);
        diff2 += err * err;
        norm2 += fd * fd;
      }
    }
    double rel = Math.sqrt(diff2 / Math.max(norm2, 1e-300));
    assertTrue(rel < tolerance, "relative gradient error " + rel);
  }

  /** Asserts that the tangent of h (and c for the LSTM) matches central differences along {@code u}. */
  public static void assertTangentMatchesFiniteDifferences(
      GatedRnn model, SequenceBatch batch, ParameterSet u, double tolerance) {
    Tangent tangent = model.tangent(model.forward(batch), u, TangentMode.TOTAL);
    double eps = 1e-6;
    ParameterSet theta = model.trainable();
    theta.addScaled(u, eps);
    Trajectory plus = model.forward(batch);
    double[] hPlus = plus.hidden().clone();
    double[] cPlus = cellOf(plus);
    theta.addScaled(u, -2 * eps);
    Trajectory minus = model.forward(batch);
    double[] hMinus = minus.hidden().clone();
    double[] cMinus = cellOf(minus);
    theta.addScaled(u, eps);
    assertClose(tangent.hidden(), hPlus, hMinus, eps, tolerance, "hidden");
    if (tangent.cell() != null) {
      assertClose(tangent.cell(), cPlus, cMinus, eps, tolerance, "cell");
    }
  }

  private static double[] cellOf(Trajectory t) {
    return t instanceof HasCellState c ? c.cell().clone() : null;
  }

  private static void assertClose(double[] v, double[] plus, double[] minus, double eps, double tol, String what) {
    double diff2 = 0;
    double norm2 = 0;
    for (int i = 0; i < v.length; i++) {
      double fd = (plus[i] - minus[i]) / (2 * eps);
      diff2 += (v[i] - fd) * (v[i] - fd);
      norm2 += fd * fd;
    }
    double rel = Math.sqrt(diff2 / Math.max(norm2, 1e-300));
    assertTrue(rel < tol, what + " tangent relative error " + rel);
  }
}
