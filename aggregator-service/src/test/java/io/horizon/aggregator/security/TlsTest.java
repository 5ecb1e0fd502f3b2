package io.horizon.aggregator.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.grpc.GrpcChannels;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.CampaignList;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With a certificate configured, the aggregator serves gRPC over TLS: a client trusting the certificate is served,
 * a plaintext client is not.
 */
@QuarkusTest
@TestProfile(TlsProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class TlsTest {
  private static <T> T call(ChannelSecurity security, Function<ManagedChannel, T> rpc) throws InterruptedException {
    String address = "127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    ManagedChannel channel = GrpcChannels.open("aggregator", address, security);
    try {
      return rpc.apply(channel);
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static CampaignList listCampaigns(ManagedChannel channel) {
    return AggregatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
        .listCampaigns(ListCampaignsRequest.getDefaultInstance());
  }

  @Test
  void aClientTrustingTheCertificateIsServedOverTls() {
    assertDoesNotThrow(() -> call(new ChannelSecurity(TestCertificate.certificatePem(), null), TlsTest::listCampaigns));
  }

  @Test
  void aPlaintextClientIsNotServed() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> call(ChannelSecurity.NONE, TlsTest::listCampaigns));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
  }
}
