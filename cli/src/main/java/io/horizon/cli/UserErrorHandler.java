package io.horizon.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns errors caused by the user's input (bad values, unreadable or malformed files) into one clear line on
 * stderr and exit code 2; anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
    if (ex instanceof IllegalArgumentException || ex instanceof IOException
        || ex instanceof UncheckedIOException || ex instanceof IllegalStateException) {
      String message = ex instanceof UncheckedIOException u ? u.getCause().getMessage() : ex.getMessage();
      commandLine.getErr().println("error: " + message);
      return 2;
    }
    throw ex;
  }
}
