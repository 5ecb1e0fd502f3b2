package io.horizon.pipeline.message;

import io.horizon.core.kernel.DiagnosticResult;
import io.horizon.core.kernel.LagSampleSink;
import io.horizon.proto.v1.GradientSampleChunk;
import io.horizon.proto.v1.RunSpec;
import java.util.function.Consumer;

/**
 * Cuts the matched-statistic samples ψ(ℓ) that the diagnostic pass streams (THEORY §5.4) into
 * {@code GradientSampleChunk} messages of at most {@code chunkSize} values per lag. The last chunk of every lag is
 * held back until {@link #finish} so that it can carry the lag's chunk count and exact totals and orientation.
 * Lags may be fed concurrently; {@code publish} must be thread-safe.
 */
public final class SampleChunker implements LagSampleSink {
  /** 65 536 doubles: 512 KiB, under Kafka's default 1 MiB record limit. */
  public static final int DEFAULT_CHUNK_SIZE = 1 << 16;

  private final RunSpec run;
  private final int epoch;
  private final int[] lags;
  private final Consumer<GradientSampleChunk> publish;
  private final LagBuffer[] buffers;

  public SampleChunker(RunSpec run, int epoch, int[] lags, int chunkSize, Consumer<GradientSampleChunk> publish) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize: must be positive, got " + chunkSize);
    }
    this.run = run;
    this.epoch = epoch;
    this.lags = lags.clone();
    this.publish = publish;
    this.buffers = new LagBuffer[lags.length];
    for (int i = 0; i < lags.length; i++) {
      buffers[i] = new LagBuffer(chunkSize);
    }
  }

  @Override
  public void accept(int lagIndex, double[] values, int count) {
    LagBuffer b = buffers[lagIndex];
    int at = 0;
    while (at < count) {
      int n = Math.min(count - at, b.open.length - b.fill);
      System.arraycopy(values, at, b.open, b.fill, n);
      b.fill += n;
      at += n;
      b.streamed += n;
      if (b.fill == b.open.length) {
        if (b.held != null) {
          publish.accept(chunk(lagIndex, b.published++, b.held, b.held.length).build());
        }
        b.held = b.open;
        b.open = new double[b.open.length];
        b.fill = 0;
      }
    }
  }

  /** Publishes the held-back last chunk of every lag with the pass's totals; checks nothing was lost. */
  public void finish(DiagnosticResult result) {
    for (int i = 0; i < lags.length; i++) {
      LagBuffer b = buffers[i];
      if (b.streamed != result.sampleCount()[i]) {
        throw new IllegalStateException("lag " + lags[i] + ": streamed " + b.streamed + " samples but the pass counted "
            + result.sampleCount()[i]);
      }
      if (b.held != null && b.fill > 0) {
        publish.accept(chunk(i, b.published++, b.held, b.held.length).build());
        b.held = null;
      }
      double[] last = b.held != null ? b.held : b.open;
      int n = b.held != null ? b.held.length : b.fill;
      publish.accept(chunk(i, b.published, last, n)
          .setChunkCount(b.published + 1)
          .setTotalCount(result.sampleCount()[i])
          .setTotalSum(result.sampleSum()[i])
          .setOrientation(result.orientation()[i])
          .build());
    }
  }

  private GradientSampleChunk.Builder chunk(int lagIndex, int index, double[] values, int count) {
    GradientSampleChunk.Builder c = GradientSampleChunk.newBuilder()
        .setCampaign(run.getCampaign())
        .setRunId(run.getRunId())
        .setEpoch(epoch)
        .setLag(lags[lagIndex])
        .setLagIndex(lagIndex)
        .setChunkIndex(index)
        .setRun(run);
    for (int k = 0; k < count; k++) {
      c.addValues(values[k]);
    }
    return c;
  }

  /** One lag's open chunk, its held-back predecessor and counts. */
  private static final class LagBuffer {
    double[] open;
    double[] held;
    int fill;
    int published;
    long streamed;

    LagBuffer(int size) {
      open = new double[size];
    }
  }
}
