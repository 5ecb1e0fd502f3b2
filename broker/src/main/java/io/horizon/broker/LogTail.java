package io.horizon.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a log file, for error messages about a child process. */
final class LogTail {

  /** At most this many bytes are read from the end of the file. */
  private static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /** Returns the last {@code lines} lines of {@code file}, or a note saying why there are none. */
  static String of(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no log at " + file + ")";
    }
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
      if (all.size() == 1 && all.get(0).isEmpty()) {
        return "(log " + file + " is empty)";
      }
      return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read log " + file + ": " + e.getMessage() + ")";
    }
  }
}
