package io.horizon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A child Java process whose output goes to a log file. It is stopped with SIGTERM, then killed after a grace
 * period, either on request or when this JVM exits.
 */
public final class ChildJvm implements AutoCloseable {

  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final long POLL_MILLIS = 100;
  private static final int TAIL_LINES = 40;

  private final String name;
  private final Process process;
  private final Path log;
  private final Thread stopOnExit;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stopOnExit = new Thread(this::stopProcess, "stop " + name);
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts {@code java <arguments>} with this JVM's own java executable, appending stdout and stderr to
   * {@code log}; {@code name} names the process in messages.
   */
  public static ChildJvm launch(String name, List<String> arguments, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      return new ChildJvm(name, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
    }
  }

  /**
   * Waits until {@code probe} answers true; if the process exits first or {@code timeout} passes, stops it and
   * throws an IllegalStateException naming {@code condition} and quoting the end of the log.
   */
  public void awaitReady(String condition, Duration timeout, BooleanSupplier probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!probe.getAsBoolean()) {
      if (!process.isAlive()) {
        stop();
        throw failure(name + " exited with code " + process.exitValue() + " before " + condition);
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw failure(name + " was not " + condition + " after " + timeout.toSeconds() + " s");
      }
      sleep(POLL_MILLIS);
    }
  }

  /** Waits for the process to exit by itself and returns its exit code; kills it and throws after {@code timeout}. */
  public int awaitExit(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop();
        throw failure(name + " did not finish within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    }
    stop();
    return process.exitValue();
  }

  /** Returns an IllegalStateException with {@code message} followed by the last lines of the log. */
  public IllegalStateException failure(String message) {
    return new IllegalStateException(message + "; last lines of " + log + ":" + System.lineSeparator()
        + LogTail.of(log, TAIL_LINES));
  }

  /** Returns whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Returns the operating-system id of the process. */
  public long pid() {
    return process.pid();
  }

  /** Returns the file that receives the process's output. */
  public Path log() {
    return log;
  }

  /** Stops the process (SIGTERM, then a kill after the grace period) and forgets its shutdown hook. */
  public void stop() {
    stopProcess();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to run; it finds the process already stopped
    }
  }

  /** Kills the process at once (SIGKILL, as {@code kill -9}), waits for it to be gone and forgets its shutdown hook. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing " + name, e);
    }
    stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  private synchronized void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a child process", e);
    }
  }
}
