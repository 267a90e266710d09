package io.telltale.agent.config;

import static java.util.Objects.requireNonNull;

import io.telltale.agent.internal.DurableFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The agent's state directory: identity (device id, private key, client certificate, CA chain), the fleet
 * identifier key, the pushed configuration and the spool. Secrets are written owner-only (0600 on POSIX
 * file systems) through a temporary file and an atomic rename. Files:
 *
 * <pre>
 *   device-id        the UUID the collector assigned (text)
 *   client.key       private key, PKCS#8 PEM, 0600
 *   client.crt       client certificate, PEM
 *   ca.crt           the collector's CA chain, PEM (the only roots the agent trusts)
 *   identifier.key   fleet HMAC key for hashed identifiers, 32 raw bytes, 0600
 *   remote-config.properties   the last configuration the collector pushed
 *   revoked.properties         the collector revoked this device: when, and what it said (the agent then
 *                              stays stopped; written durably, removed by the next enrollment)
 *   spool/           the report queue (deleted when the device is revoked)
 * </pre>
 *
 * Not thread-safe for concurrent writers; the agent writes from one thread.
 */
public final class AgentState {

  public static final String IDENTIFIER_KEY_FILE = "identifier.key";

  private final Path dir;

  public AgentState(Path dir) {
    this.dir = requireNonNull(dir, "dir");
  }

  public Path dir() {
    return dir;
  }

  public Path spoolDir() {
    return dir.resolve("spool");
  }

  public Path privateKeyFile() {
    return dir.resolve("client.key");
  }

  public Path certificateFile() {
    return dir.resolve("client.crt");
  }

  public Path caFile() {
    return dir.resolve("ca.crt");
  }

  public Path identifierKeyFile() {
    return dir.resolve(IDENTIFIER_KEY_FILE);
  }

  public Path revocationFile() {
    return dir.resolve("revoked.properties");
  }

  /** True when a device id, key and certificate are present. */
  public boolean isEnrolled() {
    return Files.isRegularFile(dir.resolve("device-id")) && Files.isRegularFile(privateKeyFile())
        && Files.isRegularFile(certificateFile());
  }

  /** The device id, or throws IllegalStateException telling how to enroll. */
  public String deviceId() {
    try {
      return Files.readString(dir.resolve("device-id"), StandardCharsets.UTF_8).trim();
    } catch (NoSuchFileException e) {
      throw new IllegalStateException("not enrolled: " + dir + " has no device-id (run `telltale-agent enroll`)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores what enrollment returned; replaces an earlier identity (enroll --force). */
  public void saveEnrollment(String deviceId, String privateKeyPem, String certificatePem, String caPem,
      byte[] identifierKey, RemoteConfig config) {
    try {
      Files.createDirectories(dir);
      writeSecret(privateKeyFile(), privateKeyPem.getBytes(StandardCharsets.US_ASCII));
      write(certificateFile(), certificatePem.getBytes(StandardCharsets.US_ASCII));
      write(caFile(), caPem.getBytes(StandardCharsets.US_ASCII));
      if (identifierKey.length > 0) {
        writeSecret(identifierKeyFile(), identifierKey);
      }
      saveRemoteConfig(config);
      // Written last: its presence means the identity is complete.
      write(dir.resolve("device-id"), (deviceId + "\n").getBytes(StandardCharsets.UTF_8));
      // Only a complete new identity lifts a revocation; a crash before this line leaves the device stopped.
      Files.deleteIfExists(revocationFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the agent state in " + dir, e);
    }
  }

  /** Replaces the key, certificate and CA chain after a renewal. */
  public void saveRenewal(String privateKeyPem, String certificatePem, String caPem) {
    try {
      writeSecret(privateKeyFile(), privateKeyPem.getBytes(StandardCharsets.US_ASCII));
      write(certificateFile(), certificatePem.getBytes(StandardCharsets.US_ASCII));
      write(caFile(), caPem.getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the renewed certificate in " + dir, e);
    }
  }

  public String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** When the client certificate stops being valid. */
  public Instant certificateNotAfter() {
    List<X509Certificate> certs = Pem.parseCertificates(readText(certificateFile()), certificateFile().toString());
    return certs.get(0).getNotAfter().toInstant();
  }

  /** The fleet identifier key (32 bytes), if the collector sent one. */
  public Optional<byte[]> identifierKey() {
    try {
      return Optional.of(Files.readAllBytes(identifierKeyFile()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void saveIdentifierKey(byte[] key) {
    try {
      writeSecret(identifierKeyFile(), key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last configuration the collector pushed, or {@link RemoteConfig#NONE}. */
  public RemoteConfig remoteConfig() {
    return RemoteConfigFile.read(dir.resolve("remote-config.properties"));
  }

  public void saveRemoteConfig(RemoteConfig config) {
    try {
      Files.createDirectories(dir);
      Properties p = RemoteConfigFile.toProperties(config);
      java.io.StringWriter w = new java.io.StringWriter();
      p.store(w, "configuration pushed by the collector; do not edit");
      write(dir.resolve("remote-config.properties"), w.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The collector's revocation of this device, if it revoked it (and no enrollment happened since). */
  public Optional<Revocation> revocation() {
    return RevocationFile.read(revocationFile());
  }

  /** Records that the collector revoked this device: flushed to disk before it returns (fsync). */
  public void saveRevocation(Revocation revocation) {
    try {
      Files.createDirectories(dir);
      DurableFiles.writeAtomically(revocationFile(), RevocationFile.toBytes(revocation));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the revocation in " + revocationFile(), e);
    }
  }

  /**
   * Deletes the spool directory with everything in it: queued reports, copies of rejected ones, a quarantined
   * queue file. Returns whether there was one. The {@code Spool} using it must be closed first.
   */
  public boolean deleteSpool() {
    Path spool = spoolDir();
    if (!Files.exists(spool)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(spool)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the spool " + spool, e);
    }
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes a file readable by its owner only: created 0600 before any byte is written (POSIX). */
  private static void writeSecret(Path file, byte[] bytes) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    // On Windows the state directory under %ProgramData% is ACL-restricted by the installer.
    Files.write(tmp, bytes);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
