package io.horizon.cli.report;

import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/** Points (x, y) of one plotted series, in drawing order. */
record Curve(double[] x, double[] y) {

  /** A curve of equally long coordinates. */
  Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException("curve: " + x.length + " x values but " + y.length + " y values");
    }
  }

  /** The points whose x and y both pass {@code keepX} and {@code keepY} (for example, positive on a log axis). */
  Curve where(DoublePredicate keepX, DoublePredicate keepY) {
    int n = 0;
    for (int i = 0; i < x.length; i++) {
      n += keepX.test(x[i]) && keepY.test(y[i]) ? 1 : 0;
    }
    double[] kx = new double[n];
    double[] ky = new double[n];
    for (int i = 0, k = 0; i < x.length; i++) {
      if (keepX.test(x[i]) && keepY.test(y[i])) {
        kx[k] = x[i];
        ky[k++] = y[i];
      }
    }
    return new Curve(kx, ky);
  }

  /** The curve with {@code f} applied to every y. */
  Curve mapY(DoubleUnaryOperator f) {
    double[] fy = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      fy[i] = f.applyAsDouble(y[i]);
    }
    return new Curve(x, fy);
  }

  /** Whether the curve has no point. */
  boolean isEmpty() {
    return x.length == 0;
  }
}
