package io.telltale.agent.transport;

/**
 * Round trip and clock offset to the collector as the agent measured them from its previous exchange, the
 * {@code Timing} section of a report. {@code clockOffsetKnown} false = not measured yet.
 */
public record LinkTiming(int rttMs, long clockOffsetMs, boolean clockOffsetKnown) {

  public static final LinkTiming UNKNOWN = new LinkTiming(0, 0, false);

  /** Where a report's timing comes from: measured on the real link, or (simulator) from a scenario. */
  public interface Source {
    LinkTiming current();

    /** Called after each successful exchange, device-clock times in ms since epoch. */
    void onExchange(long sentAtMs, long receivedAtMs, long serverTimeMs);
  }

  /** Measures from exchanges: rtt = received - sent; offset = midpoint of the exchange - server time. */
  public static final class Measured implements Source {
    private volatile LinkTiming last = UNKNOWN;

    @Override
    public LinkTiming current() {
      return last;
    }

    @Override
    public void onExchange(long sentAtMs, long receivedAtMs, long serverTimeMs) {
      long rtt = Math.max(0, receivedAtMs - sentAtMs);
      boolean known = serverTimeMs > 0;
      long offset = known ? (sentAtMs + receivedAtMs) / 2 - serverTimeMs : 0;
      last = new LinkTiming((int) Math.min(Integer.MAX_VALUE, rtt), offset, known);
    }
  }
}
