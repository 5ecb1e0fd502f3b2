package io.horizon.cli.campaign;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.grpc.GrpcChannels;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.CampaignRef;
import io.horizon.proto.v1.CampaignSpec;
import io.horizon.proto.v1.CampaignState;
import io.horizon.proto.v1.LearnabilityReport;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.horizon.proto.v1.RunStatus;
import io.horizon.proto.v1.TrainerServiceGrpc;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** gRPC client of a running pipeline: campaigns to the trainer, learnability reports from the aggregator. */
public final class PipelineClient implements AutoCloseable {
  private final ManagedChannel trainerChannel;
  private final ManagedChannel aggregatorChannel;
  private final TrainerServiceGrpc.TrainerServiceBlockingStub trainer;

  /**
   * Connects to the trainer and the aggregator at {@code host:port} addresses (loopback or cluster), plaintext or
   * TLS, with or without a bearer token, as {@code security} says.
   */
  public PipelineClient(String trainerAddress, String aggregatorAddress, ChannelSecurity security) {
    trainerChannel = GrpcChannels.open("--trainer", trainerAddress, security);
    aggregatorChannel = GrpcChannels.open("--aggregator", aggregatorAddress, security);
    trainer = TrainerServiceGrpc.newBlockingStub(trainerChannel);
  }

  /** A client of the trainer alone (campaigns and runs, no reports). */
  public static PipelineClient ofTrainer(String trainerAddress, ChannelSecurity security) {
    return new PipelineClient(trainerAddress, trainerAddress, security);
  }

  /** Submits a campaign; the trainer queues only runs that never ran. */
  public CampaignState submit(CampaignSpec spec) {
    return call(() -> trainer.submitCampaign(spec));
  }

  /** The spec and run statuses of a campaign. */
  public CampaignState campaign(String name) {
    return call(() -> trainer.getCampaign(CampaignRef.newBuilder().setCampaign(name).build()));
  }

  /** Names of the campaigns the trainer knows. */
  public List<String> campaigns() {
    return call(() -> trainer.listCampaigns(ListCampaignsRequest.getDefaultInstance()).getCampaignsList());
  }

  /** Hands every status of the campaign's runs to {@code sink} until all runs have ended. */
  public void watch(String campaign, Consumer<RunStatus> sink) {
    call(() -> {
      trainer.watchCampaign(CampaignRef.newBuilder().setCampaign(campaign).build()).forEachRemaining(sink);
      return null;
    });
  }

  /** Follows the aggregator's stream of the campaign's reports in the background, each new one to {@code sink}. */
  public ReportFeed followReports(String campaign, Consumer<LearnabilityReport> sink) {
    GrpcReportFeed feed = new GrpcReportFeed(sink);
    AggregatorServiceGrpc.newStub(aggregatorChannel)
        .watchReports(CampaignRef.newBuilder().setCampaign(campaign).build(), feed);
    return feed;
  }

  /** Runs a call, turning a gRPC failure into an error that names the status and the server's reason. */
  private static <T> T call(java.util.function.Supplier<T> rpc) {
    try {
      return rpc.get();
    } catch (StatusRuntimeException e) {
      String why = e.getStatus().getDescription();
      throw new IllegalArgumentException(e.getStatus().getCode() + (why == null ? "" : ": " + why), e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    trainerChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    aggregatorChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
