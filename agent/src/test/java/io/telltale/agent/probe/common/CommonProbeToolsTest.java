package io.telltale.agent.probe.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.Failures;
import io.telltale.agent.probe.HardwareFacts.PointerMode;
import io.telltale.agent.probe.HardwareFacts.UsbFunction;
import io.telltale.agent.probe.HardwareFacts.UsbInterface;
import io.telltale.agent.probe.NetworkFacts.InterfaceKind;
import io.telltale.agent.probe.Observations.ProbeFailure;
import io.telltale.agent.probe.ProbeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommonProbeToolsTest {

  @Test
  void parse_isLenient_andReturnsTheFallback() {
    assertThat(Parse.toInt(" 250mA\n", -1)).isEqualTo(250);
    assertThat(Parse.toInt("n/a", -1)).isEqualTo(-1);
    assertThat(Parse.toInt(null, 7)).isEqualTo(7);
    assertThat(Parse.toInt("99999999999", -1)).isEqualTo(-1);
    assertThat(Parse.hexToInt("0x1D6B", -1)).isEqualTo(0x1d6b);
    assertThat(Parse.hexToInt("zz", -1)).isEqualTo(-1);
    assertThat(Parse.hex4("1D6B\n")).isEqualTo("1d6b");
    assertThat(Parse.hex4(7)).isEqualTo("0007");
    assertThat(Parse.toDouble("59,94", 0)).isEqualTo(59.94);
  }

  @Test
  void hidDescriptor_absoluteMouse_relativeMouse_keyboard_truncated() {
    byte[] abs = HexFormat.of().parseHex("05010902a1010901a100050919012908150025019508750181020501"
        + "0930093116000026ff7f75109502810209381581257f750895018106c0c0");
    byte[] rel = HexFormat.of().parseHex("05010902a1010901a1000509190129031500250195037501810295017505"
        + "81010501093009310938158125" + "7f750895038106c0c0");
    byte[] kbd = HexFormat.of().parseHex("05010906a101050719e029e7150025017501950881029501750881"
        + "01950575010508190129059102950175039101950675081500256505071900296581" + "00c0");

    assertThat(HidCapabilities.parse(abs)).isEqualTo(new HidCapabilities(false, PointerMode.ABSOLUTE, false));
    assertThat(HidCapabilities.parse(rel).pointer()).isEqualTo(PointerMode.RELATIVE);
    assertThat(HidCapabilities.parse(kbd).keyboard()).isTrue();
    assertThat(HidCapabilities.parse(new byte[] {0x05, 0x01, 0x09})).isEqualTo(HidCapabilities.NONE);
  }

  @Test
  void usbFunctions_fromClassTriples_whenNoHidDescriptor() {
    List<UsbInterface> itfs = List.of(new UsbInterface(3, 1, 1, ""), new UsbInterface(3, 1, 2, ""),
        new UsbInterface(0xE0, 1, 3, ""), new UsbInterface(2, 2, 1, ""), new UsbInterface(1, 1, 0, ""),
        new UsbInterface(1, 2, 0, ""), new UsbInterface(0x0E, 1, 0, ""), new UsbInterface(8, 2, 0x50, ""),
        new UsbInterface(0xFF, 0, 0, ""), new UsbInterface(3, 0, 0, ""));

    assertThat(UsbFunctions.derive(itfs, List.of(), false)).containsExactly(UsbFunction.KEYBOARD,
        UsbFunction.MOUSE_RELATIVE, UsbFunction.NETWORK, UsbFunction.SERIAL, UsbFunction.AUDIO, UsbFunction.VIDEO,
        UsbFunction.CDROM, UsbFunction.OTHER, UsbFunction.HID_OTHER);
    assertThat(UsbFunctions.isRootHub("1d6b", "0003")).isTrue();
    assertThat(UsbFunctions.isRootHub("1d6b", "0104")).isFalse();
  }

  @Test
  void interfaceKinds_byNameAndDescription() {
    assertThat(InterfaceKinds.classify("NordLynx", "NordLynx Tunnel", InterfaceKind.OTHER)).isEqualTo(InterfaceKind.TUNNEL);
    assertThat(InterfaceKinds.classify("Ethernet 3", "TAP-Windows Adapter V9", InterfaceKind.ETHERNET))
        .isEqualTo(InterfaceKind.TUNNEL);
    assertThat(InterfaceKinds.classify("Ethernet 4", "Remote NDIS Compatible Device", InterfaceKind.ETHERNET))
        .isEqualTo(InterfaceKind.USB);
    assertThat(InterfaceKinds.classify("utun3", "", InterfaceKind.OTHER)).isEqualTo(InterfaceKind.TUNNEL);
    assertThat(InterfaceKinds.classify("vEthernet (WSL)", "Hyper-V Virtual Ethernet Adapter", InterfaceKind.ETHERNET))
        .isEqualTo(InterfaceKind.VIRTUAL);
    assertThat(InterfaceKinds.classify("en0", "Wi-Fi", InterfaceKind.ETHERNET)).isEqualTo(InterfaceKind.ETHERNET);
  }

  @Test
  void memoized_cachesValueAndFailuresUntilExpiry_andReReportsFailures() {
    AtomicInteger calls = new AtomicInteger();
    AbstractProbe<String> probe = new AbstractProbe<>("x") {
      @Override
      protected String collect(Failures failures) throws ProbeException {
        if (calls.incrementAndGet() == 1) {
          throw new ProbeException("command not found: x");
        }
        return "ok";
      }
    };
    MutableClock clock = new MutableClock();
    var memo = Memoized.of(probe, Duration.ofMinutes(10), clock);

    Failures f1 = new Failures();
    assertThat(memo.observe(f1)).isNull();
    Failures f2 = new Failures();
    assertThat(memo.observe(f2)).isNull();
    clock.now = clock.now.plus(Duration.ofMinutes(10));
    Failures f3 = new Failures();

    assertThat(memo.observe(f3)).isEqualTo("ok");
    assertThat(calls).hasValue(2);
    assertThat(f2.toList()).containsExactly(new ProbeFailure("x", "command not found: x"));
    assertThat(f3.toList()).isEmpty();
  }

  @Test
  void abstractProbe_turnsBugsIntoInternalErrors_andFailuresAreBounded() {
    AbstractProbe<String> buggy = new AbstractProbe<>("hardware.usb") {
      @Override
      protected String collect(Failures failures) {
        throw new IllegalStateException("boom with telemetry content");
      }
    };
    Failures f = new Failures();

    assertThat(buggy.observe(f)).isNull();
    assertThat(f.toList()).containsExactly(new ProbeFailure("hardware.usb", "internal error: IllegalStateException"));
    for (int i = 0; i < 100; i++) {
      f.add("p", "r" + i);
    }
    List<ProbeFailure> all = new ArrayList<>(f.toList());
    assertThat(all).hasSize(65);
    assertThat(all.get(64).reason()).isEqualTo("37 more probe failures left out");
  }

  @Test
  void command_missingExecutable_isCommandNotFound() {
    ProbeException e = org.junit.jupiter.api.Assertions.assertThrows(ProbeException.class,
        () -> Command.run("telltale-no-such-command-xyz"));
    assertThat(e.getMessage()).isEqualTo("command not found: telltale-no-such-command-xyz");
  }

  private static final class MutableClock extends Clock {
    Instant now = Instant.parse("2025-03-04T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
