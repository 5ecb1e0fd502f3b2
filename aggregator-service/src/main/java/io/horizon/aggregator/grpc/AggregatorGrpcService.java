package io.horizon.aggregator.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.horizon.aggregator.report.ReportStore;
import io.horizon.pipeline.grpc.GrpcCalls;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.CampaignList;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.horizon.proto.v1.ReportRequest;
import io.quarkus.grpc.GrpcService;
import java.util.function.Consumer;

/** {@code horizon.v1.AggregatorService}: learnability reports by run, campaigns, and a live stream per campaign. */
@GrpcService
public class AggregatorGrpcService extends AggregatorServiceGrpc.AggregatorServiceImplBase {
  private final ReportStore store;

  public AggregatorGrpcService(ReportStore store) {
    this.store = store;
  }

  @Override
  public void getReport(ReportRequest request, StreamObserver<LearnabilityReport> response) {
    GrpcCalls.answer(response, () -> store.get(request.getRunId(), request.getEpoch()));
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<CampaignList> response) {
    GrpcCalls.answer(response, () -> CampaignList.newBuilder().addAllCampaigns(store.campaigns()).build());
  }

  /** Streams the campaign's reports so far, then each new one, until the client cancels. */
  @Override
  public void watchReports(CampaignRef request, StreamObserver<LearnabilityReport> response) {
    String campaign = request.getCampaign();
    Object lock = new Object();
    Consumer<LearnabilityReport> watcher = r -> {
      if (r.getCampaign().equals(campaign)) {
        synchronized (lock) {
          response.onNext(r);
        }
      }
    };
    ((ServerCallStreamObserver<LearnabilityReport>) response).setOnCancelHandler(() -> store.unwatch(watcher));
    synchronized (lock) {
      store.watch(watcher);
      store.ofCampaign(campaign).forEach(response::onNext);
    }
  }
}
