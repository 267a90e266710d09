package io.telltale.agent.internal;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names threads "prefix-N" so thread dumps and log lines say which component a thread belongs to. */
public final class NamedThreadFactory implements ThreadFactory {

  private final String prefix;
  private final boolean daemon;
  private final AtomicInteger next = new AtomicInteger(1);

  public NamedThreadFactory(String prefix, boolean daemon) {
    this.prefix = requireNonNull(prefix, "prefix");
    this.daemon = daemon;
  }

  @Override
  public Thread newThread(Runnable r) {
    Thread t = new Thread(r, prefix + "-" + next.getAndIncrement());
    t.setDaemon(daemon);
    return t;
  }
}
