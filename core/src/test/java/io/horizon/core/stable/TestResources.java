package io.horizon.core.stable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the committed outputs of the generator scripts under {@code src/test/resources/stable}. */
final class TestResources {
  private TestResources() {}

  /** The rows of a whitespace-separated text resource as fields, {@code #} lines skipped. */
  static List<String[]> fields(String resource) {
    List<String[]> rows = new ArrayList<>();
    for (String line : new String(bytes(resource), StandardCharsets.UTF_8).split("\n")) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        rows.add(s.split("\\s+"));
      }
    }
    return rows;
  }

  /** The rows of a whitespace-separated numeric text resource, {@code #} lines skipped. */
  static List<double[]> rows(String resource) {
    List<double[]> rows = new ArrayList<>();
    for (String[] fields : fields(resource)) {
      rows.add(Arrays.stream(fields).mapToDouble(Double::parseDouble).toArray());
    }
    return rows;
  }

  /** A resource of raw little-endian float64 values. */
  static double[] float64(String resource) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes(resource)).order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[buffer.remaining() / Double.BYTES];
    buffer.asDoubleBuffer().get(out);
    return out;
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + ": test resource missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
