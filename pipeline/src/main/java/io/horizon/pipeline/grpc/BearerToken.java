package io.horizon.pipeline.grpc;

import io.grpc.Metadata;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A shared secret that gRPC calls carry as {@code authorization: Bearer <token>}. Comparison takes the same time
 * wherever the first difference lies; {@link #toString} never shows the token.
 */
public final class BearerToken {
  /** The request header that carries the token. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final String SCHEME = "Bearer ";

  private final byte[] header;

  private BearerToken(String token) {
    this.header = (SCHEME + token).getBytes(StandardCharsets.US_ASCII);
  }

  /** The token {@code value}, named {@code field} in errors; it must be non-blank printable ASCII without spaces. */
  public static BearerToken of(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(field + ": must not be empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException(field + ": must be printable ASCII without spaces (character "
            + (i + 1) + " is not)");
      }
    }
    return new BearerToken(value);
  }

  /** The value of the {@link #AUTHORIZATION} header that carries this token. */
  public String headerValue() {
    return new String(header, StandardCharsets.US_ASCII);
  }

  /** Whether an {@link #AUTHORIZATION} header value (null when absent) carries exactly this token. */
  public boolean matches(String headerValue) {
    byte[] given = headerValue == null ? new byte[0] : headerValue.getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(header, given);
  }

  /** A placeholder: the token itself is never printed. */
  @Override
  public String toString() {
    return "BearerToken{****}";
  }
}
