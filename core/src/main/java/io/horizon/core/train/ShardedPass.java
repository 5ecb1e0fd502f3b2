package io.horizon.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Splits a mini-batch into a fixed number of contiguous shards and computes them in parallel on a thread pool
 * (THEORY §8.2 training loop). The split depends only on the batch and the shard count, and results come back in
 * shard order, so sums over shards are bit-identical whatever the number of cores.
 */
final class ShardedPass implements AutoCloseable {
  /** The work on one shard: {@code indices} are the sequence indices of shard {@code shard}. */
  interface ShardJob<R> {
    R run(int shard, int[] indices);
  }

  private final int shards;
  private final ExecutorService pool;

  ShardedPass(int shards) {
    this.shards = shards;
    int threads = Math.min(shards, Runtime.getRuntime().availableProcessors());
    this.pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "horizon-train-shard");
      thread.setDaemon(true);
      return thread;
    });
  }

  int shards() {
    return shards;
  }

  /** First position of shard {@code shard} among {@code count} items: {@code ⌊shard·count/shards⌋}. */
  private int start(int shard, int count) {
    return (int) ((long) shard * count / shards);
  }

  /** Runs {@code job} on every non-empty shard of {@code indices}; results in shard order, null for empty ones. */
  <R> List<R> run(int[] indices, ShardJob<R> job) {
    List<Future<R>> futures = new ArrayList<>(shards);
    for (int k = 0; k < shards; k++) {
      int from = start(k, indices.length);
      int to = start(k + 1, indices.length);
      int shard = k;
      int[] part = Arrays.copyOfRange(indices, from, to);
      futures.add(to > from ? pool.submit(() -> job.run(shard, part)) : null);
    }
    List<R> results = new ArrayList<>(shards);
    for (Future<R> future : futures) {
      results.add(future == null ? null : await(future));
    }
    return results;
  }

  private static <R> R await(Future<R> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
