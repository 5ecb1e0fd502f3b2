package io.horizon.core.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs {@code body(i)} for i = 0 … n−1 on a pool of a fixed number of threads (per-lag work of THEORY §4–7).
 *
 * <p>One pool per thread count lives as long as the process (daemon workers), so that the workers' per-thread
 * caches — the off-heap GEMM operands of {@link io.horizon.core.linalg.Gemm}, tens of MiB for a diagnostic batch —
 * are allocated once, not again for every batch by fresh threads.
 */
public final class ParallelLoop {
  private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

  private ParallelLoop() {}

  /**
   * Runs the loop; the first exception thrown by a body is rethrown here. The workers see the caller's context
   * class loader, so libraries that look up services through it (ND4J's backend) work inside application servers.
   */
  public static void run(int threads, int n, IntConsumer body) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    ForkJoinPool pool = POOLS.computeIfAbsent(threads, t -> new ForkJoinPool(t));
    try {
      pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
        Thread.currentThread().setContextClassLoader(loader);
        body.accept(i);
      })).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
