package io.horizon.trainer.grpc;

import io.grpc.stub.StreamObserver;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.RunStatus;
import io.horizon.trainer.run.CampaignBook;
import java.util.function.Consumer;

/** One WatchCampaign stream: a snapshot of the runs, then every status change, completed when all runs ended. */
final class CampaignWatch implements Consumer<RunStatus> {
  private final String campaign;
  private final CampaignBook book;
  private final StreamObserver<RunStatus> response;
  private boolean closed;

  CampaignWatch(String campaign, CampaignBook book, StreamObserver<RunStatus> response) {
    this.campaign = campaign;
    this.book = book;
    this.response = response;
  }

  /** Starts listening, sends the snapshot and completes at once if every run has already ended. */
  void open() {
    book.watch(this);
    synchronized (this) {
      CampaignState state = book.state(campaign).orElseThrow();
      state.getRunsList().forEach(response::onNext);
      completeIfEnded(state);
    }
  }

  @Override
  public synchronized void accept(RunStatus status) {
    if (closed || !campaign.equals(status.getCampaign())) {
      return;
    }
    response.onNext(status);
    completeIfEnded(book.state(campaign).orElseThrow());
  }

  private void completeIfEnded(CampaignState state) {
    if (!closed && state.getRunsList().stream().allMatch(r -> CampaignBook.TERMINAL.contains(r.getState()))) {
      close();
      response.onCompleted();
    }
  }

  /** Stops listening (the client went away or the stream completed). */
  synchronized void close() {
    closed = true;
    book.unwatch(this);
  }
}
