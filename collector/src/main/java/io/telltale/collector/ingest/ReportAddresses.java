package io.telltale.collector.ingest;

import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Brings the IP addresses in a report's sections to the collector's one form ({@link IpAddresses}) while
 * {@link ProtoMapper} maps them. They are the agent's observations, not the report's frame, so one that is not
 * an address is left out rather than refusing the report: the reason stays with the report as a probe failure of
 * {@value #PROBE}, and a stray DNS entry never costs the report its activity. One instance per report.
 */
final class ReportAddresses {

  /** The "probe" of the notes: the collector's ingest, not one of the agent's probes. */
  static final String PROBE = "collector.ingest";
  /** Notes kept per report; the rest are counted in one more, so a hostile report cannot grow without bound. */
  static final int MAX_NOTES = 8;
  private static final String PREFIXED = "an address with a prefix length such as 192.168.0.23/24 or fe80::1/64";

  private final List<DeviceReport.ProbeFailure> notes = new ArrayList<>();
  private int unnoted;

  /** An address; "" when empty or not an address (noted). */
  String address(String field, String value) {
    return canonical(field, value, IpAddresses::parse, IpAddresses.EXPECTED);
  }

  /** Addresses; an empty entry is dropped, one that is not an address left out (noted). */
  List<String> addresses(String field, List<String> values) {
    return all(field, values, IpAddresses::parse, IpAddresses.EXPECTED);
  }

  /** Addresses with a prefix length ("192.168.0.23/24", not masked), as {@link #addresses}. */
  List<String> prefixed(String field, List<String> values) {
    return all(field, values, IpAddresses::parseWithPrefix, PREFIXED);
  }

  /** A peer the OS names by address or by host name: an address is made canonical, a name kept as sent. */
  static String addressOrName(String value) {
    return IpAddresses.parse(value).orElse(value);
  }

  /** Why addresses were left out, in report order. */
  List<DeviceReport.ProbeFailure> notes() {
    if (unnoted == 0) {
      return List.copyOf(notes);
    }
    List<DeviceReport.ProbeFailure> out = new ArrayList<>(notes);
    out.add(new DeviceReport.ProbeFailure(PROBE, unnoted + " more values that are not IP addresses left out"));
    return List.copyOf(out);
  }

  private List<String> all(String field, List<String> values, Function<String, Optional<String>> parse,
      String expected) {
    List<String> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      String c = canonical(field + "[" + i + "]", values.get(i), parse, expected);
      if (!c.isEmpty()) {
        out.add(c);
      }
    }
    return out;
  }

  private String canonical(String field, String value, Function<String, Optional<String>> parse, String expected) {
    if (value.isBlank()) {
      return "";
    }
    Optional<String> c = parse.apply(value);
    if (c.isEmpty()) {
      note(field, value, expected);
    }
    return c.orElse("");
  }

  private void note(String field, String value, String expected) {
    if (notes.size() == MAX_NOTES) {
      unnoted++;
      return;
    }
    notes.add(new DeviceReport.ProbeFailure(PROBE,
        field + ": '" + IpAddresses.shortened(value) + "' left out (expected: " + expected + ")"));
  }
}
