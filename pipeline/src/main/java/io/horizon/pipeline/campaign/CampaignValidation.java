package io.horizon.pipeline.campaign;

import io.horizon.core.linalg.Precision;
import io.horizon.core.train.RunSpec;
import io.horizon.core.train.TrainingConfig;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.OptimizerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one set of rules on a campaign, for YAML files and for specs that arrive over gRPC alike: every cell of the
 * grid is read by core's run-file reader ({@link CellPaths}), the diagnostic settings by core's parsers
 * ({@link DiagnosticSettings}), and the result is the same campaign with every default filled in.
 */
public final class CampaignValidation {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private CampaignValidation() {}

  /**
   * Checks {@code spec} against the rules and the default limits and returns it with every default explicit;
   * errors start with the field's path below {@code source} (for example
   * {@code campaign.optimizers[0].lr: must be finite and positive, got -1.0}).
   */
  public static CampaignSpec validate(CampaignSpec spec, String source) {
    return validate(spec, source, CampaignLimits.DEFAULT);
  }

  /** {@link #validate(CampaignSpec, String)} with the given size limits. */
  public static CampaignSpec validate(CampaignSpec spec, String source, CampaignLimits limits) {
    limits.check(spec, source);
    if (!NAME.matcher(spec.getName()).matches()) {
      throw new IllegalArgumentException(source + ".name: must be lowercase letters, digits and '-' starting with"
          + " a letter or digit (it starts every run id), got '" + spec.getName() + "'");
    }
    requireSome(spec.getArchitecturesCount(), source + ".architectures");
    requireSome(spec.getSeedsCount(), source + ".seeds");
    List<CampaignGrid.Cell> cells = CampaignGrid.cells(spec);
    String[] architectures = new String[spec.getArchitecturesCount()];
    OptimizerSpec[] optimizers = new OptimizerSpec[Math.max(1, spec.getOptimizersCount())];
    Integer[] hiddenSizes = new Integer[Math.max(1, spec.getHiddenSizesCount())];
    Integer[] trainSequences = new Integer[Math.max(1, spec.getTrainSequencesCount())];
    RunSpec first = null;
    List<RunSpec> runs = new ArrayList<>();
    for (CampaignGrid.Cell cell : cells) {
      RunSpec run = CellPaths.coreRun(cell, source);
      runs.add(run);
      first = first == null ? run : first;
      architectures[cell.architecture()] = run.model().architecture().id();
      optimizers[cell.optimizer()] = SpecMaps.optimizer(run.training().optimizer());
      hiddenSizes[cell.hiddenSize()] = run.model().hiddenSize();
      trainSequences[cell.trainSequences()] = run.training().trainSequences();
    }
    requireDistinct(Arrays.asList(architectures), source + ".architectures");
    requireDistinct(Arrays.asList(optimizers), source + ".optimizers");
    requireDistinct(spec.getSeedsList(), source + ".seeds");
    requireDistinct(Arrays.asList(hiddenSizes), source + ".hiddenSizes");
    requireDistinct(Arrays.asList(trainSequences), source + ".trainSequences");
    TrainingConfig training = first.training();
    DiagnosticSettings diagnostic =
        DiagnosticSettings.of(spec.getDiagnostic(), first.task().length(), source + ".diagnostic");
    for (int i = 0; i < runs.size(); i++) {
      String which = "architectures[" + cells.get(i).architecture() + "]";
      RunSpec run = runs.get(i);
      diagnostic.coupling().ifPresent(
          c -> c.requireSupported(run.model(), which, source + ".diagnostic.coupling"));
    }
    CampaignSpec.Builder out = CampaignSpec.newBuilder();
    if (spec.hasForcing()) {
      if (Arrays.stream(architectures).noneMatch(CampaignGrid::forcible)) {
        throw new IllegalArgumentException(source + ".forcing: only architecture const takes forcing, and the"
            + " campaign has no const run");
      }
      out.setForcing(ForcingSettings.of(spec.getForcing(), source + ".forcing").toProto());
    }
    // products is written only when float32, so that run ids do not depend on whether the default was spelled out
    // and those of campaigns written before the field existed stay as they were
    if (training.products() == Precision.FLOAT32) {
      out.setProducts(training.products().label());
    }
    return out.setName(spec.getName()).addAllArchitectures(Arrays.asList(architectures))
        .addAllOptimizers(Arrays.asList(optimizers)).addAllSeeds(spec.getSeedsList())
        .addAllHiddenSizes(Arrays.asList(hiddenSizes)).addAllTrainSequences(Arrays.asList(trainSequences))
        .setTask(SpecMaps.task(first.task())).setEpochs(training.epochs()).setBatchSize(training.batchSize())
        .setClipNorm(training.clipNorm()).setCheckpointEvery(training.checkpointEvery())
        .setLayerNorm(first.model().layerNorm()).setConstS(first.model().constS())
        .setDiagnostic(diagnostic.toProto())
        .build();
  }

  private static void requireSome(int count, String path) {
    if (count == 0) {
      throw new IllegalArgumentException(path + ": required, give at least one value");
    }
  }

  private static void requireDistinct(List<?> values, String path) {
    List<Object> seen = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      int earlier = seen.indexOf(values.get(i));
      if (earlier >= 0) {
        throw new IllegalArgumentException(path + "[" + i + "]: equals " + path.substring(path.lastIndexOf('.') + 1)
            + "[" + earlier + "] once defaults are filled in, so two runs would be the same cell");
      }
      seen.add(values.get(i));
    }
  }
}
