package io.telltale.collector.detect;

import java.time.Instant;
import java.util.Set;

/**
 * What one device did during one UTC hour, as minute bitmasks (bit n = minute n of the hour) and flags.
 * Merging is a bitwise OR, so recording the same report twice, or reports in any order, gives the same
 * result: this is what makes a fast replay and a real-time run agree.
 *
 * @param hour start of the hour (collector clock)
 * @param local minutes with input from the laptop's own keyboard or touchpad
 * @param injected minutes with injected (synthetic) input: remote tools, software jigglers
 * @param external minutes with input from an external USB/Bluetooth HID device
 * @param jiggle minutes whose only input was a periodic tiny move (such minutes set no other mask)
 * @param flags {@link #REPORTED}, {@link #LID_CLOSED_ON_AC}, {@link #REMOTE_SESSION}, {@link #LID_OPEN}
 * @param publicIps public IPs the collector saw reports of this hour come from
 * @param sessionFamilies the remote-access families (catalogue names, or the tool a session named) of the
 *     remote sessions open during the hour, so that the allowlist can be applied when signals are computed; an
 *     hour with {@link #REMOTE_SESSION} and no family was recorded before families were
 */
public record HourBits(Instant hour, long local, long injected, long external, long jiggle, int flags,
    Set<String> publicIps, Set<String> sessionFamilies) {

  public HourBits {
    java.util.Objects.requireNonNull(hour, "hour");
    publicIps = Set.copyOf(publicIps);
    sessionFamilies = Set.copyOf(sessionFamilies);
  }

  public HourBits(Instant hour, long local, long injected, long external, long jiggle, int flags,
      Set<String> publicIps) {
    this(hour, local, injected, external, jiggle, flags, publicIps, Set.of());
  }

  public HourBits(Instant hour, long local, long injected, long external, long jiggle, int flags) {
    this(hour, local, injected, external, jiggle, flags, Set.of(), Set.of());
  }

  /** A report was observed during the hour. */
  public static final int REPORTED = 1;
  /** The lid was closed while on external power. */
  public static final int LID_CLOSED_ON_AC = 2;
  /** A remote (non-console, non-SSH) session was open; {@link #sessionFamilies} says through what. */
  public static final int REMOTE_SESSION = 4;
  /** The lid was open (the laptop was used as a laptop at least once in the hour). */
  public static final int LID_OPEN = 8;

  public HourBits merge(HourBits o) {
    return new HourBits(hour, local | o.local, injected | o.injected, external | o.external, jiggle | o.jiggle,
        flags | o.flags, union(publicIps, o.publicIps), union(sessionFamilies, o.sessionFamilies));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a.containsAll(b)) {
      return a;
    }
    Set<String> out = new java.util.TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  /** Minutes with human-driven input (local, injected or external; jiggle-only minutes excluded). */
  public int activeMinutes() {
    return Long.bitCount(local | injected | external);
  }

  /** Minutes with any input at all, jiggles included. */
  public int anyInputMinutes() {
    return Long.bitCount(local | injected | external | jiggle);
  }

  public boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
