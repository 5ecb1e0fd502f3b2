package io.horizon.core.model;

import java.util.Arrays;

/** A named dense tensor in row-major order (the safetensors / PyTorch layout), held in double precision. */
public final class Tensor {
  private final String name;
  private final int[] shape;
  private final double[] data;

  public Tensor(String name, int[] shape, double[] data) {
    this.name = name;
    this.shape = shape.clone();
    this.data = data;
    if (data.length != sizeOf(shape)) {
      throw new IllegalArgumentException(
          "tensor '" + name + "': " + data.length + " values for shape " + Arrays.toString(shape));
    }
  }

  /** A zero tensor of the given shape. */
  public static Tensor zeros(String name, int... shape) {
    return new Tensor(name, shape, new double[sizeOf(shape)]);
  }

  public static int sizeOf(int[] shape) {
    int n = 1;
    for (int d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public String name() {
    return name;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public int dim(int axis) {
    return shape[axis];
  }

  /** The backing array (mutable, row-major). */
  public double[] data() {
    return data;
  }

  public int size() {
    return data.length;
  }

  public Tensor copy() {
    return new Tensor(name, shape, data.clone());
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
