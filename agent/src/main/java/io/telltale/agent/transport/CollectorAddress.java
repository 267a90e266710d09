package io.telltale.agent.transport;

import static java.util.Objects.requireNonNull;

/** "host:port" of a collector ("[::1]:8443" for IPv6 literals). */
public record CollectorAddress(String host, int port) {

  public CollectorAddress {
    requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("collector port: " + port + " (expected: 1..65535)");
    }
  }

  public static CollectorAddress parse(String text) {
    requireNonNull(text, "text");
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("collector address: \"" + text + "\" (expected: HOST:PORT)");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("collector address: \"" + text + "\" (expected: HOST:PORT)", e);
    }
    return new CollectorAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
