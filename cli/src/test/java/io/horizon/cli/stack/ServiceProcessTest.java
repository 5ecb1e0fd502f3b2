package io.horizon.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.horizon.broker.FreePorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceProcessTest {

  private static final Duration NOT_READY_FOR = Duration.ofMillis(1500);
  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final Duration SHORT = Duration.ofSeconds(3);
  private static final List<String> JVM_OPTIONS = List.of("-Xmx64m");

  @TempDir
  Path dir;
  private Path jar;
  private Path log;

  @BeforeEach
  void buildJar() throws IOException {
    jar = FakeServiceJar.build(dir);
    log = dir.resolve("fake.log");
  }

  @Test
  void waitsUntilReadyPassesPropertiesAndStops() throws Exception {
    int port = FreePorts.pick();
    long began = System.nanoTime();
    long pid;
    try (ServiceProcess service = ServiceProcess.start("fake", jar, port,
        Map.of("fake.ready-after-ms", Long.toString(NOT_READY_FOR.toMillis()), "horizon.marker", "blue"),
        JVM_OPTIONS, log, GENEROUS)) {
      assertTrue(Duration.ofNanos(System.nanoTime() - began).compareTo(NOT_READY_FOR) >= 0,
          "returned before the service answered 200");
      assertEquals("blue", FakeServiceJar.property("127.0.0.1:" + port, "horizon.marker"));
      assertEquals(port, service.httpPort());
      pid = service.pid();
    }
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "service still running");
    assertFalse(accepts(port), "port still open after stop");
  }

  @Test
  void timeoutStopsTheServiceAndQuotesItsLog() {
    int port = FreePorts.pick();
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> ServiceProcess.start("fake", jar,
        port, Map.of("fake.ready-after-ms", Long.toString(GENEROUS.toMillis())), JVM_OPTIONS, log, SHORT));
    assertTrue(error.getMessage().startsWith("fake was not ready at http://127.0.0.1:" + port + "/q/health/ready"),
        error.getMessage());
    assertTrue(error.getMessage().contains("fake service listening on " + port), error.getMessage());
    assertFalse(accepts(port), "a service that timed out must be stopped");
  }

  @Test
  void earlyExitIsReportedWithItsCodeAndLog() {
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> ServiceProcess.start("fake", jar,
        FreePorts.pick(), Map.of("fake.exit-code", "3"), JVM_OPTIONS, log, GENEROUS));
    assertTrue(error.getMessage().startsWith("fake exited with code 3 before"), error.getMessage());
    assertTrue(error.getMessage().contains(FakeServiceMain.EXIT_MESSAGE), error.getMessage());
  }

  @Test
  void missingJarIsRejected() {
    Path missing = dir.resolve("missing.jar");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ServiceProcess.start("fake",
        missing, FreePorts.pick(), Map.of(), JVM_OPTIONS, log, SHORT));
    assertTrue(error.getMessage().startsWith("fake.jar: no such file"), error.getMessage());
  }

  static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
