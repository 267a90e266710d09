package io.telltale.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.telltale.collector.config.CollectorConfig;
import io.telltale.collector.config.CollectorConfigLoader;
import io.telltale.collector.detect.DetectionRepository;
import io.telltale.collector.ingest.StoredReportListener;
import io.telltale.collector.internal.Clock;
import io.telltale.collector.store.EmbeddedPg;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} started while PostgreSQL is down: it serves, reports unhealthy and answers agents
 * UNAVAILABLE; when PostgreSQL comes up, everything that needs it starts by itself.
 */
class ServeStartupIT {

  @TempDir Path dir;

  @Test
  void databaseDownAtStart_collectorServesUnhealthy_thenRecoversWhenItComesUp() throws Exception {
    try (EmbeddedPg pg = EmbeddedPg.start(dir.resolve("pg"))) {
      Map<String, String> env = new HashMap<>(Map.of(
          "TELLTALE_STORE_TYPE", "postgres",
          "TELLTALE_STORE_POSTGRES_URL", pg.jdbcUrl(),
          "TELLTALE_STORE_POSTGRES_USER", "postgres",
          "TELLTALE_PKI_DIR", dir.resolve("pki").toString()));
      // An agent enrolled earlier (its certificate is all it needs to report), on a store without users.
      TestAgent agent;
      try (CollectorFixture earlier = CollectorFixture.start(dir.resolve("earlier"), env, Clock.SYSTEM,
          StoredReportListener.NOOP)) {
        agent = TestAgent.enroll(earlier.port(), earlier.collector.ca().certificate(), earlier.token(
            java.time.Duration.ofDays(1), 1));
      }
      pg.stop();

      env.put("TELLTALE_DATA_DIR", dir.resolve("serve").toString());
      env.put("TELLTALE_SERVER_PORT", "0");
      CollectorConfig cfg = CollectorConfigLoader.load(null, env);
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      try (Serving serving = Serving.start(cfg, Clock.SYSTEM, new PrintStream(printed, true, StandardCharsets.UTF_8));
          TestAgent reporting = TestAgent.reconnect(agent, serving.server().activeLocalPort(),
              serving.collector().ca().certificate())) {
        int port = serving.server().activeLocalPort();
        X509Certificate ca = serving.collector().ca().certificate();
        String wellFormedToken = "ttk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(health(port, ca)).isEqualTo(503);
        assertThatThrownBy(() -> reporting.heartbeat(1)).isInstanceOf(StatusRuntimeException.class)
            .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThatThrownBy(() -> TestAgent.enroll(port, ca, wellFormedToken))
            .isInstanceOf(StatusRuntimeException.class)
            .extracting(e -> ((StatusRuntimeException) e).getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(serving.detection()).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("First administrator");

        pg.restart();
        await().atMost(60, TimeUnit.SECONDS).until(() -> serving.detection().isPresent());
        await().atMost(30, TimeUnit.SECONDS).until(() -> health(port, ca) == 200);
        await().atMost(60, TimeUnit.SECONDS).ignoreExceptions().until(() -> reporting.heartbeat(1) != null);
        DetectionRepository detected = serving.detection().orElseThrow().engine().repository();
        await().atMost(60, TimeUnit.SECONDS).until(() -> detected.seen(reporting.deviceId)
            .map(DetectionRepository.SeenSpan::processedSequence).orElse(0L) >= 1);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.split("First administrator", -1)).hasSize(2);
        assertThat(out.indexOf("First administrator")).isGreaterThan(out.indexOf("Console: "));
      }
    }
  }

  private static int health(int port, X509Certificate ca) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", ca);
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
    return http.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/health"))
        .timeout(java.time.Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
