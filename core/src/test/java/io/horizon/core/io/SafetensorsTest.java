package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.TestResources;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import io.horizon.core.random.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safetensors format against files of the hand-written reference writer (interchange/safetensors_writer.py):
 * values, bytes, round trips, 16-bit types and the bad-input table.
 */
class SafetensorsTest {
  @TempDir Path dir;

  private static Path file(String name) {
    return TestResources.path("interchange/" + name);
  }

  private static List<Path> referenceCheckpoints() throws IOException {
    try (Stream<Path> files = Files.list(file("x.npy").getParent())) {
      return files.filter(p -> p.getFileName().toString().matches("[a-z]+_ln[01]\\.safetensors")).sorted().toList();
    }
  }

  private static ParameterSet randomTensors(long seed) {
    Rng rng = new Rng(seed);
    ParameterSet p = new ParameterSet();
    for (int[] shape : new int[][] {{3, 4}, {5}, {}, {2, 1, 3}, {0}}) {
      double[] v = new double[Tensor.sizeOf(shape)];
      for (int i = 0; i < v.length; i++) {
        v[i] = rng.gaussian() * Math.pow(10, rng.nextInt(7) - 3);
      }
      p.put(new Tensor("t" + p.names().size() + (shape.length == 0 ? ".scalar" : ""), shape, v));
    }
    return p;
  }

  @Test
  void readsReferenceFilesAndReencodesThemToTheSameBytes() throws IOException {
    List<Path> files = referenceCheckpoints();
    assertEquals(10, files.size(), "five architectures with LayerNorm off and on");
    for (Path f : files) {
      Safetensors.Content c = Safetensors.read(f);
      assertEquals(Map.of("format", "pt"), c.metadata(), f.toString());
      assertTrue(c.dtypes().values().stream().allMatch(t -> t == TensorDtype.F32), f.toString());
      List<String> sorted = new ArrayList<>(c.tensors().names());
      sorted.sort(null);
      assertEquals(sorted, new ArrayList<>(c.tensors().names()), "data order is name order");
      byte[] again = Safetensors.encode(c.tensors(), c.metadata(), TensorDtype.F32, f.toString());
      assertArrayEquals(Files.readAllBytes(f), again, f.toString());
    }
  }

  @Test
  void writeReadWriteIsBitExactAndIndependentOfInsertionOrder() throws IOException {
    ParameterSet p = randomTensors(5);
    Map<String, String> meta = Map.of("b", "second", "a", "first \u00e9");
    for (TensorDtype dtype : List.of(TensorDtype.F32, TensorDtype.F64)) {
      Path first = dir.resolve("first-" + dtype + ".safetensors");
      Safetensors.write(first, p, meta, dtype);
      Safetensors.Content back = Safetensors.read(first);
      assertEquals(meta, back.metadata());
      for (Tensor t : p.tensors()) {
        Tensor r = back.tensors().get(t.name());
        assertArrayEquals(t.shape(), r.shape(), t.name());
        double[] want = t.data().clone();
        if (dtype == TensorDtype.F32) {
          for (int i = 0; i < want.length; i++) {
            want[i] = (float) want[i];
          }
        }
        assertArrayEquals(want, r.data(), t.name());
        assertEquals(dtype, back.dtypes().get(t.name()));
      }
      Path second = dir.resolve("second-" + dtype + ".safetensors");
      Safetensors.write(second, back.tensors(), back.metadata(), dtype);
      assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), dtype + " round trip");
      List<Tensor> reversed = new ArrayList<>(p.tensors());
      Collections.reverse(reversed);
      assertArrayEquals(Files.readAllBytes(first),
          Safetensors.encode(new ParameterSet(reversed), meta, dtype, "reversed"), "sorted by name");
    }
  }

  @Test
  void reads16BitTensorsExactly() throws IOException {
    Safetensors.Content c = Safetensors.read(file("half.safetensors"));
    assertEquals(TensorDtype.F16, c.dtypes().get("h"));
    assertEquals(TensorDtype.BF16, c.dtypes().get("b"));
    assertArrayEquals(new int[] {7, 1}, c.tensors().get("h").shape());
    for (String line : TestResources.lines("interchange/half_expected.txt")) {
      String[] f = line.trim().split(" ");
      double[] want = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
      assertArrayEquals(want, c.tensors().data(f[0]), f[0]);
    }
  }

  private static void rejects(String name, String expected) {
    ExpectedErrors.illegalArgument(() -> Safetensors.read(file(name)), name, expected);
  }

  @Test
  void badFilesAreRejectedNamingTheFileAndTheTensor() {
    rejects("bad_short.safetensors", "file shorter than 8 bytes (5)");
    rejects("bad_header_beyond_file.safetensors", "header length 4096 goes beyond the file (16 bytes)");
    rejects("bad_truncated_header.safetensors", "goes beyond the file (30 bytes)");
    rejects("bad_json.safetensors", "header: malformed JSON");
    rejects("bad_dtype.safetensors", "tensor 'a': unsupported dtype 'I64' (supported: F16, BF16, F32, F64)");
    rejects("bad_shape_offsets.safetensors",
        "tensor 'a': shape [2, 3] of F32 needs 24 bytes, data_offsets [0, 20] give 20");
    rejects("bad_offsets_outside.safetensors", "tensor 'a': data_offsets [0, 24] lie outside the data area (16 bytes)");
    rejects("bad_overlap.safetensors", "tensor 'b': data_offsets [8, 16] overlap the previous tensor");
    rejects("bad_uncovered_bytes.safetensors", "the data area holds 28 bytes but the tensors cover 24");
    rejects("bad_metadata_value.safetensors", "__metadata__ value of 'epoch' must be a string");
    rejects("bad_nan.safetensors", "tensor 'a' holds the non-finite value NaN at index 1");
  }

  @Test
  void encodingRejectsValuesAndTypesItCannotStore() {
    ParameterSet nan = new ParameterSet(List.of(new Tensor("w", new int[] {2}, new double[] {1, Double.NaN})));
    ExpectedErrors.illegalArgument(() -> Safetensors.encode(nan, Map.of(), TensorDtype.F64, "out.safetensors"),
        "out.safetensors: tensor 'w' value NaN at index 1");
    ParameterSet huge = new ParameterSet(List.of(new Tensor("w", new int[] {1}, new double[] {1e39})));
    ExpectedErrors.illegalArgument(() -> Safetensors.encode(huge, Map.of(), TensorDtype.F32, "out.safetensors"),
        "out.safetensors: tensor 'w' value 1.0E39 at index 0 is not finite in F32");
    ExpectedErrors.illegalArgument(() -> Safetensors.encode(huge, Map.of(), TensorDtype.BF16, "out.safetensors"),
        "out.safetensors: dtype BF16 cannot be written");
    ParameterSet reserved =
        new ParameterSet(List.of(new Tensor(Safetensors.METADATA, new int[] {1}, new double[] {1})));
    ExpectedErrors.illegalArgument(
        () -> Safetensors.encode(reserved, Map.of(), TensorDtype.F32, "out.safetensors"),
        "out.safetensors: '__metadata__' is not a valid tensor name");
  }
}
