package io.horizon.cli.campaign;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.LearnabilityReport;
import java.util.function.Consumer;

/** Reports from the aggregator's {@code WatchReports} stream. */
final class GrpcReportFeed extends ReportFeed implements ClientResponseObserver<CampaignRef, LearnabilityReport> {
  private ClientCallStreamObserver<CampaignRef> call;

  GrpcReportFeed(Consumer<LearnabilityReport> sink) {
    super(sink);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<CampaignRef> requestStream) {
    this.call = requestStream;
  }

  @Override
  public void onNext(LearnabilityReport r) {
    arrived(r);
  }

  @Override
  public void onError(Throwable t) {
    ended(t);
  }

  @Override
  public void onCompleted() {
    ended(null);
  }

  @Override
  public void close() {
    if (call != null) {
      call.cancel("the client has what it needs", null);
    }
  }
}
