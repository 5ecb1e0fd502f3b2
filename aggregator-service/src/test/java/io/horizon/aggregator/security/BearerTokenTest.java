package io.horizon.aggregator.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.horizon.broker.KafkaBrokerResource;
import io.horizon.pipeline.grpc.BearerToken;
import io.horizon.pipeline.grpc.ChannelSecurity;
import io.horizon.pipeline.grpc.GrpcChannels;
import io.horizon.proto.v1.AggregatorServiceGrpc;
import io.horizon.proto.v1.ListCampaignsRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * With {@code horizon.security.token} set, gRPC calls without the token or with another one fail UNAUTHENTICATED,
 * calls with it are served, and the HTTP health and metrics endpoints stay open.
 */
@QuarkusTest
@TestProfile(TokenProfile.class)
@QuarkusTestResource(KafkaBrokerResource.class)
class BearerTokenTest {
  private static String address() {
    return "127.0.0.1:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
  }

  private static Status.Code listCampaignsWith(BearerToken token) throws InterruptedException {
    ManagedChannel channel = GrpcChannels.open("aggregator", address(), new ChannelSecurity(null, token));
    try {
      AggregatorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
          .listCampaigns(ListCampaignsRequest.getDefaultInstance());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aCallWithoutTheTokenIsUnauthenticated() throws InterruptedException {
    assertEquals(Status.Code.UNAUTHENTICATED, listCampaignsWith(null));
  }

  @Test
  void aCallWithAnotherTokenIsUnauthenticated() throws InterruptedException {
    assertEquals(Status.Code.UNAUTHENTICATED, listCampaignsWith(BearerToken.of("token", TokenProfile.TOKEN + "x")));
  }

  @Test
  void aCallWithTheTokenIsServed() throws InterruptedException {
    assertEquals(Status.Code.OK, listCampaignsWith(BearerToken.of("token", TokenProfile.TOKEN)));
  }

  @Test
  void healthAndMetricsStayOpen() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : new String[] {"/q/health/live", "/q/metrics"}) {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://" + address() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), path);
    }
  }

  @Test
  void aTokenWithSpacesIsRejectedNamingTheField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BearerToken.of("horizon.security.token", "two words"));
    assertEquals("horizon.security.token: must be printable ASCII without spaces (character 4 is not)",
        e.getMessage());
  }
}
