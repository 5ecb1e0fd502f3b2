package io.horizon.core.linalg;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense matrix products on row-major {@code double[]} arrays through ND4J's BLAS.
 *
 * <p>Element-wise work stays in plain Java loops; only products go through BLAS (STACK.md: every ND4J call
 * crosses JNI, so small element-wise ops are cheaper in Java). Off-heap operands are cached per thread and per
 * shape so a training loop does not allocate on every step.
 *
 * <p>A {@link Resident} made in {@link Precision#FLOAT32} runs its products in float: the left operand is rounded to
 * float on the way in and the result widened on the way out (the optional float32 step products of the diagnostic
 * pass and of training); the general product takes the precision as an argument (training's weight gradients).
 *
 * <p>BLAS runs single-threaded: every caller already splits its batch into one shard per core, and BLAS threads on
 * top of the shards oversubscribe the cores (their spin-waiting made products several times slower on 2 cores).
 */
public final class Gemm {

  private static final ThreadLocal<Map<Long, INDArray>> BUFFERS = ThreadLocal.withInitial(HashMap::new);
  private static final ThreadLocal<float[][]> FLOAT_SCRATCH = ThreadLocal.withInitial(() -> new float[][] {{}});
  /** Buffer slots of float operands start here, after the double ones (0 … 2). */
  private static final int FLOAT_SLOTS = 3;

  static {
    Nd4j.factory().blas().setMaxThreads(1);
  }

  private Gemm() {}

  /**
   * {@code c = op(a) · op(b) + beta · c} with {@code op(a)} of shape {@code m×k} and {@code op(b)} of shape
   * {@code k×n}; {@code a} is stored as {@code m×k} (or {@code k×m} when {@code transA}), {@code b} as
   * {@code k×n} (or {@code n×k} when {@code transB}); {@code c} is {@code m×n}.
   */
  public static void multiply(
      double[] a, boolean transA, double[] b, boolean transB, double[] c, int m, int n, int k, double beta) {
    multiply(a, transA, b, transB, c, m, n, k, beta, Precision.FLOAT64);
  }

  /**
   * As {@link #multiply(double[], boolean, double[], boolean, double[], int, int, int, double)}, in {@code precision}:
   * in float32 both operands are rounded to float, BLAS multiplies and sums in float, and the result is widened.
   */
  public static void multiply(double[] a, boolean transA, double[] b, boolean transB, double[] c, int m, int n, int k,
      double beta, Precision precision) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      scale(c, m * n, beta);
      return;
    }
    int aRows = transA ? k : m;
    int aCols = transA ? m : k;
    int bRows = transB ? n : k;
    int bCols = transB ? k : n;
    if (precision == Precision.FLOAT32) {
      runSingle(narrowed(0, a, aRows, aCols), transA, narrowed(1, b, bRows, bCols), transB, c, m, n, beta);
    } else {
      run(load(0, a, aRows, aCols), transA, load(1, b, bRows, bCols), transB, c, m, n, beta);
    }
  }

  /**
   * {@code c = a · op(b) + beta · c} with {@code a} stored as {@code m×k} and the resident {@code op(b)} k×n: the
   * products of a recurrence step, whose weights stay put while the left operand changes.
   */
  public static void multiply(double[] a, Resident b, double[] c, int m, double beta) {
    if (m == 0) {
      return;
    }
    if (b.array.dataType() == DataType.FLOAT) {
      runSingle(narrowed(0, a, m, b.inner()), false, b.array, b.transposed, c, m, b.outer(), beta);
    } else {
      run(load(0, a, m, b.inner()), false, b.array, b.transposed, c, m, b.outer(), beta);
    }
  }

  /**
   * Copies a row-major {@code rows×cols} matrix into BLAS memory once, for use as the right operand of many products:
   * as it is, or transposed when {@code transposed}.
   */
  public static Resident resident(double[] data, int rows, int cols, boolean transposed) {
    return resident(data, rows, cols, transposed, Precision.FLOAT64);
  }

  /**
   * As {@link #resident(double[], int, int, boolean)}, with every product against it in {@code precision}; a float32
   * resident holds the matrix rounded to float.
   */
  public static Resident resident(double[] data, int rows, int cols, boolean transposed, Precision precision) {
    if (precision == Precision.FLOAT32) {
      INDArray array = Nd4j.create(DataType.FLOAT, rows, cols);
      narrow(data, rows * cols, array.data().asNioFloat());
      return new Resident(array, transposed);
    }
    INDArray array = Nd4j.create(DataType.DOUBLE, rows, cols);
    array.data().asNioDouble().put(data, 0, rows * cols);
    return new Resident(array, transposed);
  }

  /**
   * A matrix kept in BLAS memory across products (copying a step's weights in for every product cost 6–11 % of the
   * product at the sizes of a recurrence step). Read-only: several threads may use one.
   */
  public static final class Resident {
    private final INDArray array;
    private final boolean transposed;

    private Resident(INDArray array, boolean transposed) {
      this.array = array;
      this.transposed = transposed;
    }

    /** k: the columns of the left operand. */
    private int inner() {
      return (int) (transposed ? array.columns() : array.rows());
    }

    /** n: the columns of the product. */
    private int outer() {
      return (int) (transposed ? array.rows() : array.columns());
    }
  }

  private static void run(
      INDArray left, boolean transA, INDArray right, boolean transB, double[] c, int m, int n, double beta) {
    INDArray out = load(2, beta == 0.0 ? null : c, m, n);
    Nd4j.gemm(left, right, out, transA, transB, 1.0, beta);
    out.data().asNioDouble().get(c, 0, m * n);
  }

  /** A float32 product of float operands: c rounded to float when {@code beta ≠ 0}, the result widened into c. */
  private static void runSingle(
      INDArray left, boolean transA, INDArray right, boolean transB, double[] c, int m, int n, double beta) {
    INDArray out = floatBuffer(2, m, n);
    if (beta != 0.0) {
      narrow(c, m * n, out.data().asNioFloat());
    }
    Nd4j.gemm(left, right, out, transA, transB, 1.0, beta);
    float[] values = scratch(m * n);
    out.data().asNioFloat().get(values, 0, m * n);
    for (int i = 0; i < m * n; i++) {
      c[i] = values[i];
    }
  }

  /** The per-thread float operand of {@code slot}, holding {@code data} (rows×cols) rounded to float. */
  private static INDArray narrowed(int slot, double[] data, int rows, int cols) {
    INDArray array = floatBuffer(slot, rows, cols);
    narrow(data, rows * cols, array.data().asNioFloat());
    return array;
  }

  /** Rounds the first {@code length} values of {@code data} to float into {@code target} from its start. */
  private static void narrow(double[] data, int length, FloatBuffer target) {
    float[] values = scratch(length);
    for (int i = 0; i < length; i++) {
      values[i] = (float) data[i];
    }
    target.put(0, values, 0, length);
  }

  /** A per-thread float array of at least {@code length} values, reused between products. */
  private static float[] scratch(int length) {
    float[][] holder = FLOAT_SCRATCH.get();
    if (holder[0].length < length) {
      holder[0] = new float[length];
    }
    return holder[0];
  }

  private static INDArray floatBuffer(int slot, int rows, int cols) {
    return BUFFERS.get()
        .computeIfAbsent(key(slot + FLOAT_SLOTS, rows, cols), unused -> Nd4j.create(DataType.FLOAT, rows, cols));
  }

  /** {@code c = a · b} for row-major {@code a} (m×k) and {@code b} (k×n). */
  public static void multiply(double[] a, double[] b, double[] c, int m, int n, int k) {
    multiply(a, false, b, false, c, m, n, k, 0.0);
  }

  private static void scale(double[] c, int length, double beta) {
    for (int i = 0; i < length; i++) {
      c[i] = beta == 0.0 ? 0.0 : beta * c[i];
    }
  }

  private static INDArray load(int slot, double[] data, int rows, int cols) {
    INDArray array =
        BUFFERS.get().computeIfAbsent(key(slot, rows, cols), unused -> Nd4j.create(DataType.DOUBLE, rows, cols));
    if (data != null) {
      DoubleBuffer view = array.data().asNioDouble();
      view.put(data, 0, rows * cols);
    }
    return array;
  }

  /** The per-thread buffer key of an operand slot and shape. */
  private static long key(int slot, int rows, int cols) {
    return ((long) slot << 60) | ((long) rows << 30) | cols;
  }
}
