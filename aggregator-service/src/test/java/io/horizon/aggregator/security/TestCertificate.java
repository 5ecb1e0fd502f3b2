package io.horizon.aggregator.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed certificate for 127.0.0.1 and localhost made with the JDK's keytool at test time: a PKCS12 key store
 * for the service and the certificate as PEM for the client to trust. Its folder is fixed per test JVM, so the test
 * profile (before the service starts) and the test (afterwards) find the same files.
 */
final class TestCertificate {
  /** The key store's password (a throwaway test key). */
  static final String PASSWORD = "horizon-test";
  private static final String ALIAS = "aggregator";

  private TestCertificate() {}

  private static Path dir() {
    return Path.of(System.getProperty("java.io.tmpdir"), "horizon-tls-" + ProcessHandle.current().pid());
  }

  /** The PKCS12 key store holding the key and the certificate, made on first use. */
  static synchronized Path keyStore() {
    Path store = dir().resolve("aggregator.p12");
    if (!Files.exists(store)) {
      try {
        Files.createDirectories(dir());
        dir().toFile().deleteOnExit();
        keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
            "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
            "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        store.toFile().deleteOnExit();
        Path pem = dir().resolve("ca.pem");
        keytool("-exportcert", "-rfc", "-alias", ALIAS, "-keystore", store.toString(), "-storepass", PASSWORD,
            "-file", pem.toString());
        pem.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new IllegalStateException("keytool: " + e.getMessage(), e);
      }
    }
    return store;
  }

  /** The certificate as PEM: what a client trusts as its CA. */
  static Path certificatePem() {
    keyStore();
    return dir().resolve("ca.pem");
  }

  private static void keytool(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (process.waitFor() != 0) {
        throw new IOException("exit " + process.exitValue() + ": " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
