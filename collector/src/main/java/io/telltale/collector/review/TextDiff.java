package io.telltale.collector.review;

import java.util.ArrayList;
import java.util.List;

/** Line diff of two texts (longest common subsequence), for policy history. */
public final class TextDiff {

  /** Largest texts diffed line by line (LCS is quadratic); larger ones are shown as replaced whole. */
  static final int MAX_LINES = 5_000;

  private TextDiff() {}

  /**
   * One diff line.
   *
   * @param op ' ' unchanged, '-' only in the old text, '+' only in the new text
   */
  public record Line(char op, String text) {
    public String kind() {
      return op == '+' ? "added" : op == '-' ? "removed" : "same";
    }
  }

  public static List<Line> diff(String oldText, String newText) {
    String[] a = oldText.split("\n", -1);
    String[] b = newText.split("\n", -1);
    List<Line> out = new ArrayList<>();
    if (a.length > MAX_LINES || b.length > MAX_LINES) {
      for (String s : a) {
        out.add(new Line('-', s));
      }
      for (String s : b) {
        out.add(new Line('+', s));
      }
      return out;
    }
    int[][] lcs = new int[a.length + 1][b.length + 1];
    for (int i = a.length - 1; i >= 0; i--) {
      for (int j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i].equals(b[j])) {
        out.add(new Line(' ', a[i++]));
        j++;
      } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
        out.add(new Line('-', a[i++]));
      } else {
        out.add(new Line('+', b[j++]));
      }
    }
    while (i < a.length) {
      out.add(new Line('-', a[i++]));
    }
    while (j < b.length) {
      out.add(new Line('+', b[j++]));
    }
    return out;
  }
}
