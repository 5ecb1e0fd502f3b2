package io.horizon.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerResourceTest {

  @Test
  void suppliesOnlyTheBootstrapServersAndDeletesItsTemporaryData() throws Exception {
    KafkaBrokerResource resource = new KafkaBrokerResource();
    resource.init(Map.of());
    Map<String, String> config = resource.start();
    Path dataDir = resource.dataDir();
    try {
      String servers = config.get(KafkaBrokerResource.BOOTSTRAP_PROPERTY);
      assertEquals(Map.of(KafkaBrokerResource.BOOTSTRAP_PROPERTY, servers), config);
      int separator = servers.lastIndexOf(':');
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(servers.substring(0, separator),
            Integer.parseInt(servers.substring(separator + 1))));
      }
      assertTrue(Files.isRegularFile(dataDir.resolve("server.properties")), "broker runs from " + dataDir);
    } finally {
      resource.stop();
    }
    assertFalse(Files.exists(dataDir), "temporary data directory left behind: " + dataDir);
  }
}
