package io.horizon.aggregator.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The aggregator serving gRPC and HTTP over TLS only, with the test's self-signed certificate. */
public class TlsProfile implements QuarkusTestProfile {
  /** The documented TLS settings (README, Security), pointed at the test's key store. */
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "quarkus.http.ssl.certificate.key-store-file", TestCertificate.keyStore().toString(),
        "quarkus.http.ssl.certificate.key-store-password", TestCertificate.PASSWORD,
        "quarkus.http.insecure-requests", "disabled",
        "quarkus.http.test-ssl-port", "0");
  }
}
