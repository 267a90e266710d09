package io.telltale.collector;

import com.linecorp.armeria.common.Flags;
import com.linecorp.armeria.common.util.EventLoopGroups;
import com.linecorp.armeria.common.util.ThreadFactories;
import com.linecorp.armeria.common.util.TransportType;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The server's boss group (it only accepts connections), one that stops at once. Armeria stops a boss group
 * last, with Netty's default graceful shutdown: a 2 s quiet period after everything else has stopped, which
 * alone made every stop of {@code serve}, {@code demo}, {@code evaluate} and each test server last 2 s.
 * Armeria's own {@code EventLoopGroups.builder().gracefulShutdown(..)} wraps the group, and the server reaches
 * the unwrapped group through its channels, so that setting is lost (Armeria 1.36); shutting the group down
 * earlier ourselves leaves the server's stop hanging. Hence a group whose own {@code shutdownGracefully()} has
 * no quiet period. The epoll handler is looked up by name because Armeria brings epoll at run time only; any
 * other transport (kqueue on macOS, io_uring) keeps Armeria's default group and its 2 s.
 */
final class BossGroups {

  private BossGroups() {}

  static EventLoopGroup create(String threadName) {
    ThreadFactory threads = ThreadFactories.newThreadFactory(threadName, false);
    IoHandlerFactory io = ioHandlerFactory(Flags.transportType());
    if (io == null) {
      return EventLoopGroups.newEventLoopGroup(1, threads);
    }
    return new MultiThreadIoEventLoopGroup(1, threads, io) {
      @Override
      public Future<?> shutdownGracefully() {
        return shutdownGracefully(0, 1, TimeUnit.SECONDS);
      }
    };
  }

  private static @Nullable IoHandlerFactory ioHandlerFactory(TransportType transport) {
    String handler = switch (transport) {
      case EPOLL -> "io.netty.channel.epoll.EpollIoHandler";
      case NIO -> "io.netty.channel.nio.NioIoHandler";
      default -> null;
    };
    if (handler == null) {
      return null;
    }
    try {
      return (IoHandlerFactory) Class.forName(handler).getMethod("newFactory").invoke(null);
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }
}
