package io.horizon.pipeline.grpc;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.horizon.pipeline.kafka.TopicLayout;

/** Client channels to the services, from {@code host:port} addresses given on the command line or in tests. */
public final class GrpcChannels {
  private GrpcChannels() {}

  /**
   * A channel to {@code address} ({@code host:port}, named {@code option} in errors) secured as {@code security},
   * accepting responses up to {@link TopicLayout#MAX_RECORD_BYTES}.
   */
  public static ManagedChannel open(String option, String address, ChannelSecurity security) {
    int colon = address.lastIndexOf(':');
    if (colon < 1) {
      throw new IllegalArgumentException(option + ": expected HOST:PORT, got '" + address + "'");
    }
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": port is not a number in '" + address + "'", e);
    }
    return Grpc.newChannelBuilderForAddress(address.substring(0, colon), port, security.credentials())
        .maxInboundMessageSize(TopicLayout.MAX_RECORD_BYTES).build();
  }
}
