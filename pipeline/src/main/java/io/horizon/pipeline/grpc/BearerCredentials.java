package io.horizon.pipeline.grpc;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.util.concurrent.Executor;

/** Client-side credentials that add a {@link BearerToken} to every call of a stub or channel. */
public final class BearerCredentials extends CallCredentials {
  private final BearerToken token;

  /** Credentials carrying {@code token}. */
  public BearerCredentials(BearerToken token) {
    this.token = token;
  }

  /** Adds the {@code authorization} header. */
  @Override
  public void applyRequestMetadata(RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    Metadata headers = new Metadata();
    headers.put(BearerToken.AUTHORIZATION, token.headerValue());
    applier.apply(headers);
  }
}
