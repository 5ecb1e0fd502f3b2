package io.horizon.cli.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a stack started by {@code ./horizon up} or {@code demo} listens, kept in
 * {@code <out>/stack/addresses.properties} so that {@code run} and {@code status} find it without options.
 */
public final class StackAddresses {
  /** Default addresses of the services' own configuration (application.properties). */
  public static final String DEFAULT_TRAINER = "127.0.0.1:8181";
  public static final String DEFAULT_AGGREGATOR = "127.0.0.1:8184";

  private StackAddresses() {}

  /** The file of the stack under {@code out}. */
  public static Path file(Path out) {
    return out.resolve("stack").resolve("addresses.properties");
  }

  /** Records the broker and every service of a running stack. */
  public static void write(Path out, LocalStack stack) {
    Properties p = new Properties();
    p.setProperty("bootstrap", stack.bootstrapServers());
    stack.services().forEach(s -> p.setProperty(s.name(), s.grpcAddress()));
    try (Writer w = Files.newBufferedWriter(file(out), StandardCharsets.UTF_8)) {
      p.store(w, "written by ./horizon up; removed when the stack stops");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(out), e);
    }
  }

  /** Forgets the stack (it stopped). */
  public static void remove(Path out) {
    try {
      Files.deleteIfExists(file(out));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file(out), e);
    }
  }

  /** The address of {@code service}: {@code given} if set, else the running stack's, else {@code fallback}. */
  public static String resolve(String given, Path out, String service, String fallback) {
    if (given != null) {
      return given;
    }
    Path file = file(out);
    if (Files.isRegularFile(file)) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      String address = p.getProperty(service);
      if (address != null) {
        return address;
      }
    }
    return fallback;
  }
}
