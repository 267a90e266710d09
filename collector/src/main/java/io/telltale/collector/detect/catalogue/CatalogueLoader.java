package io.telltale.collector.detect.catalogue;

import io.telltale.collector.detect.yaml.Problem;
import io.telltale.collector.detect.yaml.YamlException;
import io.telltale.collector.detect.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Loads the built-in catalogue (classpath {@code catalogue/*.yaml}) and merges an administrator's directory
 * of extra {@code *.yaml} files after it, so entries can be added without rebuilding. All files are checked
 * before anything is returned: one bad entry rejects the whole load with every problem listed as
 * {@code file:line:column: reason}. Blocking (reads files); thread-safe.
 */
public final class CatalogueLoader {

  /** The built-in files, in load order. */
  static final List<String> BUILT_IN =
      List.of("remote-access.yaml", "usb.yaml", "edid.yaml", "jigglers.yaml", "vpn.yaml", "network.yaml");

  private CatalogueLoader() {}

  /** The built-in catalogue. Throws {@link IllegalStateException} if a shipped file is broken (a build bug). */
  public static Catalogue builtIn() {
    try {
      return load(null);
    } catch (YamlException e) {
      throw new IllegalStateException("built-in catalogue is invalid:\n" + e.getMessage(), e);
    }
  }

  /** Built-in entries plus those of every {@code *.yaml} / {@code *.yml} file in {@code extraDir} (sorted). */
  public static Catalogue load(@Nullable Path extraDir) throws YamlException {
    List<Problem> problems = new ArrayList<>();
    Catalogue merged = Catalogue.empty();
    for (String name : BUILT_IN) {
      merged = merged.plus(parse("catalogue/" + name, resource(name), problems));
    }
    if (extraDir != null) {
      if (!Files.isDirectory(extraDir)) {
        problems.add(new Problem(extraDir.toString(), 0, 0, "not a directory (expected: a catalogue directory)"));
      } else {
        for (Path file : yamlFiles(extraDir)) {
          try {
            merged = merged.plus(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8), problems));
          } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, 0, "cannot read: " + e.getMessage()));
          }
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new YamlException(problems);
    }
    return merged;
  }

  /** Parses one catalogue document; problems are appended to {@code problems}. */
  static Catalogue parse(String source, String text, List<Problem> problems) {
    YamlReader reader = new YamlReader(source);
    Catalogue c = new CatalogueParser(reader).parse(text);
    problems.addAll(reader.problems());
    return c;
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = CatalogueLoader.class.getClassLoader().getResourceAsStream("catalogue/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing built-in catalogue file catalogue/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
