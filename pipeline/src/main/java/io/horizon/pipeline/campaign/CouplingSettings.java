package io.horizon.pipeline.campaign;

import static io.horizon.pipeline.campaign.DiagnosticSettings.positiveOrDefault;

import io.horizon.core.coupling.AnisotropyMetrics;
import io.horizon.core.coupling.GradientAnisotropy;
import io.horizon.core.coupling.JacobianAnisotropy;
import io.horizon.core.coupling.SpectralNorm;
import io.horizon.core.model.Architecture;
import io.horizon.core.model.ModelConfig;
import io.horizon.proto.v1.AnisotropySpec;
import io.horizon.proto.v1.CouplingSpec;
import io.horizon.proto.v1.SensitivitySpec;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The time-scale coupling settings of a run (THEORY §10.2 S1, §10.3 S2): a proto {@link CouplingSpec} with every
 * unset field replaced by its THEORY default and every value checked against the sequence length.
 */
public final class CouplingSettings {
  /** S1 probe sequences when unset (THEORY §10.2). */
  public static final int DEFAULT_SENSITIVITY_SEQUENCES = 12;
  /** S2 Jacobian-side probe sequences when unset (THEORY §10.3). */
  public static final int DEFAULT_ANISOTROPY_SEQUENCES = 64;
  /** Offset of the probe-batch seed from the run seed when unset (THEORY §10.2: seed + 999). */
  public static final long PROBE_SEED_OFFSET = 999;

  private final boolean sensitivity;
  private final int sensitivitySequences;
  private final int powerIterations;
  private final OptionalLong sensitivitySeed;
  private final boolean anisotropy;
  private final int[] lags;
  private final int pairsPerLag;
  private final int rank;
  private final int retained;
  private final int gradientRows;
  private final int anisotropySequences;
  private final OptionalLong anisotropySeed;

  private CouplingSettings(CouplingSpec spec, int length, String path) {
    SensitivitySpec s1 = spec.getSensitivity();
    String s1Path = path + ".sensitivity";
    sensitivity = !s1.hasEnabled() || s1.getEnabled();
    sensitivitySequences = positiveOrDefault(s1.getSequences(), DEFAULT_SENSITIVITY_SEQUENCES, s1Path + ".sequences");
    powerIterations = positiveOrDefault(s1.getPowerIterations(), SpectralNorm.ITERATIONS, s1Path + ".powerIterations");
    sensitivitySeed = s1.hasProbeSeed() ? OptionalLong.of(s1.getProbeSeed()) : OptionalLong.empty();
    AnisotropySpec s2 = spec.getAnisotropy();
    String s2Path = path + ".anisotropy";
    anisotropy = !s2.hasEnabled() || s2.getEnabled();
    lags = s2.getLagsCount() == 0
        ? JacobianAnisotropy.LAGS.clone() : s2.getLagsList().stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < lags.length; i++) {
      if (anisotropy && (lags[i] < 1 || lags[i] >= length)) {
        throw new IllegalArgumentException(s2Path + ".lags[" + i + "]: lag " + lags[i] + " must lie in [1, "
            + (length - 1) + "] for sequences of length " + length);
      }
    }
    pairsPerLag = positiveOrDefault(s2.getPairsPerLag(), JacobianAnisotropy.PAIRS_PER_LAG, s2Path + ".pairsPerLag");
    retained = positiveOrDefault(s2.getRetained(), AnisotropyMetrics.RETAINED, s2Path + ".retained");
    rank = positiveOrDefault(s2.getRank(), AnisotropyMetrics.RANK, s2Path + ".rank");
    if (rank > retained) {
      throw new IllegalArgumentException(
          s2Path + ".rank: must be at most retained = " + retained + ", got " + rank);
    }
    gradientRows = positiveOrDefault(s2.getGradientRows(), GradientAnisotropy.SAMPLES, s2Path + ".gradientRows");
    if (gradientRows < rank) {
      throw new IllegalArgumentException(s2Path + ".gradientRows: must be at least rank = " + rank + " (AI_r needs"
          + " r singular values of the gradient matrix), got " + gradientRows);
    }
    anisotropySequences = positiveOrDefault(
        s2.getSequences(), DEFAULT_ANISOTROPY_SEQUENCES, s2Path + ".sequences");
    anisotropySeed = s2.hasProbeSeed() ? OptionalLong.of(s2.getProbeSeed()) : OptionalLong.empty();
  }

  /** The settings of {@code spec} for sequences of length {@code length}; errors name fields below {@code path}. */
  public static CouplingSettings of(CouplingSpec spec, int length, String path) {
    return new CouplingSettings(spec, length, path);
  }

  /**
   * Throws naming {@code path} unless {@code model} has explicit step Jacobians (const: the leaky RNN, or the plain
   * RNN with constS = 1; shared; diag; all without LayerNorm, THEORY §2.7) and at least r units for S2;
   * {@code which} names the model.
   */
  public void requireSupported(ModelConfig model, String which, String path) {
    Architecture a = model.architecture();
    if (a != Architecture.CONST && a != Architecture.SHARED && a != Architecture.DIAG) {
      throw new IllegalArgumentException(path + ": time-scale coupling needs the leaky, scalar- or multi-gated RNN"
          + " (const, shared, diag; THEORY §2.7), but " + which + " is " + a.id());
    }
    if (model.layerNorm()) {
      throw new IllegalArgumentException(path + ": time-scale coupling needs models without LayerNorm (the exact"
          + " step Jacobians of THEORY §2.7 have none); set layerNorm: false");
    }
    if (anisotropy && rank > model.hiddenSize()) {
      throw new IllegalArgumentException(path + ".anisotropy.rank: must be at most the hidden size "
          + model.hiddenSize() + " of " + which + ", got " + rank);
    }
  }

  /** The same settings as a proto message with every field explicit (probe seeds only when given). */
  public CouplingSpec toProto() {
    SensitivitySpec.Builder s1 = SensitivitySpec.newBuilder().setEnabled(sensitivity)
        .setSequences(sensitivitySequences).setPowerIterations(powerIterations);
    sensitivitySeed.ifPresent(s1::setProbeSeed);
    AnisotropySpec.Builder s2 = AnisotropySpec.newBuilder().setEnabled(anisotropy)
        .addAllLags(Arrays.stream(lags).boxed().toList()).setPairsPerLag(pairsPerLag).setRank(rank)
        .setRetained(retained).setGradientRows(gradientRows).setSequences(anisotropySequences);
    anisotropySeed.ifPresent(s2::setProbeSeed);
    return CouplingSpec.newBuilder().setSensitivity(s1).setAnisotropy(s2).build();
  }

  /** Whether S1 runs. */
  public boolean sensitivity() {
    return sensitivity;
  }

  /** S1 probe sequences. */
  public int sensitivitySequences() {
    return sensitivitySequences;
  }

  /** Power iterations per spectral norm of S1. */
  public int powerIterations() {
    return powerIterations;
  }

  /** The S1 probe-batch seed: the given one, else {@code runSeed + 999} (THEORY §10.2). */
  public long sensitivitySeed(long runSeed) {
    return sensitivitySeed.orElse(runSeed + PROBE_SEED_OFFSET);
  }

  /** Whether S2 runs. */
  public boolean anisotropy() {
    return anisotropy;
  }

  /** The S2 lags h. */
  public int[] lags() {
    return lags.clone();
  }

  /** Windows sampled per S2 lag. */
  public int pairsPerLag() {
    return pairsPerLag;
  }

  /** r of AI_r and CE_r. */
  public int rank() {
    return rank;
  }

  /** Leading singular values kept for CE_r. */
  public int retained() {
    return retained;
  }

  /** Per-sample gradient rows M_G. */
  public int gradientRows() {
    return gradientRows;
  }

  /** Probe sequences of the S2 Jacobian side. */
  public int anisotropySequences() {
    return anisotropySequences;
  }

  /** The S2 probe seed: the given one, else {@code runSeed + 999} (THEORY §10.2–10.3). */
  public long anisotropySeed(long runSeed) {
    return anisotropySeed.orElse(runSeed + PROBE_SEED_OFFSET);
  }
}
