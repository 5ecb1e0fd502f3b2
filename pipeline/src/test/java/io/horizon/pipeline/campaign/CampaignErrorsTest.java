package io.horizon.pipeline.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.core.coupling.SpectralNorm;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CouplingSpec;
import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.RunSpec;
import io.horizon.proto.v1.TaskSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad campaigns are rejected naming the field's full path and the reason, from YAML and from gRPC alike. */
class CampaignErrorsTest {
  private static final String VALID = """
      name: small
      architectures: [diag]
      seeds: [1]
      optimizers: [{kind: adamw, lr: 0.01}, {kind: sgd, lr: 0.1}]
      task: {name: adding, length: 40}
      diagnostic: {lags: "2:30:8"}
      """;

  @Test
  void theValidBaseParses() {
    assertEquals("small", CampaignFiles.parse(VALID, "c.yaml").getName());
  }

  @Test
  void yamlErrorsNameThePath() {
    assertYamlError("c.yaml.optimizers[1].lr: must be finite and positive", VALID.replace("lr: 0.1", "lr: -1"));
    assertYamlError("c.yaml.optimizers[0].beta: unknown field", VALID.replace("lr: 0.01", "lr: 0.01, beta: 2"));
    assertYamlError("c.yaml.epoch: unknown field", VALID + "epoch: 3\n");
    assertYamlError("c.yaml.seeds: required", VALID.replace("seeds: [1]\n", ""));
    assertYamlError("c.yaml.name: must be lowercase", VALID.replace("name: small\n", ""));
    assertYamlError("c.yaml.architectures[1]: ", VALID.replace("[diag]", "[diag, rnn]"));
    assertYamlError("c.yaml.seeds[0]: must be an integer", VALID.replace("[1]", "[one]"));
    assertYamlError("c.yaml.task.markers: unknown field", VALID.replace("length: 40", "length: 40, markers: 3"));
    assertYamlError("c.yaml.task.length: must not be 0", VALID.replace("length: 40", "length: 0"));
    assertYamlError("c.yaml.hiddenSizes[1]: must be positive", VALID + "hiddenSizes: [8, -8]\n");
    assertYamlError("c.yaml.trainSequences[0]: must be at least 1", VALID + "trainSequences: [-4]\n");
    assertYamlError("c.yaml.batchSize: must lie in 1 … trainSequences",
        VALID + "trainSequences: [4]\nbatchSize: 8\n");
    assertYamlError("c.yaml.diagnostic.lags: ", VALID.replace("2:30:8", "2:300:8"));
    assertYamlError("c.yaml.diagnostic.lags: the envelope fits need at least 5 lags above 1, the grid has 4",
        VALID.replace("2:30:8", "2:30:4"));
    assertYamlError("c.yaml.diagnostic.nGrid[0]: must be an integer", withDiagnostic("nGrid: [x]"));
    assertYamlError("c.yaml.diagnostic.window: unknown field", withDiagnostic("window: 3"));
    assertYamlError("c.yaml.seeds[1]: equals seeds[0]", VALID.replace("[1]", "[1, 1]"));
    assertYamlError("c.yaml.optimizers[1]: equals optimizers[0]",
        VALID.replace("{kind: sgd, lr: 0.1}", "{lr: 0.01, weightDecay: 0.0001}"));
    assertYamlError("c.yaml.architectures: must be a list", VALID.replace("[diag]", "diag"));
    assertYamlError("c.yaml.architectures: ", VALID.replace("[diag]", "[]"));
    assertYamlError("c.yaml.seeds: ", VALID.replace("seeds: [1]", "seeds: []"));
    assertYamlError("c.yaml.optimizers[1].lr: ", VALID.replace("lr: 0.1", "lr: NaN"));
    assertYamlError("c.yaml.optimizers[0].kind: ", VALID.replace("kind: adamw", "kind: rmsprop"));
  }

  @Test
  void collapseAndForcingErrorsNameThePath() {
    assertYamlError("c.yaml.diagnostic.collapse.qLow: must lie in (0, 1), got 1.5",
        withDiagnostic("collapse: {qLow: 1.5}"));
    assertYamlError("c.yaml.diagnostic.collapse.ccdfQMin: need 0 < ccdfQMin < ccdfQMax < 1",
        withDiagnostic("collapse: {ccdfQMin: 0.9, ccdfQMax: 0.8}"));
    assertYamlError("c.yaml.diagnostic.collapse.tauWindowFrom: the window [20, 24] holds 1 lags",
        withDiagnostic("collapse: {tauWindowFrom: 20, tauWindowTo: 24}"));
    assertYamlError("c.yaml.diagnostic.collapse.bootstrapResamples: must be positive",
        withDiagnostic("collapse: {bootstrapResamples: -3}"));
    assertYamlError("c.yaml.diagnostic.collapse.tailBootstraps: must not be 0",
        withDiagnostic("collapse: {tailBootstraps: 0}"));
    assertYamlError("c.yaml.diagnostic.collapse.slowModeSamples: must be positive",
        withDiagnostic("collapse: {slowModeSamples: -5}"));
    assertYamlError("c.yaml.diagnostic.collapse.beta: unknown field", withDiagnostic("collapse: {beta: 1}"));
    assertYamlError("c.yaml.forcing: only architecture const takes forcing", VALID + "forcing: {alpha: 1.5}\n");
    String withConst = VALID.replace("[diag]", "[const, diag]");
    assertYamlError("c.yaml.forcing.alpha: alpha-inject: must lie in (0, 2]", withConst + "forcing: {alpha: 2.5}\n");
    assertYamlError("c.yaml.forcing.slowQuantile: must lie in (0, 1)", withConst + "forcing: {slowQuantile: 1}\n");
    assertYamlError("c.yaml.forcing.softBound: ", withConst + "forcing: {softBound: -1}\n");
    assertYamlError("c.yaml.forcing.scale: unknown field", withConst + "forcing: {scale: 1}\n");
  }

  @Test
  void forcingAddsAForcedTwinOfEachConstRunOnly() {
    List<RunSpec> runs = CampaignGrid.expand(CampaignFiles.parse(
        VALID.replace("[diag]", "[const, diag]") + "forcing: {}\n", "c.yaml"));
    assertEquals(6, runs.size());
    assertEquals(List.of(false, true, false, true, false, false), runs.stream().map(RunSpec::hasForcing).toList());
    assertEquals(1.5, runs.get(1).getForcing().getAlpha());
    RunSpec forcedDiag = runs.get(4).toBuilder().setForcing(runs.get(1).getForcing()).setRunId("").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunPlan.of(forcedDiag));
    assertTrue(e.getMessage().startsWith("run.forcing: only architecture const takes forcing"), e.getMessage());
  }

  @Test
  void anUnknownFieldErrorListsEveryAcceptedFieldEvenAbsentOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CampaignFiles.parse(VALID + "epoch: 3\n", "c.yaml"));
    for (String field : List.of("name", "task", "diagnostic", "clipNorm", "epochs", "hiddenSizes")) {
      assertTrue(e.getMessage().contains(field), field + " missing from: " + e.getMessage());
    }
  }

  @Test
  void sizesBeyondTheLimitsAreRejectedBeforeAnythingIsExpanded() {
    assertYamlError("c.yaml.hiddenSizes[1]: 100000 exceeds the limit of 2048", VALID + "hiddenSizes: [8, 100000]\n");
    assertYamlError("c.yaml.task.length: 1000000 exceeds the limit", VALID.replace("length: 40", "length: 1000000"));
    assertYamlError("c.yaml.diagnostic.sequences: 5000000 exceeds the limit",
        withDiagnostic("sequences: 5000000"));
    String seeds = IntStream.range(0, 600).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ", "[", "]"));
    assertYamlError("c.yaml: the grid has 1200 runs", VALID.replace("[1]", seeds));
    CampaignSpec spec = CampaignFiles.parse(VALID, "c.yaml");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CampaignValidation.validate(spec, "campaign", new CampaignLimits(1, 2048, 16384, 1000, 1000)));
    assertTrue(e.getMessage().startsWith("campaign: the grid has 2 runs"), e.getMessage());
  }

  @Test
  void fileErrorsStartWithTheFileName(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("campaign.yaml");
    Files.writeString(file, VALID.replace("lr: 0.1", "lr: -1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CampaignFiles.read(file));
    assertTrue(e.getMessage().startsWith(file + ".optimizers[1].lr: "), e.getMessage());
    assertEquals(CampaignFiles.parse(VALID, "c.yaml"), CampaignFiles.read(writeValid(dir)));
  }

  @Test
  void protoErrorsNameThePath() {
    CampaignSpec valid = CampaignFiles.parse(VALID, "c.yaml");
    assertProtoError("campaign.optimizers[0].lr: must be finite and positive",
        valid.toBuilder().setOptimizers(0, OptimizerSpec.newBuilder().setLr(-1)).build());
    assertProtoError("campaign.optimizers[0].lr: must be finite, got NaN",
        valid.toBuilder().setOptimizers(0, OptimizerSpec.newBuilder().setLr(Double.NaN)).build());
    assertProtoError("campaign.architectures: required", valid.toBuilder().clearArchitectures().build());
    assertProtoError("campaign.task.extra.length: ",
        valid.toBuilder().setTask(valid.getTask().toBuilder().putExtra("length", 3)).build());
    assertProtoError("campaign.task.name: unknown task",
        valid.toBuilder().setTask(TaskSpec.newBuilder().setName("narma20")).build());
    assertProtoError("campaign.diagnostic.signGauge: ",
        valid.toBuilder().setDiagnostic(valid.getDiagnostic().toBuilder().setSignGauge("per-batch:3")).build());
    assertProtoError("campaign.diagnostic.products: expected float64 or float32, got 'half'",
        valid.toBuilder().setDiagnostic(valid.getDiagnostic().toBuilder().setProducts("half")).build());
    assertProtoError("campaign.products: expected float64 or float32, got 'half'",
        valid.toBuilder().setProducts("half").build());
    assertProtoError("campaign.diagnostic.sequences: must be positive",
        valid.toBuilder().setDiagnostic(valid.getDiagnostic().toBuilder().setSequences(-1)).build());
    assertProtoError("campaign.constS: ", valid.toBuilder().setConstS(2).build());
    assertProtoError("campaign.hiddenSizes[0]: ", valid.toBuilder().clearHiddenSizes().addHiddenSizes(-4).build());
  }

  @Test
  void couplingErrorsNameThePath() {
    String s2Lags = "anisotropy: {lags: [1, 2, 4, 8, 12, 16, 24, 32]}";
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.lags[8]: lag 40 must lie in [1, 39]",
        withCoupling("sensitivity: {sequences: 2}"));
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.lags[1]: lag 0 must lie in [1, 39]",
        withCoupling("anisotropy: {lags: [1, 0]}"));
    assertYamlError("c.yaml.diagnostic.coupling.sensitivity.sequences: must not be 0",
        withCoupling("sensitivity: {sequences: 0}, " + s2Lags));
    assertYamlError("c.yaml.diagnostic.coupling.sensitivity.powerIterations: must be positive, got -1",
        withCoupling("sensitivity: {powerIterations: -1}, " + s2Lags));
    assertYamlError("c.yaml.diagnostic.coupling.sensitivity.enabled: ",
        withCoupling("sensitivity: {enabled: sometimes}, " + s2Lags));
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.rank: must be at most retained = 16, got 20",
        withCoupling("anisotropy: {lags: [1], rank: 20}"));
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.gradientRows: must be at least rank = 10",
        withCoupling("anisotropy: {lags: [1], gradientRows: 5}"));
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.window: unknown field",
        withCoupling("anisotropy: {lags: [1], window: 3}"));
    assertYamlError("c.yaml.diagnostic.coupling.frechet: unknown field", withCoupling("frechet: {}"));
    assertYamlError("c.yaml.diagnostic.coupling: time-scale coupling needs the leaky, scalar- or multi-gated RNN"
        + " (const, shared, diag; THEORY §2.7), but architectures[1] is gru",
        withCoupling(s2Lags).replace("[diag]", "[diag, gru]"));
    assertYamlError("c.yaml.diagnostic.coupling: time-scale coupling needs models without LayerNorm",
        withCoupling(s2Lags) + "layerNorm: true\n");
    assertYamlError("c.yaml.diagnostic.coupling.anisotropy.rank: must be at most the hidden size 8 of"
        + " architectures[0], got 10", withCoupling(s2Lags) + "hiddenSizes: [8]\n");
    CampaignSpec valid = CampaignFiles.parse(withCoupling(s2Lags), "c.yaml");
    assertProtoError("campaign.diagnostic.coupling.anisotropy.pairsPerLag: must be positive, got -3",
        valid.toBuilder().setDiagnostic(valid.getDiagnostic().toBuilder().setCoupling(
            valid.getDiagnostic().getCoupling().toBuilder().setAnisotropy(
                valid.getDiagnostic().getCoupling().getAnisotropy().toBuilder().setPairsPerLag(-3)))).build());
  }

  @Test
  void couplingDefaultsAreFilledIn() {
    CampaignSpec valid = CampaignFiles.parse(withCoupling("anisotropy: {enabled: false}"), "c.yaml");
    CouplingSpec coupling = valid.getDiagnostic().getCoupling();
    assertEquals(CouplingSettings.DEFAULT_SENSITIVITY_SEQUENCES, coupling.getSensitivity().getSequences());
    assertEquals(SpectralNorm.ITERATIONS, coupling.getSensitivity().getPowerIterations());
    assertTrue(coupling.getSensitivity().getEnabled());
    assertFalse(coupling.getAnisotropy().getEnabled());
    assertFalse(coupling.getSensitivity().hasProbeSeed(), "unset probe seed stays unset: run seed + 999");
    assertEquals(valid, CampaignValidation.validate(valid, "campaign"));
    assertFalse(CampaignFiles.parse(VALID, "c.yaml").getDiagnostic().hasCoupling(), "absent: off");
  }

  @Test
  void validationIsIdempotentAndFillsDefaults() {
    CampaignSpec valid = CampaignFiles.parse(VALID, "c.yaml");
    assertEquals(valid, CampaignValidation.validate(valid, "campaign"));
    assertTrue(valid.hasClipNorm());
    assertTrue(valid.getOptimizers(0).hasWeightDecay());
    assertTrue(valid.getDiagnostic().hasFirstOrder());
    assertEquals(1, valid.getHiddenSizesCount());
    assertEquals(1, valid.getTrainSequencesCount());
  }

  private static String withDiagnostic(String field) {
    return VALID.replace("\"2:30:8\"}", "\"2:30:8\", " + field + "}");
  }

  private static String withCoupling(String fields) {
    return withDiagnostic("coupling: {" + fields + "}");
  }

  private static Path writeValid(Path dir) throws IOException {
    return Files.writeString(dir.resolve("valid.yaml"), VALID);
  }

  private static void assertYamlError(String expectedStart, String yaml) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CampaignFiles.parse(yaml, "c.yaml"), expectedStart);
    assertTrue(e.getMessage().startsWith(expectedStart), () -> expectedStart + " <- " + e.getMessage());
  }

  private static void assertProtoError(String expectedStart, CampaignSpec spec) {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> CampaignValidation.validate(spec, "campaign"), expectedStart);
    assertTrue(e.getMessage().startsWith(expectedStart), () -> expectedStart + " <- " + e.getMessage());
  }
}
