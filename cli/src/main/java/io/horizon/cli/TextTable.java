package io.horizon.cli;

import java.util.ArrayList;
import java.util.List;

/** A table printed as Markdown with padded columns, readable on a terminal and pasteable into the docs. */
public final class TextTable {
  private TextTable() {}

  public static String markdown(String[] header, List<String[]> rows) {
    List<String[]> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] width = new int[header.length];
    for (String[] r : all) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : all) {
      sb.append('|');
      for (int i = 0; i < r.length; i++) {
        sb.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].length())).append(" |");
      }
      sb.append('\n');
      if (r == header) {
        sb.append('|');
        for (int w : width) {
          sb.append("-".repeat(w + 2)).append('|');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
