package io.horizon.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.ExpectedErrors;
import io.horizon.core.TestResources;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.ModelConfig;
import io.horizon.core.model.ParameterLayout;
import io.horizon.core.model.ParameterSet;
import io.horizon.core.model.Tensor;
import io.horizon.core.model.TensorSpec;
import io.horizon.core.random.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: exact round trips with provenance, PyTorch files without it, and layout errors. */
class CheckpointFileTest {
  @TempDir Path dir;

  /** Random values for every tensor of the layout; {@code s_const} holds {@code const_s}. */
  static ParameterSet randomParameters(ModelConfig config, long seed) {
    Rng rng = new Rng(seed);
    ParameterSet p = new ParameterSet();
    for (TensorSpec s : ParameterLayout.of(config)) {
      Tensor t = Tensor.zeros(s.name(), s.shape());
      double[] d = t.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = s.trainable() ? rng.gaussian() : config.constS();
      }
      p.put(t);
    }
    return p;
  }

  static Provenance provenance(Architecture architecture) {
    Map<String, Object> runSpec = Map.of("task", Map.of("name", "multilag", "lags", List.of(32, 64)),
        "optimizer", Map.of("lr", 1e-3, "name", "adamw"), "epochs", 750);
    return new Provenance(architecture, runSpec, Map.of("data", 212L, "init", -5L), "0.1.0-abc123", 17,
        Map.of("trainLoss", 0.0123, "validR2", 0.87));
  }

  private static void expectError(String expected, Executable action) {
    ExpectedErrors.illegalArgument(action, expected);
  }

  @Test
  void writeReadWriteIsBitExactForEveryArchitectureAndPrecision() throws IOException {
    for (Architecture a : Architecture.values()) {
      for (TensorDtype dtype : List.of(TensorDtype.F32, TensorDtype.F64)) {
        ModelConfig config = new ModelConfig(a, 3, 5, a != Architecture.SHARED, 0.125);
        ParameterSet p = randomParameters(config, 31);
        Path first = dir.resolve(a + "-" + dtype + "-1.safetensors");
        CheckpointFile.write(first, config, p, provenance(a), dtype);
        Checkpoint c = CheckpointFile.read(first);
        assertEquals(a, c.architecture());
        assertEquals(provenance(a), c.provenance());
        double constS = a == Architecture.CONST ? config.constS() : ModelConfig.DEFAULT_CONST_S;
        assertEquals(new ModelConfig(a, 3, 5, config.layerNorm(), constS), c.config(null),
            "const_s is stored only as ConstGate's s_const; the other models get the default");
        assertEquals(ParameterLayout.of(config).stream().map(TensorSpec::name).toList(),
            new ArrayList<>(c.parameters().names()), "layout order");
        for (Tensor t : p.tensors()) {
          double[] want = t.data().clone();
          for (int i = 0; i < want.length && dtype == TensorDtype.F32; i++) {
            want[i] = (float) want[i];
          }
          assertArrayEquals(want, c.parameters().data(t.name()), t.name());
        }
        Path second = dir.resolve(a + "-" + dtype + "-2.safetensors");
        CheckpointFile.write(second, c.config(a), c.parameters(), c.provenance(), dtype);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), a + " " + dtype);
      }
    }
  }

  @Test
  void constGateKeepsItsScalarGateAndProvenanceIsOptional() {
    ModelConfig config = new ModelConfig(Architecture.CONST, 2, 4, false, 0.25);
    Path file = dir.resolve("const.safetensors");
    CheckpointFile.write(file, config, randomParameters(config, 2), null, TensorDtype.F32);
    Checkpoint c = CheckpointFile.read(file);
    assertNull(c.provenance());
    assertEquals(Architecture.CONST, c.architecture());
    assertArrayEquals(new int[0], c.parameters().get("s_const").shape());
    assertEquals(0.25, c.config(null).constS());
    expectError("holds a const model, not diag", () -> c.config(Architecture.DIAG));
  }

  @Test
  void pytorchFilesCarryNoArchitectureOrProvenance() {
    Path diag = TestResources.path("interchange/diag_ln1.safetensors");
    Checkpoint c = CheckpointFile.read(diag);
    assertNull(c.architecture());
    assertNull(c.provenance());
    expectError("the file names no architecture; give one", () -> c.config(null));
    ModelConfig config = c.config(Architecture.DIAG);
    assertEquals(new ModelConfig(Architecture.DIAG, 3, 6, true, ModelConfig.DEFAULT_CONST_S), config);
  }

  @Test
  void layoutErrorsNameTheFileAndTheTensor() {
    String[][] table = {
      {"bad_layout_wrong_shape.safetensors", "tensor 'Wh.weight' has shape [6, 5], expected [6, 6]"},
      {"bad_layout_missing.safetensors", "tensor 'Us.weight' missing for architecture diag"},
      {"bad_layout_extra.safetensors", "unexpected tensor 'Us.bias' for architecture diag"},
    };
    for (String[] row : table) {
      Checkpoint c = CheckpointFile.read(TestResources.path("interchange/" + row[0]));
      expectError(row[0] + ": " + row[1], () -> c.config(Architecture.DIAG));
    }
    ModelConfig config = new ModelConfig(Architecture.GRU, 2, 3, true, 0.05);
    ParameterSet p = randomParameters(config, 4);
    p.put(Tensor.zeros("extra", 2));
    expectError("unexpected tensor 'extra' for architecture gru",
        () -> CheckpointFile.write(dir.resolve("x.safetensors"), config, p, null, TensorDtype.F32));
  }

  @Test
  void inconsistentOrMalformedMetadataIsRejected() {
    ModelConfig config = new ModelConfig(Architecture.LSTM, 2, 3, false, 0.05);
    ParameterSet p = randomParameters(config, 8);
    expectError("provenance names architecture gru but the model is lstm", () -> CheckpointFile.write(
        dir.resolve("a.safetensors"), config, p, provenance(Architecture.GRU), TensorDtype.F32));
    Path mixed = dir.resolve("mixed.safetensors");
    Safetensors.write(mixed, p, Map.of(CheckpointFile.ARCHITECTURE_KEY, "lstm",
        CheckpointFile.PROVENANCE_KEY, provenance(Architecture.GRU).toJson()), TensorDtype.F32);
    expectError("mixed.safetensors: metadata horizon.architecture is lstm but the provenance names gru",
        () -> CheckpointFile.read(mixed));
    Path unknown = dir.resolve("unknown.safetensors");
    Safetensors.write(unknown, p, Map.of(CheckpointFile.ARCHITECTURE_KEY, "rnn"), TensorDtype.F32);
    expectError("unknown.safetensors: metadata horizon.architecture: unknown architecture 'rnn'",
        () -> CheckpointFile.read(unknown));
    String json = provenance(Architecture.LSTM).toJson().replace("\"epoch\":17", "\"epoch\":\"x\"");
    Path badEpoch = dir.resolve("epoch.safetensors");
    Safetensors.write(badEpoch, p, Map.of(CheckpointFile.PROVENANCE_KEY, json), TensorDtype.F32);
    expectError("epoch.safetensors: horizon.provenance.epoch: must be an integer, got 'x'",
        () -> CheckpointFile.read(badEpoch));
    expectError("x.safetensors: horizon.provenance: malformed JSON",
        () -> Provenance.fromJson("{\"a\":", "x.safetensors"));
    expectError("metrics.loss: must be finite, got NaN", () -> new Provenance(Architecture.GRU, Map.of(), Map.of(),
        "v", 1, Map.of("loss", Double.NaN)));
  }

  @Test
  void provenanceJsonIsCanonical() {
    Provenance p = provenance(Architecture.DIAG);
    String json = p.toJson();
    assertTrue(json.startsWith("{\"architecture\":\"diag\",\"codeVersion\":\"0.1.0-abc123\",\"epoch\":17,"), json);
    assertEquals(json, Provenance.fromJson(json, "here").toJson());
    assertEquals(p, Provenance.fromJson(json, "here"));
  }
}
