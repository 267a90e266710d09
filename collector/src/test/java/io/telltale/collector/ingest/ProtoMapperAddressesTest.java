package io.telltale.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.collector.TestAgent;
import io.telltale.collector.model.DeviceReport;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.proto.v1.Gateway;
import io.telltale.proto.v1.Listener;
import io.telltale.proto.v1.Network;
import io.telltale.proto.v1.NetworkInterface;
import io.telltale.proto.v1.Protocol;
import io.telltale.proto.v1.ProbeError;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.Session;
import io.telltale.proto.v1.SessionKind;
import io.telltale.proto.v1.SessionState;
import io.telltale.proto.v1.Software;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The IP addresses in a report's sections leave ingest in the canonical form; what is not one is left out, noted. */
class ProtoMapperAddressesTest {

  private static DeviceReport map(ReportRequest.Builder r) {
    return ProtoMapper.toReport(r.build(), "dev-1", Instant.parse("2025-06-02T10:00:00Z"), "2001:db8::1:0:0:1");
  }

  private static ReportRequest.Builder report() {
    return TestAgent.heartbeatRequest(1).toBuilder();
  }

  @Test
  void addressesInTheSections_areCanonical() {
    DeviceReport r = map(report()
        .setNetwork(Network.newBuilder()
            .addInterfaces(NetworkInterface.newBuilder().setName("wlp2s0")
                .addAddresses("192.168.0.23/24").addAddresses("FE80:0:0:0:0:0:0:1%wlp2s0/64")
                .addAddresses("2001:0DB8:0:0:1:0:0:1/64"))
            .setGateway(Gateway.newBuilder().setIp("FE80:0:0:0:0:0:0:1%wlp2s0").setMac("hmac:gw"))
            .addDnsServers("2001:4860:4860:0:0:0:0:8888").addDnsServers("::ffff:192.168.0.1"))
        .setSoftware(Software.newBuilder().addListeners(
            Listener.newBuilder().setPort(5900).setProtocol(Protocol.PROTOCOL_TCP).setAddress("0:0:0:0:0:0:0:0")))
        .setSessions(SessionState.newBuilder()
            .addSessions(Session.newBuilder().setKind(SessionKind.SESSION_KIND_RDP).setRemoteAddress("2001:DB8::9"))
            .addSessions(Session.newBuilder().setKind(SessionKind.SESSION_KIND_SSH).setRemoteAddress("jump.example"))));
    NetworkFacts net = r.network();
    assertThat(net.interfaces().get(0).addresses())
        .containsExactly("192.168.0.23/24", "fe80::1%wlp2s0/64", "2001:db8::1:0:0:1/64");
    assertThat(net.gateway().ip()).isEqualTo("fe80::1%wlp2s0");
    assertThat(net.dnsServers()).containsExactly("2001:4860:4860::8888", "192.168.0.1");
    assertThat(r.software().listeners().get(0).address()).isEqualTo("::");
    assertThat(r.sessions().sessions()).extracting(s -> s.remoteAddress()).containsExactly("2001:db8::9", "jump.example");
    assertThat(r.failures()).isEmpty();
  }

  @Test
  void aValueThatIsNotAnAddress_isLeftOutWithTheReason_andTheReportIsKept() {
    DeviceReport r = map(report()
        .addErrors(ProbeError.newBuilder().setProbe("network.wifi").setReason("command not found: nmcli"))
        .setNetwork(Network.newBuilder()
            .addInterfaces(NetworkInterface.newBuilder().setName("eth0").addAddresses("10.0.0.5/24")
                .addAddresses("10.0.0.6/99"))
            .setGateway(Gateway.newBuilder().setIp("router.lan").setMac("hmac:gw"))
            .addDnsServers("1.1.1.1").addDnsServers("").addDnsServers("dns.example").addDnsServers("9.9.9.9")));
    assertThat(r.network().interfaces().get(0).addresses()).containsExactly("10.0.0.5/24");
    assertThat(r.network().gateway().ip()).isEmpty();
    assertThat(r.network().gateway().mac()).as("the rest of the gateway stays").isEqualTo("hmac:gw");
    assertThat(r.network().dnsServers()).containsExactly("1.1.1.1", "9.9.9.9");
    assertThat(r.activity()).isNotNull();
    assertThat(r.failures()).containsExactly(
        new DeviceReport.ProbeFailure("network.wifi", "command not found: nmcli"),
        new DeviceReport.ProbeFailure("collector.ingest", "network.interfaces[0].addresses[1]: '10.0.0.6/99' left out"
            + " (expected: an address with a prefix length such as 192.168.0.23/24 or fe80::1/64)"),
        new DeviceReport.ProbeFailure("collector.ingest", "network.gateway.ip: 'router.lan' left out"
            + " (expected: an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7)"),
        new DeviceReport.ProbeFailure("collector.ingest", "network.dns_servers[2]: 'dns.example' left out"
            + " (expected: an IPv4 or IPv6 address such as 203.0.113.7 or 2001:db8::7)"));
  }

  @Test
  void aFloodOfNonAddresses_keepsAFewNotes_andCountsTheRest() {
    DeviceReport r = map(report().setNetwork(Network.newBuilder()
        .addAllDnsServers(Collections.nCopies(1000, "x".repeat(200)))));
    assertThat(r.network().dnsServers()).isEmpty();
    assertThat(r.failures()).hasSize(ReportAddresses.MAX_NOTES + 1);
    assertThat(r.failures().get(0).reason()).startsWith("network.dns_servers[0]: '" + "x".repeat(61) + "...' left out");
    assertThat(r.failures().get(ReportAddresses.MAX_NOTES).reason())
        .isEqualTo((1000 - ReportAddresses.MAX_NOTES) + " more values that are not IP addresses left out");
  }
}
