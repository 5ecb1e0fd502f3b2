package io.horizon.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The safetensors format (the checkpoint format of PyTorch's {@code safetensors} package): an 8-byte little-endian
 * header length, a JSON header {@code {"__metadata__": {string: string}, name: {"dtype", "shape", "data_offsets"}}}
 * padded with spaces to a multiple of 8 bytes, then the little-endian tensor data, contiguous in header order.
 * Tensors are held as doubles ({@link ParameterSet}); writing sorts the tensors by name (the order of the reference
 * writer), so the same tensors and metadata always give the same bytes.
 */
public final class Safetensors {
  /** The header key of the string-to-string metadata map. */
  public static final String METADATA = "__metadata__";

  private static final Set<String> TENSOR_KEYS = Set.of("dtype", "shape", "data_offsets");
  private static final int HEADER_ALIGNMENT = 8;
  /** The largest JSON header accepted, as in the reference implementation. */
  private static final long MAX_HEADER_BYTES = 100_000_000L;

  private Safetensors() {}

  /**
   * The content of a file: tensors in data order, the metadata map, and the element type each tensor was stored
   * with.
   */
  public record Content(ParameterSet tensors, Map<String, String> metadata, Map<String, TensorDtype> dtypes) {}

  /** Reads and validates a file within {@link TensorLimit#configured()}; errors name the file (and the tensor). */
  public static Content read(Path file) {
    return read(file, TensorLimit.configured());
  }

  /**
   * Reads and validates a file, refusing one larger than tensors within {@code limit} can fill before reading it
   * and one whose header declares more elements than {@code limit} before allocating them.
   */
  public static Content read(Path file, TensorLimit limit) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > 8 + MAX_HEADER_BYTES + limit.maxDataBytes()) {
        throw new IllegalArgumentException(file + ": " + size + " bytes, more than tensors of at most "
            + limit.maxElements() + " elements take (" + TensorLimit.PROPERTY + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw FileErrors.of(file, "read", e);
    }
    return decode(bytes, file.toString(), limit);
  }

  /** Writes {@code tensors} (F32 or F64) and {@code metadata} to {@code file}. */
  public static void write(Path file, ParameterSet tensors, Map<String, String> metadata, TensorDtype dtype) {
    byte[] bytes = encode(tensors, metadata, dtype, file.toString());
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw FileErrors.of(file, "write", e);
    }
  }

  /** Parses the bytes of a safetensors file named {@code source} in error messages, its tensors within {@code limit}. */
  public static Content decode(byte[] bytes, String source, TensorLimit limit) {
    if (bytes.length < 8) {
      throw new IllegalArgumentException(source + ": file shorter than 8 bytes (" + bytes.length
          + "), no safetensors header length");
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = buffer.getLong(0);
    if (headerLength > MAX_HEADER_BYTES) {
      throw new IllegalArgumentException(source + ": header length " + Long.toUnsignedString(headerLength)
          + " is more than the limit of " + MAX_HEADER_BYTES + " bytes");
    }
    if (headerLength < 0 || headerLength > bytes.length - 8) {
      throw new IllegalArgumentException(source + ": header length " + Long.toUnsignedString(headerLength)
          + " goes beyond the file (" + bytes.length + " bytes)");
    }
    int dataStart = 8 + (int) headerLength;
    int dataLength = bytes.length - dataStart;
    JsonNode header = Json.tree(new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8), source + " header");
    if (!header.isObject()) {
      throw new IllegalArgumentException(source + ": header must be a JSON object, got " + header.getNodeType());
    }
    Map<String, String> metadata = new TreeMap<>();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : header.properties()) {
      if (field.getKey().equals(METADATA)) {
        readMetadata(field.getValue(), source, metadata);
      } else {
        entries.add(Entry.parse(field.getKey(), field.getValue(), source, dataLength));
      }
    }
    entries.sort(Comparator.comparingLong(Entry::begin));
    long covered = 0;
    for (Entry e : entries) {
      if (e.begin() != covered) {
        throw new IllegalArgumentException(source + ": tensor '" + e.name() + "': data_offsets [" + e.begin() + ", "
            + e.end() + "] " + (e.begin() < covered ? "overlap the previous tensor" : "leave a gap")
            + " (expected to start at " + covered + ")");
      }
      covered = e.end();
    }
    if (covered != dataLength) {
      throw new IllegalArgumentException(
          source + ": the data area holds " + dataLength + " bytes but the tensors cover " + covered);
    }
    limit.check(source, entries.stream().mapToLong(e -> Tensor.sizeOf(e.shape())).sum());
    ParameterSet tensors = new ParameterSet();
    Map<String, TensorDtype> dtypes = new LinkedHashMap<>();
    for (Entry e : entries) {
      double[] values = new double[Tensor.sizeOf(e.shape())];
      for (int i = 0; i < values.length; i++) {
        values[i] = e.dtype().read(buffer, dataStart + (int) e.begin(), i);
        if (!Double.isFinite(values[i])) {
          throw new IllegalArgumentException(
              source + ": tensor '" + e.name() + "' holds the non-finite value " + values[i] + " at index " + i);
        }
      }
      tensors.put(new Tensor(e.name(), e.shape(), values));
      dtypes.put(e.name(), e.dtype());
    }
    return new Content(tensors, metadata, dtypes);
  }

  /** The bytes of a file holding {@code tensors} as {@code dtype} (F32 or F64); {@code target} names it in errors. */
  public static byte[] encode(ParameterSet tensors, Map<String, String> metadata, TensorDtype dtype, String target) {
    if (!dtype.writable()) {
      throw new IllegalArgumentException(target + ": dtype " + dtype + " cannot be written (use F32 or F64)");
    }
    List<Tensor> sorted = new ArrayList<>(tensors.tensors());
    sorted.sort(Comparator.comparing(Tensor::name));
    ObjectNode header = JsonNodeFactory.instance.objectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject(METADATA);
      new TreeMap<>(metadata).forEach((k, v) -> {
        if (v == null) {
          throw new IllegalArgumentException(target + ": metadata '" + k + "' has no value");
        }
        meta.put(k, v);
      });
    }
    long offset = 0;
    for (Tensor t : sorted) {
      if (t.name().isEmpty() || t.name().equals(METADATA)) {
        throw new IllegalArgumentException(target + ": '" + t.name() + "' is not a valid tensor name");
      }
      ObjectNode info = header.putObject(t.name());
      info.put("dtype", dtype.name());
      ArrayNode shape = info.putArray("shape");
      Arrays.stream(t.shape()).forEach(shape::add);
      long end = offset + (long) t.size() * dtype.size();
      info.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] text = Json.write(header).getBytes(StandardCharsets.UTF_8);
    int padded = text.length + (HEADER_ALIGNMENT - text.length % HEADER_ALIGNMENT) % HEADER_ALIGNMENT;
    long total = 8L + padded + offset;
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(target + ": " + total + " bytes is too large for one file");
    }
    ByteBuffer out = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    out.putLong(padded).put(text);
    while (out.position() < 8 + padded) {
      out.put((byte) ' ');
    }
    int dataStart = 8 + padded;
    int position = 0;
    for (Tensor t : sorted) {
      double[] values = t.data();
      for (int i = 0; i < values.length; i++) {
        if (!Double.isFinite(values[i]) || dtype == TensorDtype.F32 && !Float.isFinite((float) values[i])) {
          throw new IllegalArgumentException(target + ": tensor '" + t.name() + "' value " + values[i] + " at index "
              + i + " is not finite in " + dtype);
        }
        dtype.write(out, dataStart + position, i, values[i]);
      }
      position += values.length * dtype.size();
    }
    return out.array();
  }

  private static void readMetadata(JsonNode node, String source, Map<String, String> metadata) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(source + ": " + METADATA + " must be an object, got " + node.getNodeType());
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException(source + ": " + METADATA + " value of '" + e.getKey()
            + "' must be a string, got " + e.getValue().getNodeType());
      }
      metadata.put(e.getKey(), e.getValue().asText());
    }
  }

  /** One tensor entry of the header, checked against the data area. */
  private record Entry(String name, TensorDtype dtype, int[] shape, long begin, long end) {

    static Entry parse(String name, JsonNode node, String source, long dataLength) {
      String where = source + ": tensor '" + name + "'";
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + ": empty tensor name");
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": entry must be an object, got " + node.getNodeType());
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String key = field.getKey();
        if (!TENSOR_KEYS.contains(key)) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "'");
        }
      }
      JsonNode dtypeNode = node.get("dtype");
      if (dtypeNode == null || !dtypeNode.isTextual()) {
        throw new IllegalArgumentException(where + ": 'dtype' must be a string");
      }
      TensorDtype dtype = TensorDtype.parse(dtypeNode.asText(), where);
      JsonNode shapeNode = node.get("shape");
      if (shapeNode == null || !shapeNode.isArray()) {
        throw new IllegalArgumentException(where + ": 'shape' must be a list of sizes");
      }
      int[] shape = new int[shapeNode.size()];
      long count = 1;
      for (int i = 0; i < shape.length; i++) {
        JsonNode d = shapeNode.get(i);
        if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
          throw new IllegalArgumentException(where + ": 'shape' must hold non-negative integers, got " + shapeNode);
        }
        shape[i] = d.asInt();
        count *= shape[i];
        if (count > Integer.MAX_VALUE - 8) {
          throw new IllegalArgumentException(where + ": shape " + shapeNode + " is too large");
        }
      }
      JsonNode offsets = node.get("data_offsets");
      if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
          || !offsets.get(1).canConvertToLong() || !offsets.get(0).isIntegralNumber()
          || !offsets.get(1).isIntegralNumber()) {
        throw new IllegalArgumentException(where + ": 'data_offsets' must be [begin, end], got " + offsets);
      }
      long begin = offsets.get(0).asLong();
      long end = offsets.get(1).asLong();
      if (begin < 0 || end < begin || end > dataLength) {
        throw new IllegalArgumentException(where + ": data_offsets [" + begin + ", " + end
            + "] lie outside the data area (" + dataLength + " bytes)");
      }
      if (end - begin != count * dtype.size()) {
        throw new IllegalArgumentException(where + ": shape " + Arrays.toString(shape) + " of " + dtype + " needs "
            + count * dtype.size() + " bytes, data_offsets [" + begin + ", " + end + "] give " + (end - begin));
      }
      return new Entry(name, dtype, shape, begin, end);
    }
  }
}
