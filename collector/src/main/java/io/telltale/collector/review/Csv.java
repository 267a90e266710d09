package io.telltale.collector.review;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV reading and writing: commas, quotes and line breaks inside quoted fields. Writing also
 * defuses spreadsheet formulas: a field starting with = + - @ gets a leading apostrophe, because exported
 * device data contains attacker-chosen text (process names) that a spreadsheet would otherwise evaluate.
 */
public final class Csv {

  private Csv() {}

  /** A parsed record with the 1-based line it started on. */
  public record Row(int line, List<String> fields) {}

  /** Parses {@code text}; throws {@link ReviewException} naming the line of an unterminated quote. */
  public static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
        any = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          fields.add(field.toString());
          rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        fields.clear();
        field.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else {
        field.append(ch);
        any = true;
      }
    }
    if (quoted) {
      throw new ReviewException(ReviewException.Kind.INVALID_ARGUMENT, "csv: unterminated quote",
          List.of(new Problem(rowLine, 0, "", "unterminated quote (expected: a closing \")")));
    }
    if (any || field.length() > 0) {
      fields.add(field.toString());
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }

  /** One CSV line (with CRLF) of {@code fields}, quoted where needed and formula-safe. */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      String f = fields.get(i);
      if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0) {
        f = "'" + f;
      }
      if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
        f = '"' + f.replace("\"", "\"\"") + '"';
      }
      sb.append(f);
    }
    return sb.append("\r\n").toString();
  }
}
