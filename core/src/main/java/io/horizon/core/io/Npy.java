package io.horizon.core.io;

import io.horizon.core.task.SequenceDataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * NumPy {@code .npy} files (NPY format 1.0, 2.0 and 3.0): little-endian {@code <f4} and {@code <f8} arrays in C
 * order are read, {@code <f4} arrays are written byte for byte as NumPy 1.23+ writes them (format 1.0, room for the
 * first axis to grow to 21 digits, header padded to a multiple of 64 bytes). The
 * sequence data sets of the interchange are x [N, T, D] and y [N, T, 1] (y [N, T] is also read). Every error names
 * the file; NaN and Inf values are reported with their index.
 */
public final class Npy {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGNMENT = 64;
  private static final int GROWTH_AXIS_DIGITS = 21;
  private static final int CHUNK_BYTES = 1 << 26;
  private static final String FLOAT32 = "<f4";
  private static final String FLOAT64 = "<f8";

  private Npy() {}

  /** A float32 array with its shape. */
  public record FloatArray(int[] shape, float[] data) {}

  /** Reads a {@code <f4} or {@code <f8} array of any rank into single precision ({@code <f8} rounded to nearest). */
  public static FloatArray readFloats(Path file) {
    return readFloats(file, TensorLimit.configured());
  }

  /** Reads an array as {@link #readFloats(Path)} does, refusing a header that declares more than {@code limit}. */
  public static FloatArray readFloats(Path file, TensorLimit limit) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NpyHeader header = readHeader(channel, file, limit);
      float[] out = new float[header.elementCount(file.toString())];
      readData(channel, file, header, (buffer, offset, count) -> {
        if (header.descr().equals(FLOAT32)) {
          buffer.asFloatBuffer().get(out, offset, count);
        } else {
          for (int i = 0; i < count; i++) {
            double v = buffer.getDouble(8 * i);
            out[offset + i] = (float) v;
            if (Double.isFinite(v) && !Float.isFinite(out[offset + i])) {
              throw new IllegalArgumentException(
                  file + ": value " + v + " at flat index " + (offset + i) + " does not fit in float32");
            }
          }
        }
      });
      requireFinite(file, header.shape(), out.length, i -> out[i]);
      return new FloatArray(header.shape(), out);
    } catch (IOException e) {
      throw FileErrors.of(file, "read", e);
    }
  }

  /** Reads a 1-D {@code <f4} or {@code <f8} array exactly into double precision. */
  public static double[] readVector(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      NpyHeader header = readHeader(channel, file, TensorLimit.configured());
      if (header.shape().length != 1) {
        throw new IllegalArgumentException(
            file + ": expected a 1-D array, got shape " + Arrays.toString(header.shape()));
      }
      double[] out = new double[header.elementCount(file.toString())];
      readData(channel, file, header, (buffer, offset, count) -> {
        if (header.descr().equals(FLOAT64)) {
          buffer.asDoubleBuffer().get(out, offset, count);
        } else {
          for (int i = 0; i < count; i++) {
            out[offset + i] = buffer.getFloat(4 * i);
          }
        }
      });
      requireFinite(file, header.shape(), out.length, i -> out[i]);
      return out;
    } catch (IOException e) {
      throw FileErrors.of(file, "read", e);
    }
  }

  /** Writes a {@code <f4} C-order array; rejects a shape that does not match the data and non-finite values. */
  public static void writeFloats(Path file, int[] shape, float[] data) {
    NpyHeader header = new NpyHeader(FLOAT32, false, shape.clone());
    if (header.elementCount(file.toString()) != data.length) {
      throw new IllegalArgumentException(
          file + ": shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
    }
    requireFinite(file, shape, data.length, i -> data[i]);
    String growth = shape.length == 0 ? "" : " ".repeat(GROWTH_AXIS_DIGITS - Integer.toString(shape[0]).length());
    byte[] text = (header.format() + growth).getBytes(StandardCharsets.ISO_8859_1);
    int preamble = MAGIC.length + 2 + 2;
    int padded = text.length + 1 + (ALIGNMENT - (preamble + text.length + 1) % ALIGNMENT) % ALIGNMENT;
    if (padded > 0xFFFF) {
      throw new IllegalArgumentException(file + ": shape " + Arrays.toString(shape) + " gives a header too long");
    }
    ByteBuffer head = ByteBuffer.allocate(preamble + padded).order(ByteOrder.LITTLE_ENDIAN);
    head.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded).put(text);
    while (head.position() < head.capacity() - 1) {
      head.put((byte) ' ');
    }
    head.put((byte) '\n').flip();
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      writeFully(channel, head);
      ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(data.length, 4)).order(ByteOrder.LITTLE_ENDIAN);
      for (int from = 0; from < data.length; from += CHUNK_BYTES / 4) {
        int count = Math.min(CHUNK_BYTES / 4, data.length - from);
        chunk.clear();
        chunk.asFloatBuffer().put(data, from, count);
        chunk.limit(4 * count);
        writeFully(channel, chunk);
      }
    } catch (IOException e) {
      throw FileErrors.of(file, "write", e);
    }
  }

  /**
   * Reads a sequence data set: x of shape [N, T, D] and y of shape [N, T, 1] or [N, T], with matching N and T.
   * Step weights are not stored in the files: every step carries a target (use the overload with the task's step
   * weights for tasks with a target at the last step only).
   */
  public static SequenceDataset readDataset(Path x, Path y) {
    return readDataset(x, y, null);
  }

  /** Reads a sequence data set whose steps are weighted by {@code stepWeights} (length T, or null for all ones). */
  public static SequenceDataset readDataset(Path x, Path y, double[] stepWeights) {
    FloatArray xs = readFloats(x);
    FloatArray ys = readFloats(y);
    int[] sx = xs.shape();
    int[] sy = ys.shape();
    if (sx.length != 3) {
      throw new IllegalArgumentException(x + ": inputs must have rank 3 [N, T, D], got shape " + Arrays.toString(sx));
    }
    if (!(sy.length == 2 || sy.length == 3 && sy[2] == 1)) {
      throw new IllegalArgumentException(
          y + ": targets must have shape [N, T, 1] or [N, T], got " + Arrays.toString(sy));
    }
    if (sy[0] != sx[0] || sy[1] != sx[1]) {
      throw new IllegalArgumentException(y + ": shape " + Arrays.toString(sy) + " does not match the inputs "
          + Arrays.toString(sx) + " of " + x + " (N and T must agree)");
    }
    if (stepWeights != null && stepWeights.length != sx[1]) {
      throw new IllegalArgumentException(x + ": sequences have length " + sx[1] + " but " + stepWeights.length
          + " step weights were given");
    }
    return new SequenceDataset(xs.data(), ys.data(), sx[0], sx[1], sx[2], stepWeights);
  }

  /** Writes a data set as x [N, T, D] and y [N, T, 1], both {@code <f4}. */
  public static void writeDataset(SequenceDataset data, Path x, Path y) {
    writeFloats(x, new int[] {data.count(), data.length(), data.inputDim()}, data.x());
    writeFloats(y, new int[] {data.count(), data.length(), 1}, data.y());
  }

  /** Receives one chunk of little-endian data holding {@code count} values for positions from {@code offset}. */
  private interface ChunkReader {
    void read(ByteBuffer buffer, int offset, int count);
  }

  /** Reads element {@code i} of an array as a double (for the finiteness check). */
  private interface ValueAt {
    double get(int i);
  }

  private static NpyHeader readHeader(FileChannel channel, Path file, TensorLimit limit) throws IOException {
    long size = channel.size();
    ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    readFully(channel, pre, file, "the magic string and version");
    pre.flip();
    byte[] magic = new byte[MAGIC.length];
    pre.get(magic);
    if (!Arrays.equals(magic, MAGIC)) {
      throw new IllegalArgumentException(file + ": bad magic string, not a .npy file");
    }
    int major = pre.get() & 0xFF;
    int minor = pre.get() & 0xFF;
    long headerLength;
    int lengthBytes;
    if (major == 1) {
      headerLength = pre.getShort() & 0xFFFF;
      lengthBytes = 2;
    } else if (major == 2 || major == 3) {
      headerLength = pre.getInt() & 0xFFFFFFFFL;
      lengthBytes = 4;
    } else {
      throw new IllegalArgumentException(file + ": unsupported .npy format version " + major + "." + minor);
    }
    long dataStart = MAGIC.length + 2 + lengthBytes + headerLength;
    if (dataStart > size) {
      throw new IllegalArgumentException(file + ": truncated header (" + headerLength + " bytes announced, file has "
          + size + " bytes)");
    }
    ByteBuffer text = ByteBuffer.allocate((int) headerLength);
    channel.position(MAGIC.length + 2 + lengthBytes);
    readFully(channel, text, file, "the header");
    String header = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    NpyHeader parsed = NpyHeader.parse(header, file.toString());
    if (!parsed.descr().equals(FLOAT32) && !parsed.descr().equals(FLOAT64)) {
      throw new IllegalArgumentException(file + ": dtype '" + parsed.descr() + "' is not supported (expected '"
          + FLOAT32 + "' or '" + FLOAT64 + "')");
    }
    if (parsed.fortranOrder()) {
      throw new IllegalArgumentException(file + ": Fortran (column-major) order is not supported, write it in C order");
    }
    limit.check(file.toString(), parsed.elementCount(file.toString()));
    long needed = (long) parsed.elementCount(file.toString()) * itemSize(parsed);
    if (size - dataStart != needed) {
      throw new IllegalArgumentException(file + ": " + (size - dataStart < needed ? "truncated data" : "trailing data")
          + " (shape " + Arrays.toString(parsed.shape()) + " of " + parsed.descr() + " needs " + needed
          + " bytes, the file holds " + (size - dataStart) + ")");
    }
    return parsed;
  }

  private static int itemSize(NpyHeader header) {
    return header.descr().equals(FLOAT64) ? 8 : 4;
  }

  private static void readData(FileChannel channel, Path file, NpyHeader header, ChunkReader reader)
      throws IOException {
    int item = itemSize(header);
    int total = header.elementCount(file.toString());
    ByteBuffer chunk = ByteBuffer.allocate(chunkBytes(total, item)).order(ByteOrder.LITTLE_ENDIAN);
    for (int from = 0; from < total; from += CHUNK_BYTES / item) {
      int count = Math.min(CHUNK_BYTES / item, total - from);
      chunk.clear().limit(count * item);
      readFully(channel, chunk, file, "the data");
      chunk.flip();
      reader.read(chunk, from, count);
    }
  }

  /** The transfer buffer size: the whole array when it is small, else {@link #CHUNK_BYTES}. */
  private static int chunkBytes(int count, int item) {
    return (int) Math.min(CHUNK_BYTES, (long) count * item);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, Path file, String what) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IllegalArgumentException(file + ": file ends inside " + what);
      }
    }
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  /** Reports the first NaN or Inf with its index in the array's shape. */
  private static void requireFinite(Path file, int[] shape, int count, ValueAt values) {
    for (int i = 0; i < count; i++) {
      double v = values.get(i);
      if (!Double.isFinite(v)) {
        int[] index = new int[shape.length];
        int rest = i;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
          index[axis] = rest % shape[axis];
          rest /= shape[axis];
        }
        throw new IllegalArgumentException(file + ": non-finite value " + v + " at index " + Arrays.toString(index));
      }
    }
  }
}
