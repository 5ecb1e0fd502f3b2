package io.horizon.pipeline.campaign;

import io.horizon.core.train.RunSpec;
import java.util.Map;

/**
 * Reads one grid cell with core's run-file reader and renames the paths of its errors from the run-file layout
 * ({@code training.optimizer.lr}) to the campaign layout ({@code optimizers[1].lr}), so that every rule on a run is
 * core's and every error names the campaign field that caused it.
 */
final class CellPaths {
  private CellPaths() {}

  /** The validated core run of {@code cell}; errors name campaign fields below {@code source}. */
  static RunSpec coreRun(CampaignGrid.Cell cell, String source) {
    try {
      return RunSpec.fromMap(SpecMaps.coreRun(cell.run(), source), source);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(rename(e.getMessage(), cell, source), e);
    }
  }

  /** {@code message} with its leading run-file path replaced by the campaign path of the same field. */
  static String rename(String message, CampaignGrid.Cell cell, String source) {
    String root = source + ".";
    if (!message.startsWith(root)) {
      return message;
    }
    String rest = message.substring(root.length());
    for (Map.Entry<String, String> e : renames(cell).entrySet()) {
      String from = e.getKey();
      if (rest.startsWith(from) && (rest.length() == from.length() || ".:[".indexOf(rest.charAt(from.length())) >= 0)) {
        return root + e.getValue() + rest.substring(from.length());
      }
    }
    return message;
  }

  private static Map<String, String> renames(CampaignGrid.Cell cell) {
    return Map.ofEntries(
        Map.entry("seed", "seeds[" + cell.seed() + "]"),
        Map.entry("model.architecture", "architectures[" + cell.architecture() + "]"),
        Map.entry("model.hidden", "hiddenSizes[" + cell.hiddenSize() + "]"),
        Map.entry("model.hiddenSize", "hiddenSizes[" + cell.hiddenSize() + "]"),
        Map.entry("model.inputDim", "task.inputDim"),
        Map.entry("model.layerNorm", "layerNorm"),
        Map.entry("model.constS", "constS"),
        Map.entry("training.epochs", "epochs"),
        Map.entry("training.batchSize", "batchSize"),
        Map.entry("training.trainSequences", "trainSequences[" + cell.trainSequences() + "]"),
        Map.entry("training.clipNorm", "clipNorm"),
        Map.entry("training.checkpointEvery", "checkpointEvery"),
        Map.entry("training.products", "products"),
        Map.entry("training.optimizer", "optimizers[" + cell.optimizer() + "]"));
  }
}
