package io.horizon.core.io;

/**
 * The most tensor elements one file or message may declare, all its tensors together: checked against the header
 * (or the declared shapes) before any tensor is allocated, so an oversized or hostile input is refused with a
 * clear error instead of exhausting memory. Set with the system property {@value #PROPERTY}.
 */
public record TensorLimit(long maxElements) {
  /** The system property that sets the limit. */
  public static final String PROPERTY = "horizon.max-tensor-elements";
  /** The default: 2^27 elements (1 GiB as doubles), far above any model or diagnostic set Horizon trains. */
  public static final long DEFAULT_MAX_ELEMENTS = 1L << 27;
  /** The most bytes a tensor element takes in any format read (float64). */
  private static final int WIDEST_ELEMENT_BYTES = 8;

  /** Checks that the limit is positive. */
  public TensorLimit {
    if (maxElements <= 0) {
      throw new IllegalArgumentException(PROPERTY + ": must be positive, got " + maxElements);
    }
  }

  /** The limit of this process: {@value #PROPERTY} when set, otherwise {@link #DEFAULT_MAX_ELEMENTS}. */
  public static TensorLimit configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null) {
      return new TensorLimit(DEFAULT_MAX_ELEMENTS);
    }
    try {
      return new TensorLimit(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(PROPERTY + ": not a whole number: '" + value + "'", e);
    }
  }

  /** Throws {@link IllegalArgumentException} starting with {@code source} when {@code elements} exceeds the limit. */
  public void check(String source, long elements) {
    if (elements > maxElements) {
      throw new IllegalArgumentException(source + ": declares " + elements + " tensor elements, more than the limit of "
          + maxElements + " (" + PROPERTY + ")");
    }
  }

  /** The largest tensor data, in bytes, a file within the limit can hold ({@code maxElements} float64 values). */
  public long maxDataBytes() {
    return maxElements > Long.MAX_VALUE / WIDEST_ELEMENT_BYTES ? Long.MAX_VALUE : maxElements * WIDEST_ELEMENT_BYTES;
  }
}
