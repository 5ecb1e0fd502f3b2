package io.horizon.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

  @TempDir
  Path out;

  @Test
  void startsBrokerThenServicesWiredToItAndStopsEverything() throws Exception {
    Path jar = FakeServiceJar.build(Files.createDirectories(out.resolve("jars")));
    List<ServiceDefinition> definitions = List.of(
        ServiceDefinition.of("first", jar),
        new ServiceDefinition("second", jar, 0, Map.of("horizon.role", "second"), List.of("-Xmx64m")));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    int brokerPort;
    List<RunningService> services;
    try (LocalStack stack = LocalStack.start(out, definitions,
        new PrintStream(progress, true, StandardCharsets.UTF_8))) {
      services = stack.services();
      assertEquals(List.of("first", "second"), services.stream().map(RunningService::name).toList());
      for (RunningService service : services) {
        assertEquals(stack.bootstrapServers(), FakeServiceJar.property(service.httpAddress(), "kafka.bootstrap.servers"));
      }
      assertEquals("second", FakeServiceJar.property(stack.service("second").httpAddress(), "horizon.role"));
      assertThrows(IllegalArgumentException.class, () -> stack.service("third"));
      brokerPort = Integer.parseInt(stack.bootstrapServers().substring(stack.bootstrapServers().lastIndexOf(':') + 1));
      assertTrue(ServiceProcessTest.accepts(brokerPort));
    }

    assertFalse(ServiceProcessTest.accepts(brokerPort), "broker still listening after close");
    for (RunningService service : services) {
      assertFalse(ServiceProcessTest.accepts(service.httpPort()), service.name() + " still listening after close");
    }
    String lines = progress.toString(StandardCharsets.UTF_8);
    assertTrue(lines.matches("(?s)stack: kafka up on 127\\.0\\.0\\.1:\\d+ \\(\\d+\\.\\d s\\).*"), lines);
    assertTrue(lines.contains("stack: second up on " + services.get(1).httpAddress()), lines);
    assertTrue(Files.isRegularFile(out.resolve("stack").resolve("first.log")), "service logs stay in <out>/stack");
    assertTrue(Files.isRegularFile(out.resolve("stack").resolve("kafka").resolve("broker.log")));
  }

  @Test
  void negativePortIsRejected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ServiceDefinition("trainer", out.resolve("t.jar"), -1, Map.of(), List.of()));
    assertTrue(error.getMessage().startsWith("trainer.httpPort: must be 0"), error.getMessage());
  }
}
