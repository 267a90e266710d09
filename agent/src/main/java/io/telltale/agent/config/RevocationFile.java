package io.telltale.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@link Revocation} as a properties file in the state directory. The file's presence is
 * what counts: a damaged one still means revoked (its time is then the file's), so that a torn write can never
 * make a revoked laptop report again.
 */
final class RevocationFile {

  private RevocationFile() {}

  static Optional<Revocation> read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) { // cannot tell whether the file is there
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (IOException | IllegalArgumentException e) {
      p.clear(); // there but damaged (bad encoding, torn write): revoked all the same
    }
    return Optional.of(new Revocation(
        p.getProperty("device_id", "unknown"),
        at(p.getProperty("revoked_at", ""), file),
        p.getProperty("collector", "unknown"),
        p.getProperty("reason", "unknown")));
  }

  static byte[] toBytes(Revocation r) {
    Properties p = new Properties();
    p.setProperty("device_id", r.deviceId());
    p.setProperty("revoked_at", r.at().toString());
    p.setProperty("collector", r.collector());
    p.setProperty("reason", r.reason());
    StringWriter w = new StringWriter();
    try {
      p.store(w, "the collector revoked this device: the agent stays stopped until `telltale-agent enroll`");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return w.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Instant at(String text, Path file) {
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeException e) {
      try {
        return Files.getLastModifiedTime(file).toInstant();
      } catch (IOException io) {
        return Instant.EPOCH;
      }
    }
  }
}
