package io.horizon.cli.campaign;

import io.horizon.proto.v1.LearnabilityReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The learnability reports of one campaign as they arrive, from the aggregator's gRPC stream or straight from the
 * {@code horizon.learnability} topic: each new report (by run and epoch) goes to a sink, and {@link #await} waits
 * for a count.
 */
public abstract class ReportFeed implements AutoCloseable {
  /** Where the reports of a campaign come from. */
  @FunctionalInterface
  public interface Source {
    /** Starts following the reports of {@code campaign}, each new one to {@code sink}. */
    ReportFeed follow(String campaign, Consumer<LearnabilityReport> sink);
  }

  private final Consumer<LearnabilityReport> sink;
  private final Map<String, LearnabilityReport> reports = new LinkedHashMap<>();
  private Throwable failure;
  private boolean ended;

  protected ReportFeed(Consumer<LearnabilityReport> sink) {
    this.sink = sink;
  }

  /** Records a report; repeats of a run and epoch are dropped. */
  protected void arrived(LearnabilityReport r) {
    boolean added;
    synchronized (this) {
      added = reports.putIfAbsent(r.getRunId() + "/" + r.getEpoch(), r) == null;
      notifyAll();
    }
    if (added) {
      sink.accept(r);
    }
  }

  /** The source ended, with {@code cause} when it failed. */
  protected synchronized void ended(Throwable cause) {
    failure = cause;
    ended = true;
    notifyAll();
  }

  /**
   * Waits until {@code expected} reports have arrived; returns them by run and epoch. Throws when the source fails
   * or ends first, or when {@code timeout} passes.
   */
  public synchronized List<LearnabilityReport> await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (reports.size() < expected) {
      if (ended) {
        throw new IllegalStateException("the report source ended after " + reports.size() + " of " + expected
            + " reports" + (failure == null ? "" : ": " + failure.getMessage()), failure);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException(reports.size() + " of " + expected + " learnability reports arrived within "
            + timeout.toMinutes() + " minutes");
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return reports.values().stream().sorted((a, b) -> a.getRunId().equals(b.getRunId())
        ? Integer.compare(a.getEpoch(), b.getEpoch()) : a.getRunId().compareTo(b.getRunId())).toList();
  }

  /** Stops following. */
  @Override
  public abstract void close();
}
