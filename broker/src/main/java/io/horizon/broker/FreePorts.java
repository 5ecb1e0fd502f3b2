package io.horizon.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Picks TCP ports on the loopback interface that are free at the moment of the call. */
public final class FreePorts {

  private FreePorts() {}

  /** Returns {@code count} distinct loopback ports that nothing listened on when they were picked. */
  public static int[] pick(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count: must be at least 1, got " + count);
    }
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      }
      return held.stream().mapToInt(ServerSocket::getLocalPort).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback socket to find a free port", e);
    } finally {
      held.forEach(FreePorts::closeQuietly);
    }
  }

  /** Returns one free loopback port. */
  public static int pick() {
    return pick(1)[0];
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // the port was only reserved for the duration of the pick
    }
  }
}
