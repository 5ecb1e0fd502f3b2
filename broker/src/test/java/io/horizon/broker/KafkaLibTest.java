package io.horizon.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaLibTest {

  @TempDir
  Path root;

  @Test
  void searchesUpwardFromTheWorkingDirectory() throws IOException {
    Path lib = builtLib(root);
    Path nested = Files.createDirectories(root.resolve("services").resolve("trainer"));
    assertEquals(lib.toAbsolutePath(), KafkaLib.locate(null, null, nested));
  }

  @Test
  void rootPropertyComesBeforeTheWorkingDirectory() throws IOException {
    Path checkout = Files.createDirectories(root.resolve("checkout"));
    Path lib = builtLib(checkout);
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    assertEquals(lib.toAbsolutePath(), KafkaLib.locate(null, checkout.toString(), elsewhere));
  }

  @Test
  void libPropertyMustHoldTheBrokerJars() throws IOException {
    Path empty = Files.createDirectories(root.resolve("empty"));
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> KafkaLib.locate(empty.toString(), null, root));
    assertTrue(error.getMessage().startsWith(KafkaLib.LIB_PROPERTY + ": no Kafka broker jars"), error.getMessage());
  }

  @Test
  void nothingFoundNamesTheBuildCommand() {
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> KafkaLib.locate(null, null, root));
    assertTrue(error.getMessage().contains(root.toAbsolutePath().toString()), error.getMessage());
    assertTrue(error.getMessage().contains("./mvnw -pl broker package"), error.getMessage());
  }

  private static Path builtLib(Path checkout) throws IOException {
    Path lib = Files.createDirectories(checkout.resolve("broker").resolve("target").resolve("kafka-lib"));
    Files.createFile(lib.resolve("kafka_2.13-4.3.1.jar"));
    return lib;
  }
}
