package io.horizon.cli;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar on the terminal: fraction done, a caller's status text and the estimated time left.
 * On a terminal the line is redrawn in place (at most every 200 ms); when stderr is redirected to a file, only
 * {@link #line} messages and the final state are printed, so logs stay readable.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintStream out;
  private final boolean interactive;
  private final String label;
  private final long started = System.nanoTime();
  private long lastDraw;
  private int lastLength;

  ProgressBar(PrintStream out, String label) {
    this(out, label, System.console() != null);
  }

  ProgressBar(PrintStream out, String label, boolean interactive) {
    this.out = out;
    this.label = label;
    this.interactive = interactive;
  }

  /** Redraws the bar at {@code done / total} with {@code status} (throttled). */
  synchronized void update(long done, long total, String status) {
    long now = System.nanoTime();
    if (!interactive || (now - lastDraw < REDRAW_NANOS && done < total)) {
      return;
    }
    lastDraw = now;
    double fraction = total <= 0 ? 1 : Math.min(1, done / (double) total);
    int filled = (int) Math.round(fraction * WIDTH);
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    String text = String.format("%s [%s] %3.0f%% %s%s", label, bar, 100 * fraction, status, eta(fraction, now));
    out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
    out.flush();
    lastLength = text.length();
  }

  /** Prints a permanent line (e.g. an epoch summary) above the bar. */
  synchronized void line(String text) {
    if (interactive && lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      lastLength = 0;
    }
    out.println(text);
    out.flush();
  }

  /** Ends the bar's line. */
  synchronized void finish() {
    if (interactive && lastLength > 0) {
      out.println();
      lastLength = 0;
    }
  }

  private String eta(double fraction, long now) {
    if (fraction <= 0 || fraction >= 1) {
      return "";
    }
    long elapsed = now - started;
    Duration left = Duration.ofNanos((long) (elapsed * (1 - fraction) / fraction));
    return String.format(" eta %dm%02ds", left.toMinutes(), left.toSecondsPart());
  }
}
