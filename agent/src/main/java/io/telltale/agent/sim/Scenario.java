package io.telltale.agent.sim;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A loaded, validated scenario ({@code telltale-scenario/1}); see FORMAT.md of the scenario format. Immutable.
 * {@code labels} (ground truth) are exposed for evaluation and never sent to a collector.
 */
public record Scenario(
    String name,
    String description,
    Instant start,
    int hours,
    int reportIntervalMinutes,
    Map<String, Network> networks,
    Map<String, Employee> employees,
    List<Device> devices,
    Map<String, String> labels) {

  public Scenario {
    requireNonNull(start, "start");
    networks = Map.copyOf(networks);
    employees = Map.copyOf(employees);
    devices = List.copyOf(devices);
    labels = Map.copyOf(labels);
  }

  public Instant end() {
    return start.plus(Duration.ofHours(hours));
  }

  /** The same scenario, moved in time so that it starts at {@code newStart}. */
  public Scenario startingAt(Instant newStart) {
    return new Scenario(name, description, newStart, hours, reportIntervalMinutes, networks, employees, devices, labels);
  }

  public record Network(String id, String publicIp, String country, String region, String city, long asn,
      String asOrg, String kind, String gatewayIp, String gatewayMac, @Nullable Wifi wifi, String lanPrefix,
      List<String> dns, double rttMs, List<Neighbor> neighbors) {
    public Network {
      dns = List.copyOf(dns);
      neighbors = List.copyOf(neighbors);
    }
  }

  public record Wifi(String ssid, String bssid) {}

  public record Neighbor(String mac, String hostname) {}

  /** One row of the HR roster. */
  public record Employee(String id, String name, String email, String country, String region, String timezone) {}

  /** A laptop: fixed identity plus the state at time zero and its later changes. */
  public record Device(String hostname, String serial, String employee, String osFamily, String osVersion,
      double uptimeDays, DeviceState initial, List<Change> changes) {
    public Device {
      changes = List.copyOf(changes);
    }
  }

  /** What can change over a device's life (the keys a change's {@code set} may replace). */
  public record DeviceState(String network, @Nullable Vpn vpn, Clock clock, List<String> processes,
      List<String> services, List<App> installedApps, List<Port> listeningPorts, List<Usb> usb,
      List<Display> displays, Power power, List<Session> sessions, Activity activity) {
    public DeviceState {
      processes = List.copyOf(processes);
      services = List.copyOf(services);
      installedApps = List.copyOf(installedApps);
      listeningPorts = List.copyOf(listeningPorts);
      usb = List.copyOf(usb);
      displays = List.copyOf(displays);
      sessions = List.copyOf(sessions);
    }
  }

  /** A change at {@code atHour}; {@code set} holds only the keys given (vpn may be set to null). */
  public record Change(double atHour, ChangeSet set, double offlineHours) {}

  /** A partial device state: null fields are not changed, except {@code vpn} when {@code setsVpn}. */
  public record ChangeSet(@Nullable String network, boolean setsVpn, @Nullable Vpn vpn, @Nullable Clock clock,
      @Nullable List<String> processes, @Nullable List<String> services, @Nullable List<App> installedApps,
      @Nullable List<Port> listeningPorts, @Nullable List<Usb> usb, @Nullable List<Display> displays,
      @Nullable Power power, @Nullable List<Session> sessions, @Nullable Activity activity) {

    DeviceState applyTo(DeviceState s) {
      return new DeviceState(
          network != null ? network : s.network(),
          setsVpn ? vpn : s.vpn(),
          clock != null ? clock : s.clock(),
          processes != null ? processes : s.processes(),
          services != null ? services : s.services(),
          installedApps != null ? installedApps : s.installedApps(),
          listeningPorts != null ? listeningPorts : s.listeningPorts(),
          usb != null ? usb : s.usb(),
          displays != null ? displays : s.displays(),
          power != null ? power : s.power(),
          sessions != null ? sessions : s.sessions(),
          activity != null ? activity : s.activity());
    }
  }

  public record Clock(ZoneId timezone, String locale, List<String> keyboardLayouts, double skewSeconds) {
    public Clock {
      keyboardLayouts = List.copyOf(keyboardLayouts);
    }
  }

  public record Vpn(String name, String process, String adapter, String exitNetwork) {}

  public record App(String name, String version, String bundleId, String publisher) {}

  public record Port(int port, String protocol, String process) {}

  public record Usb(String vendorId, String productId, String manufacturer, String product, String serial,
      List<String> interfaces) {
    public Usb {
      interfaces = List.copyOf(interfaces);
    }
  }

  public record Display(boolean internal, String edidManufacturer, int edidProductCode, long edidSerialNumber,
      String monitorName, String serialString, int width, int height, double refreshHz) {}

  public record Power(boolean hasBattery, boolean onAc, double batteryPercent, @Nullable Boolean lidOpen) {}

  public record Session(String kind, String user, String tool, String remoteAddress) {}

  public record Activity(List<Window> schedule, String input, @Nullable Double jiggleSeconds,
      @Nullable Double idleLockMinutes) {
    public Activity {
      schedule = List.copyOf(schedule);
    }
  }

  /** A window of use: {@code from} inclusive, {@code to} exclusive, wrapping past midnight when to < from. */
  public record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    public Window {
      days = Set.copyOf(days);
    }
  }
}
