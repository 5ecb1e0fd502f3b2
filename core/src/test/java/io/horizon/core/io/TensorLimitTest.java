package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.TestResources;
import io.horizon.core.model.Tensor;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose headers declare more tensor elements than the limit are refused before their tensors are allocated;
 * files at the limit are read. The reference files are those of the interchange tests.
 */
class TensorLimitTest {
  @TempDir Path dir;

  private static final Path X = TestResources.path("interchange/x.npy");
  private static final Path CHECKPOINT = TestResources.path("interchange/gru_ln0.safetensors");

  private static long elementsOf(Safetensors.Content content) {
    return content.tensors().tensors().stream().mapToLong(Tensor::size).sum();
  }

  @Test
  void anNpyArrayAtTheLimitIsReadAndOneAboveIsRefusedNamingTheFileAndLimit() {
    int elements = Npy.readFloats(X).data().length;
    assertEquals(elements, Npy.readFloats(X, new TensorLimit(elements)).data().length);
    ExpectedErrors.illegalArgument(() -> Npy.readFloats(X, new TensorLimit(elements - 1)), X.toString(),
        "declares " + elements + " tensor elements, more than the limit of " + (elements - 1),
        TensorLimit.PROPERTY);
  }

  @Test
  void anNpyHeaderDeclaringAHugeArrayIsRefusedBeforeItsDataIsLookedFor() throws IOException {
    int rows = 1 << 15;
    Path file = dir.resolve("huge.npy");
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows + ", " + rows + "), }";
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer head = ByteBuffer.allocate(10 + text.length + 1).order(ByteOrder.LITTLE_ENDIAN);
    head.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) (text.length + 1)).put(text)
        .put((byte) '\n');
    Files.write(file, head.array());
    ExpectedErrors.illegalArgument(() -> Npy.readFloats(file, new TensorLimit(TensorLimit.DEFAULT_MAX_ELEMENTS)),
        "declares " + (long) rows * rows + " tensor elements, more than the limit of "
            + TensorLimit.DEFAULT_MAX_ELEMENTS);
  }

  @Test
  void aSafetensorsFileAtTheLimitIsReadAndOneAboveIsRefused() {
    long elements = elementsOf(Safetensors.read(CHECKPOINT));
    assertEquals(elements, elementsOf(Safetensors.read(CHECKPOINT, new TensorLimit(elements))));
    ExpectedErrors.illegalArgument(() -> Safetensors.read(CHECKPOINT, new TensorLimit(elements - 1)),
        CHECKPOINT.toString(), "declares " + elements + " tensor elements, more than the limit of " + (elements - 1));
  }

  @Test
  void aSafetensorsFileLargerThanTheLimitAllowsIsRefusedUnread() throws IOException {
    Path file = dir.resolve("large.safetensors");
    long size = 1L << 28;
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(size);
    }
    ExpectedErrors.illegalArgument(() -> Safetensors.read(file, new TensorLimit(1)), file.toString(),
        size + " bytes, more than tensors of at most 1 elements take");
  }

  @Test
  void theLimitComesFromTheSystemPropertyOrTheDefault() {
    String before = System.getProperty(TensorLimit.PROPERTY);
    try {
      System.clearProperty(TensorLimit.PROPERTY);
      assertEquals(TensorLimit.DEFAULT_MAX_ELEMENTS, TensorLimit.configured().maxElements());
      System.setProperty(TensorLimit.PROPERTY, "4096");
      assertEquals(4096, TensorLimit.configured().maxElements());
      System.setProperty(TensorLimit.PROPERTY, "lots");
      ExpectedErrors.illegalArgument(TensorLimit::configured, TensorLimit.PROPERTY + ": not a whole number: 'lots'");
    } finally {
      if (before == null) {
        System.clearProperty(TensorLimit.PROPERTY);
      } else {
        System.setProperty(TensorLimit.PROPERTY, before);
      }
    }
  }
}
