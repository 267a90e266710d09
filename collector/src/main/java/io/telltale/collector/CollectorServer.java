package io.telltale.collector;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.ClientAddressSource;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.common.grpc.GrpcSerializationFormats;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.common.HttpHeaderNames;
import io.netty.handler.ssl.ClientAuth;
import io.telltale.collector.config.TrustedProxies;
import io.telltale.collector.review.api.RestApi;
import io.telltale.collector.review.console.Console;
import io.telltale.collector.store.CheckResult;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The collector's single port: TLS with optional client certificates, gRPC {@code AgentService}, a
 * health endpoint, the REST API under {@code /api/v1} and the web console.
 */
public final class CollectorServer {

  /** Largest accepted gRPC message; a FULL report of a busy laptop is well under 1 MiB. */
  static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private CollectorServer() {}

  /**
   * Everything served, shared by {@code serve} and the tests: TLS (server certificate from our CA; client
   * certificates requested, not required, and verified against our CA), client-address sources, gRPC and
   * {@code /health}. The caller chooses the port ({@code sb.https(port)}).
   */
  public static void configureServices(ServerBuilder sb, Collector collector) {
    var id = collector.serverIdentity();
    sb.tls(id.key(), id.certificate(), id.ca())
        // OPTIONAL: Enroll comes without a certificate; every other call is refused by DeviceAuthenticator
        // when none was presented. A certificate from another CA fails the handshake here already.
        .tlsCustomizer(b -> b.clientAuth(ClientAuth.OPTIONAL).trustManager(collector.ca().certificate()));
    var trusted = collector.config().ingest().trustedProxies();
    // X-Forwarded-For is believed only from configured proxies; by default nobody is trusted and the
    // public IP is the TCP peer.
    sb.clientAddressSources(ClientAddressSource.ofHeader(HttpHeaderNames.X_FORWARDED_FOR))
        .clientAddressTrustedProxyFilter(TrustedProxies.of(trusted));
    sb.service(GrpcService.builder()
        .addService(collector.agentService())
        // Enroll, Renew and device look-ups block on the database: keep them off the event loops.
        .useBlockingTaskExecutor(true)
        // Agents speak binary protobuf only: no JSON marshallers to build at start-up.
        .supportedSerializationFormats(GrpcSerializationFormats.PROTO)
        .maxRequestMessageLength(MAX_MESSAGE_BYTES)
        .build());
    // check() may block on the database: run it on the blocking executor, not an event loop.
    sb.service("/health", (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(() -> {
      CheckResult check = collector.store().check();
      return HttpResponse.of(check.ok() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE, MediaType.PLAIN_TEXT_UTF_8,
          check.ok() ? "ok\n" : "store: " + check.error() + "\n");
    }, ctx.blockingTaskExecutor())));
    RestApi.configure(sb, collector.review(), Map.of("store", () -> collector.store().check()));
    Console.configure(sb, collector.review());
  }

  /** Builds (does not start) the server on {@code port} (0 = ephemeral). */
  public static Server build(Collector collector, int port) {
    ServerBuilder sb = Server.builder().https(port).bossGroupFactory(BossGroups::create);
    configureServices(sb, collector);
    return sb.build();
  }
}
