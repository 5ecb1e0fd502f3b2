package io.horizon.cli;

import io.horizon.pipeline.grpc.BearerToken;
import io.horizon.pipeline.grpc.ChannelSecurity;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of commands that call the services: the bearer token and the CA that signed their TLS certificate. */
final class ServiceAccess {
  /** The environment variable that gives the token without putting it on the command line. */
  static final String TOKEN_VARIABLE = "HORIZON_TOKEN";

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:" + TOKEN_VARIABLE + "}",
      description = "bearer token the services require (horizon.security.token); default: $" + TOKEN_VARIABLE
          + ", which keeps it out of the process list. Never printed.")
  String token;

  @Option(names = "--tls-ca", paramLabel = "PEM", description = "call the services over TLS, trusting the CA "
      + "certificates in this PEM file (default: plaintext)")
  Path tlsCa;

  /** How to reach the services as these options say. */
  ChannelSecurity security() {
    return new ChannelSecurity(tlsCa, token == null || token.isEmpty() ? null : BearerToken.of("--token", token));
  }
}
