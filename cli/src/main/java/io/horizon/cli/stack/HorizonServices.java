package io.horizon.cli.stack;

import io.horizon.broker.KafkaLib;
import io.horizon.core.io.CodeVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The four Horizon services as {@link LocalStack} runs them, from their Quarkus builds in this checkout. */
public final class HorizonServices {
  /** Service names, in start order: consumers first, the trainer (which produces) last. */
  public static final List<String> NAMES = List.of("aggregator", "estimator", "diagnostics", "trainer");

  private static final String BUILD_HINT = "build them with ./mvnw -B -DskipTests package";

  private HorizonServices() {}

  /**
   * The definitions of the four services on free ports, with {@code properties} given to each and this
   * checkout's commit, so that the provenance the services write names it.
   */
  public static List<ServiceDefinition> definitions(Map<String, String> properties) {
    Path root = root();
    List<ServiceDefinition> out = new ArrayList<>();
    for (String name : NAMES) {
      String heap = name.equals("trainer") || name.equals("diagnostics") ? "-Xmx3g" : "-Xmx1g";
      List<String> jvm = new ArrayList<>(List.of(heap, "--add-modules", "jdk.incubator.vector",
          "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("user.home") + "/.javacpp/cache"));
      String commit = System.getProperty(CodeVersion.COMMIT_PROPERTY);
      if (commit != null && !commit.isEmpty()) {
        jvm.add("-D" + CodeVersion.COMMIT_PROPERTY + "=" + commit);
      }
      out.add(new ServiceDefinition(name, jar(root, name), 0, properties, jvm));
    }
    return out;
  }

  private static Path jar(Path root, String name) {
    return root.resolve(name + "-service").resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
  }

  /** The checkout: {@value KafkaLib#ROOT_PROPERTY}, else the working directory or the nearest parent with the jars. */
  private static Path root() {
    String property = System.getProperty(KafkaLib.ROOT_PROPERTY);
    Path start = (property != null ? Path.of(property) : Path.of("")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path d = dir;
      if (NAMES.stream().allMatch(n -> Files.isRegularFile(jar(d, n)))) {
        return dir;
      }
    }
    throw new IllegalStateException("the service builds (" + jar(Path.of(""), "<name>") + ") are missing under "
        + start + " and its parents; " + BUILD_HINT);
  }
}
