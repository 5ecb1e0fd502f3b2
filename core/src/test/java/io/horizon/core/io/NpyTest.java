package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.TestResources;
import io.horizon.core.task.SequenceDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** .npy files against files written by NumPy (generate_npy.py): values, bytes, data sets and bad input. */
class NpyTest {
  @TempDir Path dir;

  /** One good file of expected.txt. */
  private record Expected(String name, String dtype, int[] shape, double[] values) {
    static Expected parse(String line) {
      String[] f = line.split("\\|", -1);
      int[] shape = f[2].isEmpty() ? new int[0] : Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
      double[] values = Arrays.stream(f[3].trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
      return new Expected(f[0], f[1], shape, values);
    }
  }

  private static List<Expected> expected() throws IOException {
    return TestResources.lines("npy/expected.txt").stream().map(Expected::parse).toList();
  }

  private static Path npy(String name) {
    return TestResources.path("npy/" + name);
  }

  @Test
  void readsEveryNumpyFileExactly() throws IOException {
    for (Expected e : expected()) {
      if (e.dtype().equals("<f8") && e.shape().length == 1) {
        assertArrayEquals(e.values(), Npy.readVector(npy(e.name())), e.name());
        continue;
      }
      Npy.FloatArray a = Npy.readFloats(npy(e.name()));
      assertArrayEquals(e.shape(), a.shape(), e.name());
      float[] want = new float[e.values().length];
      for (int i = 0; i < want.length; i++) {
        want[i] = (float) e.values()[i];
      }
      assertArrayEquals(want, a.data(), e.name());
      if (e.shape().length == 1) {
        assertArrayEquals(e.values(), Npy.readVector(npy(e.name())), e.name() + " as a vector");
      }
    }
  }

  @Test
  void writesTheBytesNumpyWrites() throws IOException {
    for (Expected e : expected()) {
      if (!e.dtype().equals("<f4") || e.name().contains("version2")) {
        continue;
      }
      Npy.FloatArray a = Npy.readFloats(npy(e.name()));
      Path out = dir.resolve(e.name());
      Npy.writeFloats(out, a.shape(), a.data());
      assertArrayEquals(Files.readAllBytes(npy(e.name())), Files.readAllBytes(out), e.name());
    }
  }

  @Test
  void dataSetsReadWithRank3OrRank2TargetsAndRoundTrip() throws IOException {
    SequenceDataset d = Npy.readDataset(npy("x.npy"), npy("y_rank3.npy"));
    assertEquals(3, d.count());
    assertEquals(5, d.length());
    assertEquals(2, d.inputDim());
    assertNull(d.stepWeights());
    assertArrayEquals(Npy.readFloats(npy("y_rank3.npy")).data(), d.y());
    SequenceDataset flat = Npy.readDataset(npy("x.npy"), npy("y_rank2_f8.npy"));
    assertEquals(15, flat.y().length);
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    Npy.writeDataset(d, x, y);
    assertArrayEquals(Files.readAllBytes(npy("x.npy")), Files.readAllBytes(x));
    assertArrayEquals(Files.readAllBytes(npy("y_rank3.npy")), Files.readAllBytes(y));
    SequenceDataset back = Npy.readDataset(x, y);
    assertArrayEquals(d.x(), back.x());
    assertArrayEquals(d.y(), back.y());
  }

  private static void rejects(String file, String expected, Consumer<Path> read) {
    ExpectedErrors.illegalArgument(() -> read.accept(npy(file)), file, expected);
  }

  @Test
  void badFilesAreRejectedNamingTheFileAndTheProblem() {
    rejects("bad_int64.npy", "dtype '<i8' is not supported", Npy::readFloats);
    rejects("bad_bigendian.npy", "dtype '>f4' is not supported", Npy::readFloats);
    rejects("bad_fortran.npy", "Fortran (column-major) order is not supported", Npy::readFloats);
    rejects("bad_nan.npy", "non-finite value NaN at index [1, 0]", Npy::readFloats);
    rejects("bad_truncated_data.npy", "truncated data", Npy::readFloats);
    rejects("bad_truncated_header.npy", "truncated header", Npy::readFloats);
    rejects("bad_magic.npy", "bad magic string", Npy::readFloats);
    rejects("x.npy", "expected a 1-D array, got shape [3, 5, 2]", Npy::readVector);
    rejects("f8_vector.npy", "value 2.5E300 at flat index 3 does not fit in float32", Npy::readFloats);
    rejects("bad_x_rank2.npy", "inputs must have rank 3 [N, T, D], got shape [3, 5]",
        x -> Npy.readDataset(x, npy("y_rank3.npy")));
    rejects("bad_y_other_length.npy", "does not match the inputs [3, 5, 2]",
        y -> Npy.readDataset(npy("x.npy"), y));
    rejects("bad_y_width2.npy", "targets must have shape [N, T, 1] or [N, T], got [3, 5, 2]",
        y -> Npy.readDataset(npy("x.npy"), y));
  }

  @Test
  void writingRejectsMismatchedShapesAndNonFiniteValues() {
    Path out = dir.resolve("out.npy");
    ExpectedErrors.illegalArgument(() -> Npy.writeFloats(out, new int[] {2, 2}, new float[3]),
        "out.npy: shape [2, 2] does not hold 3 values");
    ExpectedErrors.illegalArgument(() -> Npy.writeFloats(out, new int[] {3}, new float[] {1, Float.NaN, 0}),
        "out.npy: non-finite value NaN at index [1]");
    ExpectedErrors.illegalArgument(() -> Npy.readFloats(dir.resolve("absent.npy")), "absent.npy: no such file");
  }

  @Test
  void stepWeightsMustMatchTheLength() {
    double[] lastStep = {0, 0, 0, 0, 1};
    assertArrayEquals(lastStep, Npy.readDataset(npy("x.npy"), npy("y_rank3.npy"), lastStep).stepWeights());
    ExpectedErrors.illegalArgument(() -> Npy.readDataset(npy("x.npy"), npy("y_rank3.npy"), new double[4]),
        "x.npy: sequences have length 5 but 4 step weights were given");
  }

  @Test
  void headerParsesNumpyDictLiterals() {
    NpyHeader h = NpyHeader.parse("{'descr': '<f8', 'fortran_order': True, 'shape': (7,), }  ", "h");
    assertEquals("<f8", h.descr());
    assertTrue(h.fortranOrder());
    assertArrayEquals(new int[] {7}, h.shape());
    assertEquals("{'descr': '<f8', 'fortran_order': True, 'shape': (7,), }", h.format());
    String[][] table = {
      {"{'descr': '<f4', 'shape': (2,), }", "header must hold exactly the keys"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), 'x': 1}", "header must hold exactly the keys"},
      {"{'descr': '<f4' 'fortran_order': False, 'shape': (2,)}", "malformed header"},
      {"{'descr': '<f4', 'fortran_order': False, 'shape': (-2,)}", "malformed header"},
      {"{'descr': '<f4', 'fortran_order': 0, 'shape': (2,)}", "header 'fortran_order' must be True or False"},
    };
    for (String[] row : table) {
      ExpectedErrors.illegalArgument(() -> NpyHeader.parse(row[0], "h.npy"), "h.npy: " + row[1]);
    }
  }
}
