package io.horizon.aggregator.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The aggregator requiring a bearer token on every gRPC call. */
public class TokenProfile implements QuarkusTestProfile {
  /** The token the test's calls present. */
  static final String TOKEN = "test-token-4f9c2a";

  /** Sets {@code horizon.security.token}. */
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("horizon.security.token", TOKEN);
  }
}
