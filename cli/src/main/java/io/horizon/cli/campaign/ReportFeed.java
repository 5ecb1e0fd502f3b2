package io.horizon.cli.campaign;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.LearnabilityReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The aggregator's live stream of a campaign's learnability reports, followed in the background from submission
 * on: each new report (by run and epoch) goes to a sink as it arrives, and {@link #await} waits for a count.
 */
public final class ReportFeed implements ClientResponseObserver<CampaignRef, LearnabilityReport>, AutoCloseable {
  private final Consumer<LearnabilityReport> sink;
  private final Map<String, LearnabilityReport> reports = new LinkedHashMap<>();
  private ClientCallStreamObserver<CampaignRef> call;
  private Throwable failure;
  private boolean ended;

  ReportFeed(Consumer<LearnabilityReport> sink) {
    this.sink = sink;
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<CampaignRef> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(LearnabilityReport r) {
    boolean added;
    synchronized (this) {
      added = reports.putIfAbsent(r.getRunId() + "/" + r.getEpoch(), r) == null;
      notifyAll();
    }
    if (added) {
      sink.accept(r);
    }
  }

  @Override
  public synchronized void onError(Throwable t) {
    failure = t;
    ended = true;
    notifyAll();
  }

  @Override
  public synchronized void onCompleted() {
    ended = true;
    notifyAll();
  }

  /**
   * Waits until {@code expected} reports have arrived; returns them by run and epoch. Throws when the stream
   * fails or ends first, or when {@code timeout} passes.
   */
  public synchronized List<LearnabilityReport> await(int expected, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (reports.size() < expected) {
      if (ended) {
        throw new IllegalStateException("the aggregator's report stream ended after " + reports.size() + " of "
            + expected + " reports" + (failure == null ? "" : ": " + failure.getMessage()), failure);
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
  public void close() {
    if (call != null) {
      call.cancel("the client has what it needs", null);
    }
  }
}
