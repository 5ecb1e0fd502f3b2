package io.horizon.core.stable;

import io.horizon.core.random.Rng;
import java.util.Arrays;

/**
 * A uniform random sample of at most {@code capacity} values from a stream (reservoir sampling, Vitter's
 * Algorithm R), mergeable with another reservoir of the same capacity: the merged reservoir is a uniform sample of
 * the union. It holds every value, in arrival order, while the stream fits in the capacity.
 */
public final class UniformReservoir {
  private final int capacity;
  private final Rng rng;
  private double[] items = new double[16];
  private int size;
  private long seen;

  /** An empty reservoir of at most {@code capacity} values whose draws come from {@code rng}. */
  public UniformReservoir(int capacity, Rng rng) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity: must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.rng = rng;
  }

  /** Offers one value: kept while there is room, afterwards kept with probability capacity/seen. */
  public void add(double value) {
    seen++;
    if (size < capacity) {
      append(value);
    } else {
      long slot = rng.provider().nextLong(seen);
      if (slot < capacity) {
        items[(int) slot] = value;
      }
    }
  }

  /**
   * Replaces this reservoir by a uniform sample of both streams: the first min(capacity, total) draws from the
   * union take a value from this side with probability (its values not yet drawn)/(all not yet drawn), so each side
   * gives a hypergeometric share in proportion to its count, and the values of each share are drawn uniformly from
   * its reservoir. Both reservoirs are kept whole when the union fits in the capacity.
   */
  void merge(UniformReservoir other) {
    if (other.capacity != capacity) {
      throw new IllegalArgumentException("capacity: cannot merge reservoirs of capacity " + capacity + " and "
          + other.capacity);
    }
    long total = seen + other.seen;
    if (total <= capacity) {
      for (int i = 0; i < other.size; i++) {
        append(other.items[i]);
      }
      seen = total;
      return;
    }
    long leftHere = seen;
    long leftThere = other.seen;
    int fromHere = 0;
    for (int i = 0; i < capacity; i++) {
      if (rng.provider().nextLong(leftHere + leftThere) < leftHere) {
        fromHere++;
        leftHere--;
      } else {
        leftThere--;
      }
    }
    double[] merged = new double[capacity];
    drawWithoutReplacement(Arrays.copyOf(items, size), fromHere, merged, 0);
    drawWithoutReplacement(Arrays.copyOf(other.items, other.size), capacity - fromHere, merged, fromHere);
    items = merged;
    size = capacity;
    seen = total;
  }

  /** Moves {@code count} values drawn uniformly without replacement from {@code pool} into {@code out[at ..]}. */
  private void drawWithoutReplacement(double[] pool, int count, double[] out, int at) {
    for (int i = 0; i < count; i++) {
      int j = i + rng.nextInt(pool.length - i);
      double picked = pool[j];
      pool[j] = pool[i];
      out[at + i] = picked;
    }
  }

  private void append(double value) {
    if (size == items.length) {
      items = Arrays.copyOf(items, (int) Math.min(capacity, 2L * items.length));
    }
    items[size++] = value;
  }

  /** A copy of the values held. */
  public double[] values() {
    return Arrays.copyOf(items, size);
  }

  /** Number of values held: min(capacity, values offered). */
  int size() {
    return size;
  }
}
