package io.telltale.collector.review.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * A small HTTPS client of the REST API (JDK {@link HttpClient}): base URL, optional bearer token, and the
 * collector's CA (or the JVM's trust store). Used by {@code ctl} and by the API tests. Thread-safe;
 * every call blocks until the response (bounded by {@link #TIMEOUT}).
 */
public final class ApiClient {

  /** Longest wait for one response: a dry run over a large fleet can take a while. */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** A response: status, body text, headers. */
  public record Response(int status, String body, HttpHeaders headers) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final URI base;
  private final @Nullable String token;
  private final HttpClient http;

  public ApiClient(URI base, @Nullable String token, SSLContext ssl) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.token = token;
    this.http = HttpClient.newBuilder().sslContext(requireNonNull(ssl, "ssl")).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** An SSL context trusting only the certificates in PEM file {@code caFile}. */
  public static SSLContext trusting(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IOException(caFile + ": no certificate (expected: the collector's CA in PEM)");
      }
      return trusting(certs.toArray(Certificate[]::new));
    } catch (GeneralSecurityException e) {
      throw new IOException(caFile + ": not a PEM certificate (" + e.getMessage() + ")", e);
    }
  }

  /** An SSL context trusting only {@code certs}. */
  public static SSLContext trusting(Certificate... certs) throws GeneralSecurityException {
    try {
      KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
      ks.load(null, null);
      for (int i = 0; i < certs.length; i++) {
        ks.setCertificateEntry("ca" + i, certs[i]);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
  }

  public Response get(String path) throws IOException {
    return send("GET", path, null, null, Map.of());
  }

  public Response postJson(String path, String json) throws IOException {
    return send("POST", path, "application/json", json, Map.of());
  }

  /**
   * Sends {@code method path} (relative to {@code /api/v1}) with an optional body and extra headers; adds
   * the bearer token when there is one.
   */
  public Response send(String method, String path, @Nullable String contentType, @Nullable String body,
      Map<String, String> headers) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(TIMEOUT)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
