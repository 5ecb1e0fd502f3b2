package io.horizon.trainer.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.horizon.pipeline.grpc.GrpcCalls;
import io.horizon.proto.v1.CampaignList;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.horizon.proto.v1.RunList;
import io.horizon.proto.v1.RunRef;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.TrainerServiceGrpc;
import io.horizon.trainer.run.CampaignBook;
import io.horizon.trainer.run.CampaignDesk;
import io.horizon.trainer.run.RunExecutor;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import java.util.NoSuchElementException;

/** {@code horizon.v1.TrainerService}: campaigns in, run statuses out; each call is one {@link CampaignDesk} step. */
@GrpcService
public class TrainerGrpcService extends TrainerServiceGrpc.TrainerServiceImplBase {
  private final CampaignDesk desk;
  private final CampaignBook book;
  private final RunExecutor executor;

  public TrainerGrpcService(CampaignDesk desk, CampaignBook book, RunExecutor executor) {
    this.desk = desk;
    this.book = book;
    this.executor = executor;
  }

  @Override
  @Blocking
  public void submitCampaign(CampaignSpec request, StreamObserver<CampaignState> response) {
    GrpcCalls.answer(response, () -> desk.submit(request));
  }

  @Override
  public void getCampaign(CampaignRef request, StreamObserver<CampaignState> response) {
    GrpcCalls.answer(response, () -> desk.state(request.getCampaign()));
  }

  @Override
  public void listRuns(CampaignRef request, StreamObserver<RunList> response) {
    GrpcCalls.answer(response, () -> RunList.newBuilder()
        .addAllRuns(desk.state(request.getCampaign()).getRunsList()).build());
  }

  @Override
  public void cancelRun(RunRef request, StreamObserver<RunStatus> response) {
    GrpcCalls.answer(response, () -> {
      RunStatus status = book.status(request.getRunId())
          .orElseThrow(() -> new NoSuchElementException("run '" + request.getRunId() + "' is unknown"));
      if (!executor.cancel(request.getRunId())) {
        throw new IllegalArgumentException("run_id: run '" + request.getRunId() + "' is " + status.getState()
            + ", not queued or training");
      }
      return status;
    });
  }

  @Override
  @Blocking
  public void retryCampaign(CampaignRef request, StreamObserver<CampaignState> response) {
    GrpcCalls.answer(response, () -> desk.retry(request.getCampaign()));
  }

  @Override
  public void listCampaigns(ListCampaignsRequest request, StreamObserver<CampaignList> response) {
    GrpcCalls.answer(response, () -> CampaignList.newBuilder().addAllCampaigns(book.campaigns()).build());
  }

  /** Streams the current status of every run of the campaign, then each change, until all runs have ended. */
  @Override
  public void watchCampaign(CampaignRef request, StreamObserver<RunStatus> response) {
    try {
      desk.state(request.getCampaign());
    } catch (NoSuchElementException e) {
      GrpcCalls.fail(response, e);
      return;
    }
    CampaignWatch watch = new CampaignWatch(request.getCampaign(), book, response);
    ((ServerCallStreamObserver<RunStatus>) response).setOnCancelHandler(watch::close);
    watch.open();
  }
}
