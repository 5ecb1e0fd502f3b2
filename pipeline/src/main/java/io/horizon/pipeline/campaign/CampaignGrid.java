package io.horizon.pipeline.campaign;

import com.google.protobuf.CodedOutputStream;
import io.horizon.core.model.Architecture;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.RunSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Expands a campaign into its runs: architectures × optimizers × seeds × hidden sizes × training-set sizes, in that
 * nesting order (architecture outermost, training-set size innermost), each run named by a hash of its cell
 * (docs/campaigns.md "Run ids").
 */
public final class CampaignGrid {
  /** Hex digits of the cell hash in a run id. */
  static final int ID_HEX_DIGITS = 12;

  private CampaignGrid() {}

  /** One cell of the grid: the index on every axis and the run it describes (run id still empty). */
  record Cell(int architecture, int optimizer, int seed, int hiddenSize, int trainSequences, RunSpec run) {}

  /** Validates the campaign and returns its runs in grid order, each with its deterministic run id. */
  public static List<RunSpec> expand(CampaignSpec spec) {
    CampaignSpec valid = CampaignValidation.validate(spec, "campaign");
    return cells(valid).stream().map(c -> c.run().toBuilder().setRunId(runId(c.run())).build()).toList();
  }

  /**
   * The run id of a cell: {@code <campaign>-<architecture>-<12 hex digits of SHA-256>} of the cell's deterministic
   * protobuf serialisation with an empty run id.
   */
  public static String runId(RunSpec cell) {
    RunSpec anonymous = cell.toBuilder().clearRunId().build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      anonymous.writeTo(out);
      out.flush();
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
      String hex = HexFormat.of().formatHex(digest).substring(0, ID_HEX_DIGITS);
      return cell.getCampaign() + "-" + cell.getArchitecture() + "-" + hex;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Every cell of {@code spec} in grid order; an empty optional axis contributes one cell with the field unset. With
   * a campaign {@code forcing}, each const cell is followed by its forced twin (THEORY §11.4 Experiment 1).
   */
  static List<Cell> cells(CampaignSpec spec) {
    RunSpec.Builder base = RunSpec.newBuilder().setCampaign(spec.getName()).setEpochs(spec.getEpochs())
        .setBatchSize(spec.getBatchSize()).setCheckpointEvery(spec.getCheckpointEvery())
        .setLayerNorm(spec.getLayerNorm()).setConstS(spec.getConstS()).setProducts(spec.getProducts());
    if (spec.hasTask()) {
      base.setTask(spec.getTask());
    }
    if (spec.hasClipNorm()) {
      base.setClipNorm(spec.getClipNorm());
    }
    if (spec.hasDiagnostic()) {
      base.setDiagnostic(spec.getDiagnostic());
    }
    List<Cell> cells = new ArrayList<>();
    for (int a = 0; a < spec.getArchitecturesCount(); a++) {
      for (int o = 0; o < Math.max(1, spec.getOptimizersCount()); o++) {
        for (int s = 0; s < spec.getSeedsCount(); s++) {
          for (int h = 0; h < Math.max(1, spec.getHiddenSizesCount()); h++) {
            for (int n = 0; n < Math.max(1, spec.getTrainSequencesCount()); n++) {
              RunSpec.Builder run = base.clone().setArchitecture(spec.getArchitectures(a)).setSeed(spec.getSeeds(s))
                  .setHiddenSize(spec.getHiddenSizesCount() == 0 ? 0 : spec.getHiddenSizes(h))
                  .setTrainSequences(spec.getTrainSequencesCount() == 0 ? 0 : spec.getTrainSequences(n));
              if (spec.getOptimizersCount() > 0) {
                run.setOptimizer(spec.getOptimizers(o));
              }
              cells.add(new Cell(a, o, s, h, n, run.build()));
              if (spec.hasForcing() && forcible(spec.getArchitectures(a))) {
                cells.add(new Cell(a, o, s, h, n, run.setForcing(spec.getForcing()).build()));
              }
            }
          }
        }
      }
    }
    return cells;
  }

  /** Whether {@code architecture} names ConstGate, the one architecture that takes forcing. */
  static boolean forcible(String architecture) {
    try {
      return Architecture.parse(architecture) == Architecture.CONST;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
