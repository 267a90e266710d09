package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Owns the single {@link ManagedChannel} of one agent (or one simulated device) to the collector. Everyone
 * else receives {@link #channel()} and never closes it. The channel is built on first use (no I/O at
 * construction). Credentials can be swapped after a certificate renewal: a new channel is built and the old
 * one is shut down gracefully, letting calls in flight finish. Thread-safe.
 */
public final class CollectorConnection implements AutoCloseable {

  /** Header a trusted reverse proxy sets; the simulator uses it to convey a device's public IP. */
  public static final Metadata.Key<String> FORWARDED_FOR =
      Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER);

  private final CollectorAddress address;
  private final @Nullable EventLoopGroup eventLoop;
  private final @Nullable Executor executor;
  private volatile @Nullable String forwardedFor;
  private ChannelCredentials credentials;
  private @Nullable ManagedChannel channel;
  private @Nullable Channel intercepted;

  private CollectorConnection(CollectorAddress address, ChannelCredentials credentials,
      @Nullable EventLoopGroup eventLoop, @Nullable Executor executor) {
    this.address = requireNonNull(address, "address");
    this.credentials = requireNonNull(credentials, "credentials");
    this.eventLoop = eventLoop;
    this.executor = executor;
  }

  /** A connection authenticated with the device's key and certificate, trusting only {@code caPem}. */
  public static CollectorConnection mutualTls(CollectorAddress address, String privateKeyPem, String certificatePem,
      String caPem, @Nullable EventLoopGroup eventLoop, @Nullable Executor executor) {
    return new CollectorConnection(address, credentials(privateKeyPem, certificatePem, caPem), eventLoop, executor);
  }

  /** A connection without client certificate (for Enroll only), trusting only {@code caPem}. */
  public static CollectorConnection serverAuthOnly(CollectorAddress address, String caPem) {
    try {
      return new CollectorConnection(address,
          TlsChannelCredentials.newBuilder().trustManager(stream(caPem)).build(), null, null);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("CA certificate: not usable as a trust anchor (" + e.getMessage() + ")", e);
    }
  }

  static ChannelCredentials credentials(String privateKeyPem, String certificatePem, String caPem) {
    try {
      return TlsChannelCredentials.newBuilder()
          .keyManager(DeviceKeyManager.fromPem(privateKeyPem, certificatePem))
          .trustManager(stream(caPem))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("CA certificate unreadable", e);
    }
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Sends {@code x-forwarded-for: ip} on every call from now on (null stops it). Only the simulator uses
   * this: a collector honours it only from its configured trusted proxies.
   */
  public void setForwardedFor(@Nullable String ip) {
    this.forwardedFor = ip;
  }

  public CollectorAddress address() {
    return address;
  }

  /** The channel to call the collector on. Never close it. */
  public synchronized Channel channel() {
    if (intercepted == null) {
      channel = build(credentials);
      intercepted = ClientInterceptors.intercept(channel, new ForwardedForInterceptor());
    }
    return intercepted;
  }

  /**
   * Makes the next call reconnect at once instead of waiting out gRPC's own reconnect backoff: the agent
   * spaces its attempts itself ({@link Backoff}), and two backoffs stacked would delay recovery needlessly.
   */
  public synchronized void resetConnectBackoff() {
    if (channel != null) {
      channel.resetConnectBackoff();
    }
  }

  /** Switches to new credentials (after renewal): new channel now, old one drained and shut down. */
  public void replaceCredentials(String privateKeyPem, String certificatePem, String caPem) {
    ChannelCredentials fresh = credentials(privateKeyPem, certificatePem, caPem);
    ManagedChannel old;
    synchronized (this) {
      credentials = fresh;
      old = channel;
      channel = null;
      intercepted = null;
    }
    if (old != null) {
      old.shutdown(); // graceful: calls already started complete on the old connection
    }
  }

  private ManagedChannel build(ChannelCredentials creds) {
    NettyChannelBuilder b = NettyChannelBuilder.forAddress(address.host(), address.port(), creds)
        // A laptop behind a home router loses idle NAT mappings after a few minutes; a ping every 2 minutes
        // while calls are outstanding keeps long calls alive without waking idle laptops (no pings when idle).
        .keepAliveTime(2, TimeUnit.MINUTES)
        // A ping unanswered for 20 s means the path is dead: fail the call and reconnect instead of hanging.
        .keepAliveTimeout(20, TimeUnit.SECONDS)
        .keepAliveWithoutCalls(false)
        // An idle channel releases its connection after 10 minutes (two default intervals without traffic).
        .idleTimeout(10, TimeUnit.MINUTES)
        // Responses are small (ack + config); 4 MiB is gRPC's default and guards against a runaway server.
        .maxInboundMessageSize(4 * 1024 * 1024)
        // The spool retries on its own schedule; gRPC's transparent retries would only duplicate that.
        .disableRetry()
        .userAgent("telltale-agent");
    if (eventLoop != null) {
      b.eventLoopGroup(eventLoop).channelType(NioSocketChannel.class);
    }
    if (executor != null) {
      b.executor(executor);
    }
    return b.build();
  }

  @Override
  public void close() {
    ManagedChannel c;
    synchronized (this) {
      c = channel;
      channel = null;
      intercepted = null;
    }
    if (c != null) {
      c.shutdown();
      try {
        if (!c.awaitTermination(5, TimeUnit.SECONDS)) {
          c.shutdownNow();
        }
      } catch (InterruptedException e) {
        c.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }

  private final class ForwardedForInterceptor implements ClientInterceptor {
    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<R> listener, Metadata headers) {
          String ip = forwardedFor;
          if (ip != null) {
            headers.put(FORWARDED_FOR, ip);
          }
          super.start(listener, headers);
        }
      };
    }
  }
}
