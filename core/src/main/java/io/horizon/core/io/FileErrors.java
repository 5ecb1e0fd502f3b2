package io.horizon.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Turns I/O failures into exceptions that name the file: a missing file is bad input, anything else an I/O error. */
final class FileErrors {
  private FileErrors() {}

  /** {@link IllegalArgumentException} for a missing file, {@link UncheckedIOException} otherwise. */
  static RuntimeException of(Path file, String action, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new IllegalArgumentException(file + ": no such file", e);
    }
    return new UncheckedIOException("cannot " + action + " " + file, e);
  }
}
