package io.horizon.pipeline.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.CompositeChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a client reaches a service: plaintext or TLS trusting the CA certificates of a PEM file, with or without a
 * bearer token on every call.
 *
 * @param trustedCa PEM file of the CA certificates to trust (TLS), or null for plaintext
 * @param token the bearer token, or null for none
 */
public record ChannelSecurity(Path trustedCa, BearerToken token) {
  /** Plaintext without a token: the embedded stack on loopback. */
  public static final ChannelSecurity NONE = new ChannelSecurity(null, null);

  /** The gRPC channel credentials: TLS or plaintext, composed with the token's call credentials. */
  public ChannelCredentials credentials() {
    ChannelCredentials transport = trustedCa == null ? InsecureChannelCredentials.create() : tls();
    return token == null ? transport : CompositeChannelCredentials.create(transport, new BearerCredentials(token));
  }

  private ChannelCredentials tls() {
    if (!Files.isRegularFile(trustedCa)) {
      throw new IllegalArgumentException("--tls-ca: no such file: " + trustedCa);
    }
    try {
      return TlsChannelCredentials.newBuilder().trustManager(trustedCa.toFile()).build();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--tls-ca: " + trustedCa + ": not a PEM file of CA certificates ("
          + e.getMessage() + ")", e);
    }
  }
}
