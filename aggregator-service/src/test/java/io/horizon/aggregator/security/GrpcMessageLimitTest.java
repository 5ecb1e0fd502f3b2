package io.horizon.aggregator.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.grpc.GrpcChannels;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.ReportRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A gRPC request larger than {@code quarkus.grpc.server.max-inbound-message-size} (service-common's default) fails
 * RESOURCE_EXHAUSTED before it is decoded, and the service goes on serving.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBrokerResource.class)
class GrpcMessageLimitTest {
  @Test
  void aRequestAboveTheLimitIsRefusedAndTheNextOneServed() throws InterruptedException {
    int limit = ConfigProvider.getConfig().getValue("quarkus.grpc.server.max-inbound-message-size", Integer.class);
    String address = "127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    ManagedChannel channel = GrpcChannels.open("aggregator", address, ChannelSecurity.NONE);
    try {
      var aggregator = AggregatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
      StatusRuntimeException tooLarge = assertThrows(StatusRuntimeException.class,
          () -> aggregator.getReport(ReportRequest.newBuilder().setRunId("r".repeat(limit + 1)).build()));
      assertEquals(Status.Code.RESOURCE_EXHAUSTED, tooLarge.getStatus().getCode(), tooLarge.getStatus().toString());
      StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
          () -> aggregator.getReport(ReportRequest.newBuilder().setRunId("no-such-run").build()));
      assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode(), unknown.getStatus().toString());
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
