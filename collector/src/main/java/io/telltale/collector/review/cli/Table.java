package io.telltale.collector.review.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain-text tables for the terminal: columns padded to their widest cell, long cells cut. */
final class Table {

  static final int MAX_CELL = 60;

  private Table() {}

  static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).length();
    }
    for (List<String> r : rows) {
      for (int i = 0; i < w.length && i < r.size(); i++) {
        w[i] = Math.max(w[i], cut(r.get(i)).length());
      }
    }
    line(out, header, w);
    for (List<String> r : rows) {
      line(out, r, w);
    }
    out.flush();
  }

  private static void line(PrintWriter out, List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < w.length; i++) {
      String c = i < cells.size() ? cut(cells.get(i)) : "";
      sb.append(c);
      if (i < w.length - 1) {
        sb.append(" ".repeat(w[i] - c.length() + 2));
      }
    }
    out.println(sb.toString().stripTrailing());
  }

  /** Cuts a cell and replaces control characters: agent-reported text must not drive the terminal. */
  static String cut(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_CELL ? clean : clean.substring(0, MAX_CELL - 1) + "…";
  }
}
