package io.horizon.service.security;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.horizon.pipeline.grpc.BearerToken;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Ends every gRPC call that lacks {@code authorization: Bearer <horizon.security.token>} with
 * {@code UNAUTHENTICATED}, when a token is configured. The gRPC health service stays open, as do the HTTP health
 * and metrics endpoints (they are not gRPC calls).
 */
@GlobalInterceptor
@ApplicationScoped
public class BearerTokenInterceptor implements ServerInterceptor {
  /** The standard gRPC health service, which probes call without a token. */
  static final String HEALTH_SERVICE = "grpc.health.v1.Health";

  private final Optional<BearerToken> token;

  /** Reads the token, if any, from {@code horizon.security.token}. */
  public BearerTokenInterceptor(SecurityConfig config) {
    this.token = config.token().map(t -> BearerToken.of("horizon.security.token", t));
  }

  /** Passes the call on when no token is configured, when it is a health check, or when it carries the token. */
  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    boolean open = token.isEmpty()
        || HEALTH_SERVICE.equals(call.getMethodDescriptor().getServiceName());
    if (open || token.get().matches(headers.get(BearerToken.AUTHORIZATION))) {
      return next.startCall(call, headers);
    }
    call.close(Status.UNAUTHENTICATED.withDescription(
        headers.containsKey(BearerToken.AUTHORIZATION) ? "wrong bearer token" : "bearer token required"),
        new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
