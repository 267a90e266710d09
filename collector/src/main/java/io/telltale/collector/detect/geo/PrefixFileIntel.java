package io.telltale.collector.detect.geo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * IP intelligence from a CSV file of prefixes, the format {@code evaluate} writes and an administrator can
 * export from any commercial database:
 *
 * <pre>
 * # cidr,country,region,city,asn,org,kind
 * 192.0.2.0/24,US,AZ,Mesa,22773,Cox Communications Inc.,residential
 * </pre>
 *
 * Lines starting with {@code #} are comments; {@code org} may be double-quoted to hold commas. The longest
 * matching prefix wins. Loaded once into memory; lookups are lock-free.
 */
public final class PrefixFileIntel implements IpIntel {

  private final PrefixTable<IpInfo> table = new PrefixTable<>();

  private PrefixFileIntel(List<Entry> entries) {
    entries.forEach(e -> table.put(e.cidr(), e.info()));
  }

  record Entry(Cidr cidr, IpInfo info) {}

  /** Reads the file; throws {@link IllegalArgumentException} with "file:line: reason" for a bad line. */
  public static PrefixFileIntel load(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return parse(file.toString(), lines);
  }

  static PrefixFileIntel parse(String source, List<String> lines) {
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      List<String> f = csv(line);
      if (f.size() != 7) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + f.size()
            + " fields (expected: cidr,country,region,city,asn,org,kind)");
      }
      Cidr cidr = Cidr.parse(f.get(0));
      if (cidr == null) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": cidr: '" + f.get(0)
            + "' (expected: a CIDR such as 192.0.2.0/24 or 2001:db8::/32)");
      }
      long asn;
      try {
        asn = f.get(4).isEmpty() ? 0 : Long.parseLong(f.get(4).toUpperCase(Locale.ROOT).replace("AS", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(source + ":" + (i + 1) + ": asn: '" + f.get(4) + "' (expected: a number)");
      }
      out.add(new Entry(cidr, new IpInfo(f.get(1).toUpperCase(Locale.ROOT), f.get(2), f.get(3), asn, f.get(5),
          IpKind.parse(f.get(6)))));
    }
    return new PrefixFileIntel(out);
  }

  @Override
  public Optional<IpInfo> lookup(String ip) {
    return table.lookup(ip);
  }

  /** Formats one line of this format (quoting the organisation). */
  public static String line(String cidr, IpInfo i) {
    return String.join(",", cidr, i.country(), i.region(), i.city().replace(",", " "), Long.toString(i.asn()),
        "\"" + i.org().replace("\"", "'") + "\"", i.kind().label());
  }

  private static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString().trim());
    return out;
  }
}
