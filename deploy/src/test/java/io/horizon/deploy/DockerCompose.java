package io.horizon.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's docker-compose run as a child process: {@code config} validates and normalizes a file without an engine. */
final class DockerCompose {
  /** Where Debian's docker-compose package installs the command. */
  static final Path EXECUTABLE = Path.of("/usr/bin/docker-compose");

  private static final long TIMEOUT_SECONDS = 60;

  /** What a run printed and how it ended. */
  record Result(int exitCode, String stdout, String stderr) {}

  private DockerCompose() {}

  /** Runs {@code docker-compose -f file config [args]} in the file's folder. */
  static Result config(Path file, String... args) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's docker-compose package "
          + "(apt-get install --no-install-recommends docker-compose; .ci/run does)");
    }
    List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-f", file.toString(), "config"));
    command.addAll(List.of(args));
    try {
      Path stderr = Files.createTempFile("docker-compose", ".err");
      try {
        Process process = new ProcessBuilder(command).directory(file.getParent().toFile())
            .redirectError(stderr.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", command) + ": no answer in " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), stdout, Files.readString(stderr));
      } finally {
        Files.delete(stderr);
      }
    } catch (IOException e) {
      throw new IllegalStateException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(String.join(" ", command) + ": interrupted", e);
    }
  }
}
