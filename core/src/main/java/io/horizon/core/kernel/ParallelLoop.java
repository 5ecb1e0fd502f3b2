package io.horizon.core.kernel;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs {@code body(i)} for i = 0 … n−1 on a pool of a fixed number of threads (per-lag work of THEORY §4–7). */
public final class ParallelLoop {
  private ParallelLoop() {}

  /**
   * Runs the loop; the first exception thrown by a body is rethrown here. The workers see the caller's context
   * class loader, so libraries that look up services through it (ND4J's backend) work inside application servers.
   */
  public static void run(int threads, int n, IntConsumer body) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ForkJoinPool pool = new ForkJoinPool(threads, p -> {
      ForkJoinWorkerThread worker = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
      worker.setContextClassLoader(loader);
      return worker;
    }, null, false);
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(body)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }
}
