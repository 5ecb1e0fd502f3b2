package io.horizon.core.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Element types of safetensors files that Horizon reads: F32 and F64 (read and written) and the 16-bit F16 and
 * BF16 (read only). Values are little-endian.
 */
public enum TensorDtype {
  /** IEEE 754 binary16. */
  F16(2, false),
  /** bfloat16: the upper half of a binary32. */
  BF16(2, false),
  /** IEEE 754 binary32, the PyTorch default. */
  F32(4, true),
  /** IEEE 754 binary64. */
  F64(8, true);

  private final int size;
  private final boolean writable;

  TensorDtype(int size, boolean writable) {
    this.size = size;
    this.writable = writable;
  }

  /** Bytes per element. */
  public int size() {
    return size;
  }

  /** True for the types Horizon writes. */
  public boolean writable() {
    return writable;
  }

  /** The type named {@code name} in a header; the error names the tensor and the supported types. */
  public static TensorDtype parse(String name, String where) {
    for (TensorDtype t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(where + ": unsupported dtype '" + name + "' (supported: "
        + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + ")");
  }

  /** Element {@code index} of a little-endian buffer, widened exactly to double. */
  public double read(ByteBuffer buffer, int offset, int index) {
    int at = offset + index * size;
    return switch (this) {
      case F16 -> halfToDouble(buffer.getShort(at));
      case BF16 -> Float.intBitsToFloat((buffer.getShort(at) & 0xFFFF) << 16);
      case F32 -> buffer.getFloat(at);
      case F64 -> buffer.getDouble(at);
    };
  }

  /** Writes {@code value} as element {@code index} (F32 rounds to nearest); only for writable types. */
  public void write(ByteBuffer buffer, int offset, int index, double value) {
    int at = offset + index * size;
    switch (this) {
      case F32 -> buffer.putFloat(at, (float) value);
      case F64 -> buffer.putDouble(at, value);
      default -> throw new IllegalArgumentException("dtype " + this + ": writing is not supported (use F32 or F64)");
    }
  }

  /** IEEE 754 binary16 bits to a double: sign, 5-bit exponent (bias 15), 10-bit fraction, subnormals, Inf, NaN. */
  static double halfToDouble(short bits) {
    double sign = (bits & 0x8000) != 0 ? -1.0 : 1.0;
    int exponent = (bits >> 10) & 0x1F;
    int fraction = bits & 0x3FF;
    if (exponent == 0x1F) {
      return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
    }
    if (exponent == 0) {
      return sign * fraction * 0x1p-24;
    }
    return sign * (1 + fraction * 0x1p-10) * Math.scalb(1.0, exponent - 15);
  }
}
