package io.horizon.pipeline.campaign;

import io.horizon.core.io.SpecNode;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CollapseSpec;
import io.horizon.proto.v1.DiagnosticSpec;
import io.horizon.proto.v1.ForcingSpec;
import io.horizon.proto.v1.OptimizerSpec;
import io.horizon.proto.v1.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Reads a campaign file's fields (docs/campaigns.md) into a {@link CampaignSpec} as written: it checks types,
 * unknown fields and zeros that the proto could not carry, and leaves every other rule to
 * {@link CampaignValidation}, which gRPC input goes through as well.
 */
final class CampaignYaml {
  private CampaignYaml() {}

  /** The campaign of a parsed YAML file; errors name the field's path below {@code source}. */
  static CampaignSpec read(Map<String, Object> root, String source) {
    SpecNode node = SpecNode.of(SpecLists.indexed(root, source, "architectures", "optimizers", "seeds"), source);
    CampaignSpec.Builder b = CampaignSpec.newBuilder();
    if (node.has("name")) {
      b.setName(node.string("name"));
    }
    elements(node, "architectures", source, (list, k) -> b.addArchitectures(list.string(k)));
    elements(node, "optimizers", source,
        (list, k) -> b.addOptimizers(optimizer(SpecNode.of(list.object(k, Map.of()), list.path(k)))));
    elements(node, "seeds", source, (list, k) -> b.addSeeds(list.longInteger(k, 0)));
    b.addAllHiddenSizes(nonZero(node.integers("hiddenSizes", List.of()), node.path("hiddenSizes")));
    b.addAllTrainSequences(nonZero(node.integers("trainSequences", List.of()), node.path("trainSequences")));
    if (node.has("task")) {
      Map<String, Object> task = node.object("task", Map.of());
      b.setTask(task(SpecNode.of(task, node.path("task")), task));
    }
    b.setEpochs(nonZeroInteger(node, "epochs"));
    b.setBatchSize(nonZeroInteger(node, "batchSize"));
    if (node.has("clipNorm")) {
      b.setClipNorm(node.real("clipNorm", 0));
    }
    b.setCheckpointEvery(nonZeroInteger(node, "checkpointEvery"));
    if (node.has("products")) {
      b.setProducts(node.string("products"));
    }
    b.setLayerNorm(node.bool("layerNorm", false));
    b.setConstS(nonZeroReal(node, "constS"));
    if (node.has("diagnostic")) {
      String path = node.path("diagnostic");
      b.setDiagnostic(
          diagnostic(SpecNode.of(SpecLists.indexed(node.object("diagnostic", Map.of()), path, "nGrid"), path), path));
    }
    if (node.has("forcing")) {
      b.setForcing(forcing(SpecNode.of(node.object("forcing", Map.of()), node.path("forcing"))));
    }
    node.rejectUnread();
    return b.build();
  }

  private static ForcingSpec forcing(SpecNode node) {
    ForcingSpec b = ForcingSpec.newBuilder().setAlpha(nonZeroReal(node, "alpha"))
        .setScaleMultiplier(nonZeroReal(node, "scaleMultiplier")).setSoftBound(nonZeroReal(node, "softBound"))
        .setSlowQuantile(nonZeroReal(node, "slowQuantile")).build();
    node.rejectUnread();
    return b;
  }

  private static CollapseSpec collapse(SpecNode node) {
    CollapseSpec.Builder b = CollapseSpec.newBuilder().setTauWindowFrom(nonZeroInteger(node, "tauWindowFrom"))
        .setTauWindowTo(nonZeroInteger(node, "tauWindowTo")).setCcdfQMin(nonZeroReal(node, "ccdfQMin"))
        .setCcdfQMax(nonZeroReal(node, "ccdfQMax")).setBootstrapResamples(nonZeroInteger(node, "bootstrapResamples"))
        .setQLow(nonZeroReal(node, "qLow")).setCalibrationReplicates(nonZeroInteger(node, "calibrationReplicates"))
        .setTailBootstraps(nonZeroInteger(node, "tailBootstraps"))
        .setSlowModeSamples(nonZeroInteger(node, "slowModeSamples"));
    if (node.has("bootstrapSeed")) {
      b.setBootstrapSeed(node.longInteger("bootstrapSeed", 0));
    }
    node.rejectUnread();
    return b.build();
  }

  private static OptimizerSpec optimizer(SpecNode node) {
    OptimizerSpec.Builder b = OptimizerSpec.newBuilder();
    if (node.has("kind")) {
      b.setKind(node.string("kind"));
    }
    b.setLr(nonZeroReal(node, "lr"));
    if (node.has("weightDecay")) {
      b.setWeightDecay(node.real("weightDecay", 0));
    }
    b.setMomentum(nonZeroReal(node, "momentum"));
    node.rejectUnread();
    return b.build();
  }

  private static TaskSpec task(SpecNode node, Map<String, Object> fields) {
    TaskSpec.Builder b = TaskSpec.newBuilder();
    if (node.has("name")) {
      b.setName(node.string("name"));
    }
    b.setLength(nonZeroInteger(node, "length"));
    b.setInputDim(nonZeroInteger(node, "inputDim"));
    b.addAllLags(node.integers("lags", List.of()));
    b.addAllCoefficients(node.reals("coefficients", List.of()));
    if (node.has("noiseStd")) {
      b.setNoiseStd(node.real("noiseStd", 0));
    }
    b.setTaskSeed(node.longInteger("taskSeed", 0));
    b.addAllDelays(node.integers("delays", List.of()));
    fields.keySet().stream().filter(k -> !SpecMaps.TYPED_TASK_FIELDS.contains(k))
        .forEach(k -> b.putExtra(k, node.real(k, 0)));
    return b.build();
  }

  private static DiagnosticSpec diagnostic(SpecNode node, String path) {
    DiagnosticSpec.Builder b = DiagnosticSpec.newBuilder();
    b.setSequences(nonZeroInteger(node, "sequences"));
    if (node.has("lags")) {
      b.setLags(node.string("lags"));
    }
    if (node.has("firstOrder")) {
      b.setFirstOrder(node.bool("firstOrder", true));
    }
    if (node.has("signGauge")) {
      b.setSignGauge(node.string("signGauge"));
    }
    elements(node, "nGrid", path, (list, k) -> b.addNGrid(list.longInteger(k, 0)));
    b.setThreshold(nonZeroReal(node, "threshold"));
    if (node.has("alphaMethod")) {
      b.setAlphaMethod(node.string("alphaMethod"));
    }
    if (node.has("alphaMode")) {
      b.setAlphaMode(node.string("alphaMode"));
    }
    if (node.has("directionSeed")) {
      b.setDirectionSeed(node.longInteger("directionSeed", 0));
    }
    b.setReservoirCapacity(nonZeroInteger(node, "reservoirCapacity"));
    if (node.has("products")) {
      b.setProducts(node.string("products"));
    }
    if (node.has("collapse")) {
      b.setCollapse(collapse(SpecNode.of(node.object("collapse", Map.of()), node.path("collapse"))));
    }
    if (node.has("coupling")) {
      b.setCoupling(CouplingYaml.read(SpecNode.of(node.object("coupling", Map.of()), node.path("coupling"))));
    }
    node.rejectUnread();
    return b.build();
  }

  /** Calls {@code read} with each element name of the indexed list field {@code key} (see {@link SpecLists}). */
  private static void elements(SpecNode node, String key, String path, BiConsumer<SpecNode, String> read) {
    Map<String, Object> elements = node.object(key, Map.of());
    SpecNode list = SpecNode.of(elements, path);
    elements.keySet().forEach(k -> read.accept(list, k));
  }

  /** The integer field {@code key} (0 when absent); an explicit 0 is refused, as the proto reads 0 as unset. */
  static int nonZeroInteger(SpecNode node, String key) {
    int value = node.integer(key, 0);
    if (node.has(key) && value == 0) {
      throw zero(node.path(key));
    }
    return value;
  }

  private static double nonZeroReal(SpecNode node, String key) {
    double value = node.real(key, 0);
    if (node.has(key) && value == 0) {
      throw zero(node.path(key));
    }
    return value;
  }

  private static List<Integer> nonZero(List<Integer> values, String path) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == 0) {
        throw zero(path + "[" + i + "]");
      }
    }
    return values;
  }

  private static IllegalArgumentException zero(String path) {
    return new IllegalArgumentException(
        path + ": must not be 0 (a campaign reads 0 as unset; leave the field out to take its default)");
  }
}
