package io.horizon.core.kernel;

import io.horizon.core.linalg.VectorMath;
import java.util.Arrays;
import jdk.incubator.vector.VectorSpecies;

/**
 * The per-lag work of one diagnostic batch: μ over all windows of length ℓ, the envelope contributions (windows
 * ending at t = ℓ-1 … T-1, THEORY §4.4) and the matched-statistic samples (windows ending at t = ℓ … T-1 paired
 * with v_{t-ℓ}, THEORY §5.4), oriented by the gauge and handed to the sink.
 *
 * <p>Sequence-outer order: each sequence runs through all lags while its rows of the prefix sums and of v are still in
 * cache, so that a batch crosses the memory bus once, and within a sequence a chunk of end steps at a time runs
 * through all lags; μ, |μ| and ψ are taken in one vector pass per window ({@link MuPrefixSums#window}).
 */
final class LagKernel {
  private static final VectorSpecies<Double> LANES = VectorMath.LANES;
  /** Sequences that one worker takes through all lags at a time. */
  private static final int SEQUENCE_BLOCK = 8;
  /**
   * End steps of a sequence taken through all lags at a time: their rows (32 KiB per array at H = 128) are reused by
   * every lag, and the start rows of lags 4 steps apart mostly coincide, so the rows come from L1/L2 rather than L3.
   */
  private static final int STEP_CHUNK = 32;
  private static final double LOG_FLOOR = 1e-30;
  /**
   * Floor of |μ| before its logarithm in the per-unit mean of logs: the smallest normal double, so a window whose
   * product underflows to 0 contributes log(MIN_NORMAL) ≈ −708.4 instead of −∞.
   */
  private static final double UNIT_LOG_FLOOR = Double.MIN_NORMAL;

  private final BatchFactors[] shards;
  private final SignGauge gauge;
  private final int batch;
  private final int length;
  private final int hidden;

  /** The kernel over a batch given as consecutive shards of sequences of the same length and width. */
  LagKernel(BatchFactors[] shards, SignGauge gauge) {
    this.shards = shards;
    this.gauge = gauge;
    int n = 0;
    for (BatchFactors s : shards) {
      n += s.sequences();
    }
    this.batch = n;
    this.length = shards[0].prefixes().length();
    this.hidden = shards[0].prefixes().hidden();
  }

  /**
   * Adds this batch's contribution for every lag to {@code totals[i]} and streams the samples; {@code neuronSigns[i]}
   * holds the per-neuron gauge of lag i, or {@code neuronSigns} is null. Blocks of {@link #SEQUENCE_BLOCK} sequences
   * run in parallel, each through all lags while its sequences' rows are in cache; their sums join the totals in
   * block order, so the result does not depend on {@code threads}. Then each lag's samples are oriented and handed
   * to the sink, lags in parallel.
   */
  void run(LagTotals[] totals, double[][] neuronSigns, int threads, LagSampleSink sink) {
    double[][] psi = new double[totals.length][];
    for (int i = 0; i < totals.length; i++) {
      psi[i] = new double[batch * (length - totals[i].lag)];
    }
    int blocks = (batch + SEQUENCE_BLOCK - 1) / SEQUENCE_BLOCK;
    LagTotals[][] partial = new LagTotals[blocks][];
    ParallelLoop.run(threads, blocks, k -> partial[k] = block(totals, neuronSigns, psi, k * SEQUENCE_BLOCK,
        Math.min(batch, (k + 1) * SEQUENCE_BLOCK)));
    for (LagTotals[] block : partial) {
      for (int i = 0; i < totals.length; i++) {
        totals[i].add(block[i]);
      }
    }
    ParallelLoop.run(threads, totals.length, i -> emit(totals[i], i, psi[i], sink));
  }

  /** The sums of sequences {@code from … to−1} of the batch for every lag, their ψ written into {@code psi[i]}. */
  private LagTotals[] block(LagTotals[] totals, double[][] neuronSigns, double[][] psi, int from, int to) {
    LagTotals[] sums = new LagTotals[totals.length];
    for (int i = 0; i < totals.length; i++) {
      sums[i] = totals[i].empty();
    }
    Buffers buffers = new Buffers(totals.length, hidden);
    int first = 0;
    for (BatchFactors shard : shards) {
      for (int g = Math.max(from, first); g < Math.min(to, first + shard.sequences()); g++) {
        addSequence(sums, shard, g - first, g, neuronSigns, psi, buffers);
      }
      first += shard.sequences();
    }
    return sums;
  }

  /**
   * Sequence b of a shard (sequence g of the batch) at every lag: its windows in chunks of {@link #STEP_CHUNK} end
   * steps, each chunk through all lags (the chunk's end rows stay in cache across the lags, and the start rows of
   * neighbouring lags overlap), then each lag's sums closed. Each (lag, unit) sum still runs over t in order.
   */
  private void addSequence(LagTotals[] sums, BatchFactors shard, int b, int g, double[][] neuronSigns,
      double[][] psi, Buffers buffers) {
    for (double[] abs : buffers.sequenceAbs) {
      Arrays.fill(abs, 0.0);
    }
    for (int t0 = 0; t0 < length; t0 += STEP_CHUNK) {
      int t1 = Math.min(length, t0 + STEP_CHUNK);
      for (int i = 0; i < sums.length; i++) {
        addWindows(sums[i], shard, b, g, neuronSigns == null ? null : neuronSigns[i], psi[i],
            buffers.sequenceAbs[i], Math.max(t0, sums[i].lag - 1), t1, buffers);
      }
    }
    for (int i = 0; i < sums.length; i++) {
      closeSequence(sums[i], buffers.sequenceAbs[i]);
    }
  }

  /**
   * The windows of one lag ending at t = {@code from … to−1} in sequence b of a shard (sequence g of the batch):
   * |μ_t| per unit into {@code sequenceAbs}, log|μ_t| per unit when the lag keeps logs, and
   * ψ_{g,t} = e_t Σ_q μ^{(q)}_{t,ℓ} w_q v^{(q)}_{t−ℓ} for t ≥ ℓ into {@code psi[g*(T-ℓ) + t-ℓ]} (the gauge is in μ).
   */
  private void addWindows(LagTotals totals, BatchFactors shard, int b, int g, double[] neuronSign, double[] psi,
      double[] sequenceAbs, int from, int to, Buffers buffers) {
    int ell = totals.lag;
    int perSequence = length - ell;
    double[] unitLogSum = totals.unitLogSum;
    double[] mu = unitLogSum == null ? null : buffers.mu;
    MuPrefixSums prefixes = shard.prefixes();
    for (int t = from; t < to; t++) {
      int row = b * length + t;
      // the first window (t = ℓ−1) adds to the envelope only: it has no v_{t−ℓ}, so its sum is taken against v_t and
      // dropped
      boolean matched = t >= ell;
      double sum = prefixes.window(b, t, ell, neuronSign, mu, sequenceAbs, shard.readoutTangent(),
          (matched ? row - ell : row) * hidden, buffers.lanes);
      if (mu != null) {
        addLogMagnitudes(mu, unitLogSum);
      }
      if (matched) {
        psi[g * perSequence + t - ell] = shard.error()[row] * sum;
      }
    }
  }

  /** Adds one sequence's Σ_t |μ_t| per unit to the profile and its mean |μ| to the envelope sums. */
  private void closeSequence(LagTotals totals, double[] sequenceAbs) {
    int h = hidden;
    double mass = 0;
    for (int q = 0; q < h; q++) {
      totals.unitAbsSum[q] += sequenceAbs[q];
      mass += sequenceAbs[q];
    }
    mass /= (double) (length - totals.lag + 1) * h;
    totals.massSum += mass;
    totals.logMassSum += Math.log(mass + LOG_FLOOR);
  }

  /** {@code logSum[q] += log max(|μ_q|, MIN_NORMAL)} for every unit (THEORY §7.4 AC variant). */
  private static void addLogMagnitudes(double[] mu, double[] logSum) {
    for (int q = 0; q < mu.length; q++) {
      logSum[q] += Math.log(Math.max(Math.abs(mu[q]), UNIT_LOG_FLOOR));
    }
  }

  /** Closes one lag of the batch: counts, gauge orientation, exact count and sum, and the samples to the sink. */
  private void emit(LagTotals totals, int lagIndex, double[] psi, LagSampleSink sink) {
    totals.sequences += batch;
    totals.windowsPerUnit += (long) batch * (length - totals.lag + 1);
    if (gauge.mode() == SignGauge.Mode.PER_BATCH) {
      orientBlocks(psi, (length - totals.lag) * gauge.blockSize());
    }
    double sum = 0;
    for (double p : psi) {
      sum += p;
    }
    totals.sampleCount += psi.length;
    totals.sampleSum += sum;
    sink.accept(lagIndex, psi, psi.length);
  }

  /** Flips each block of consecutive samples by the sign of its own mean (sgn 0 := +1). */
  private static void orientBlocks(double[] psi, int block) {
    for (int from = 0; from < psi.length; from += block) {
      int to = Math.min(psi.length, from + block);
      double s = 0;
      for (int i = from; i < to; i++) {
        s += psi[i];
      }
      if (s < 0) {
        for (int i = from; i < to; i++) {
          psi[i] = -psi[i];
        }
      }
    }
  }

  /** One worker's scratch: μ of a window, the sequence's Σ_t |μ| per lag and unit, and the lanes of a vector sum. */
  private static final class Buffers {
    final double[] mu;
    final double[][] sequenceAbs;
    final double[] lanes = new double[LANES.length()];

    Buffers(int lags, int hidden) {
      this.mu = new double[hidden];
      this.sequenceAbs = new double[lags][hidden];
    }
  }
}
