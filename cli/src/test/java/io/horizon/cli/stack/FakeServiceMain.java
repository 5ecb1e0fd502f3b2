package io.horizon.cli.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Test stand-in for a Quarkus service jar: serves {@code /q/health/ready} on {@code quarkus.http.port}, answering
 * 503 until {@code fake.ready-after-ms} have passed and 200 after; {@code /property?NAME} echoes a system property.
 * With {@code fake.exit-code} set it prints a message and exits with that code instead.
 */
public final class FakeServiceMain {

  /** Message printed before exiting on purpose. */
  public static final String EXIT_MESSAGE = "fake service exiting on purpose";

  private FakeServiceMain() {}

  /** Starts the server, or exits at once when {@code fake.exit-code} is set. */
  public static void main(String[] args) throws IOException {
    String exitCode = System.getProperty("fake.exit-code");
    if (exitCode != null) {
      System.out.println(EXIT_MESSAGE);
      System.exit(Integer.parseInt(exitCode));
    }
    long readyAt = System.currentTimeMillis() + Long.getLong("fake.ready-after-ms", 0);
    int port = Integer.getInteger("quarkus.http.port");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/q/health/ready",
        exchange -> answer(exchange, System.currentTimeMillis() >= readyAt ? 200 : 503, "{}"));
    server.createContext("/property",
        exchange -> answer(exchange, 200, String.valueOf(System.getProperty(exchange.getRequestURI().getQuery()))));
    server.start();
    System.out.println("fake service listening on " + port);
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
