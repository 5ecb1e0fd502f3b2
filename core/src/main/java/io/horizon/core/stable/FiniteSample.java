package io.horizon.core.stable;

import java.util.Arrays;

/**
 * The finite samples of one lag (a private copy, −0.0 stored as 0.0) plus the number of NaN/Inf samples that were
 * set aside. Quantiles come from order statistics found by selection and sums run over the sorted values, so every
 * estimate is a function of the multiset of samples, bit for bit the same whatever their order. Selection and
 * sorting reorder the private copy in place, so one instance is for one thread at a time.
 */
public final class FiniteSample {
  /** Ranges at most this long are sorted outright during selection. */
  private static final int SMALL_RANGE = 32;

  private final double[] values;
  private final long nonFinite;
  private boolean sorted;

  private FiniteSample(double[] values, long nonFinite) {
    this.values = values;
    this.nonFinite = nonFinite;
  }

  /** The finite values of {@code values[0 .. count)}, with the NaN/Inf ones counted and left out. */
  public static FiniteSample of(double[] values, int count) {
    if (values == null) {
      throw new IllegalArgumentException("values: null array");
    }
    if (count < 0 || count > values.length) {
      throw new IllegalArgumentException("count: " + count + " is outside [0, " + values.length + "]");
    }
    double[] finite = new double[count];
    int size = 0;
    for (int i = 0; i < count; i++) {
      if (Double.isFinite(values[i])) {
        finite[size++] = values[i] + 0.0;
      }
    }
    return new FiniteSample(size == count ? finite : Arrays.copyOf(finite, size), count - size);
  }

  /** Takes ownership of {@code finite}, all finite with no −0.0, and records {@code nonFinite} set-aside samples. */
  static FiniteSample adopt(double[] finite, long nonFinite) {
    return new FiniteSample(finite, nonFinite);
  }

  /** Number of finite samples. */
  public int size() {
    return values.length;
  }

  /** Number of NaN or infinite samples that were set aside. */
  public long nonFinite() {
    return nonFinite;
  }

  /** The finite samples in ascending order (sorted once, on first use); callers must not modify the array. */
  double[] sorted() {
    if (!sorted) {
      Arrays.sort(values);
      sorted = true;
    }
    return values;
  }

  /** The empirical {@code p}-quantile (see {@link #quantiles}). */
  public double quantile(double p) {
    return quantiles(p)[0];
  }

  /**
   * Empirical quantiles at {@code levels} with NumPy's default ("linear") definition: virtual index h = (n − 1)p,
   * interpolation between the order statistics at ⌊h⌋ and ⌊h⌋ + 1 with NumPy's two-sided lerp.
   */
  public double[] quantiles(double... levels) {
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("sample: no finite values to take a quantile of");
    }
    int[] ranks = new int[2 * levels.length];
    for (int i = 0; i < levels.length; i++) {
      double p = levels[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("p: quantile level " + p + " is outside [0, 1]");
      }
      int below = (int) Math.floor((n - 1) * p);
      ranks[2 * i] = below;
      ranks[2 * i + 1] = Math.min(below + 1, n - 1);
    }
    if (!sorted) {
      int[] distinct = Arrays.stream(ranks).sorted().distinct().toArray();
      select(values, 0, n - 1, distinct, 0, distinct.length - 1, 2 * (32 - Integer.numberOfLeadingZeros(n)));
    }
    double[] out = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double h = (n - 1) * levels[i];
      double t = h - Math.floor(h);
      double a = values[ranks[2 * i]];
      double b = values[ranks[2 * i + 1]];
      double diff = b - a;
      out[i] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
    return out;
  }

  /**
   * Multi-quickselect: afterwards {@code a[r]} is the r-th smallest value of {@code a[lo .. hi]} for every rank r in
   * {@code ranks[from .. to]} (ascending). Partitions around a median-of-three pivot (Hoare), descends only into
   * the parts that hold wanted ranks, and sorts a part outright once it is short or {@code depth} runs out.
   */
  private static void select(double[] a, int lo, int hi, int[] ranks, int from, int to, int depth) {
    while (from <= to) {
      if (hi - lo < SMALL_RANGE || depth-- <= 0) {
        Arrays.sort(a, lo, hi + 1);
        return;
      }
      double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          double swap = a[i];
          a[i++] = a[j];
          a[j--] = swap;
        }
      }
      // Now a[lo .. j] <= pivot, a[j+1 .. i-1] == pivot, a[i .. hi] >= pivot.
      int leftEnd = from;
      while (leftEnd <= to && ranks[leftEnd] <= j) {
        leftEnd++;
      }
      int rightStart = leftEnd;
      while (rightStart <= to && ranks[rightStart] < i) {
        rightStart++;
      }
      select(a, lo, j, ranks, from, leftEnd - 1, depth);
      lo = i;
      from = rightStart;
    }
  }

  private static double medianOfThree(double x, double y, double z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
