package io.telltale.collector.detect;

import static io.telltale.collector.detect.TestObjects.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.telltale.collector.model.HardwareFacts;
import io.telltale.collector.model.NetworkFacts;
import io.telltale.collector.model.SessionFacts;
import io.telltale.collector.model.SoftwareFacts;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceExtractorTest {

  private final EvidenceExtractor extractor = new EvidenceExtractor(CATALOGUE);

  private List<Evidence> of(TestObjects.ReportBuilder b) {
    return extractor.extract(b.build()).evidence();
  }

  private static List<String> signals(List<Evidence> ev) {
    return ev.stream().map(Evidence::signal).distinct().sorted().toList();
  }

  @Test
  void pikvmDefaults_giveUsbIdentity_structure_andDefaultEdid() {
    List<Evidence> ev = of(report("d1").hardware(hardware(List.of(PIKVM_USB), List.of(PANEL, PIKVM_EDID))));
    assertThat(signals(ev)).contains("kvm.usb_identity", "kvm.usb_structure", "kvm.edid_default");
    Evidence id = ev.stream().filter(e -> e.signal().equals("kvm.usb_identity")).findFirst().orElseThrow();
    assertThat(id.detail()).containsEntry("usb_id", "1d6b:0104").containsEntry("serial", "CAFEBABE");
    assertThat(id.summary()).contains("PiKVM");
  }

  @Test
  void spoofedIds_stillShowTheKvmStructure_butNoIdentity() {
    List<Evidence> ev = of(report("d1").hardware(hardware(List.of(SPOOFED_KVM_USB), List.of(PANEL))));
    assertThat(signals(ev)).containsExactly("kvm.usb_structure");
  }

  @Test
  void vmTablet_andOrdinaryReceiver_areNotKvms() {
    List<Evidence> ev = of(report("d1").hardware(hardware(List.of(QEMU_TABLET, LOGITECH_RECEIVER), List.of(PANEL))));
    assertThat(ev).isEmpty();
  }

  @Test
  void absolutePointerInputDevice_countsUnlessTouchscreen() {
    HardwareFacts hw = new HardwareFacts(List.of(), List.of(), List.of(
        new HardwareFacts.InputDevice("Composite HID", HardwareFacts.InputBus.USB, "1234", "5678", true,
            HardwareFacts.PointerMode.ABSOLUTE),
        new HardwareFacts.InputDevice("ELAN Touchscreen", HardwareFacts.InputBus.USB, "04f3", "2a1c", false,
            HardwareFacts.PointerMode.ABSOLUTE)), List.of());
    assertThat(of(report("d1").hardware(hw))).extracting(Evidence::summary)
        .singleElement().asString().contains("Composite HID");
  }

  @Test
  void clonedPresetAndCaptureEdids_areTheirOwnSignals() {
    HardwareFacts.Display capture = display(false, true, "HJW", 0x1836, 0, "MACROSILICON", "", 60);
    assertThat(signals(of(report("d1").hardware(hardware(List.of(), List.of(JETKVM_ACER_PRESET, capture))))))
        .containsExactly("kvm.edid_capture", "kvm.edid_clone");
  }

  @Test
  void tc358743DefaultSerial_isAKvmDefault_evenWithAnUnlistedProductCode() {
    HardwareFacts.Display d = display(false, true, "TSB", 0x1234, 0x88888800L, "Custom", "", 60);
    assertThat(signals(of(report("d1").hardware(hardware(List.of(), List.of(d))))))
        .containsExactly("kvm.edid_default");
  }

  @Test
  void realMonitor_givesNothing() {
    assertThat(of(report("d1").hardware(hardware(List.of(LOGITECH_RECEIVER), List.of(PANEL, DELL_MONITOR)))))
        .isEmpty();
  }

  @Test
  void anyDesk_isInstalledRunningAndListening() {
    List<Evidence> ev = of(report("d1").software(anyDesk()));
    assertThat(signals(ev)).containsExactly("remote.installed", "remote.listening", "remote.running");
    assertThat(ev).allSatisfy(e -> assertThat(e.detail("family")).isEqualTo("AnyDesk"));
  }

  @Test
  void renamedBinary_isFoundBySigner() {
    SoftwareFacts sw = new SoftwareFacts(List.of(new SoftwareFacts.RunningProcess("svc-helper.exe",
        "C:\\tools\\svc-helper.exe", "philandro Software GmbH", "", "", 1)), List.of(), List.of(), List.of());
    List<Evidence> ev = of(report("d1").software(sw));
    assertThat(ev).singleElement().satisfies(e -> {
      assertThat(e.detail("family")).isEqualTo("AnyDesk");
      assertThat(e.summary()).contains("signed by philandro");
    });
  }

  @Test
  void astrill_byProcessPath_andAdapter() {
    SoftwareFacts sw = software(List.of("/usr/local/Astrill/astrill", "asproxy"), List.of(), List.of(), List.of());
    NetworkFacts net = new NetworkFacts(List.of(new NetworkFacts.NetworkInterface("tap0", "Astrill TAP Adapter",
        NetworkFacts.InterfaceKind.TUNNEL, true, List.of(), "", "")), null, List.of(), null, List.of(), List.of());
    List<Evidence> ev = of(report("d1").software(sw).network(net));
    assertThat(ev).isNotEmpty().allSatisfy(e -> assertThat(e.signal()).isEqualTo("vpn.astrill"));
    assertThat(ev).extracting(Evidence::key).anyMatch(k -> k.contains("adapter"));
  }

  @Test
  void kvmNeighbours_byNameAndVendorBlock_raspberryPiIsOnlyABoard() {
    NetworkFacts net = network("hmac:gw", "hmac:bssid", List.of(neighbor("hmac:aa", "pikvm-2"),
        new NetworkFacts.Neighbor("hmac:bb", "30:52:53", ""), new NetworkFacts.Neighbor("hmac:cc", "dc:a6:32", "homelab")));
    assertThat(of(report("d1").network(net))).extracting(Evidence::signal)
        .containsExactlyInAnyOrder("kvm.neighbor", "kvm.neighbor", "kvm.neighbor_board");
  }

  @Test
  void jigglePeriods_andExternalInputSources_areRecorded() {
    List<Evidence> ev = of(report("d1").activity(30, 0, 0, 1, 60, "1d6b:0104"));
    assertThat(signals(ev)).contains("kvm.jiggle_period");
    List<Evidence> ext = of(report("d1").activity(30, 0, 0, 5, 0, "1d6b:0104"));
    assertThat(ext).extracting(Evidence::signal).containsExactly("input.external_source");
  }

  @Test
  void remoteSessions_markTheirHour_withTheFamiliesTheyWentThrough() {
    SessionFacts open = new SessionFacts(List.of(session(SessionFacts.Kind.CONSOLE, ""),
        session(SessionFacts.Kind.SSH, ""), session(SessionFacts.Kind.REMOTE_TOOL, "anydesk"),
        session(SessionFacts.Kind.REMOTE_TOOL, "Microsoft Quick Assist")), true, null, 0, false);
    var x = extractor.extract(report("d1").sessions(open).build());
    assertThat(x.hours()).singleElement().satisfies(h -> {
      assertThat(h.has(HourBits.REMOTE_SESSION)).isTrue();
      assertThat(h.sessionFamilies()).as("the console being remote is RDP")
          .containsExactlyInAnyOrder("AnyDesk", "Microsoft Quick Assist", "RDP");
    });
    assertThat(x.evidence()).filteredOn(e -> e.signal().equals("remote.session"))
        .extracting(e -> e.detail("family"), e -> e.detail("weak"))
        .containsExactlyInAnyOrder(tuple("AnyDesk", "false"), tuple("Microsoft Quick Assist", "true"));

    SessionFacts local = new SessionFacts(List.of(session(SessionFacts.Kind.CONSOLE, ""),
        session(SessionFacts.Kind.SSH, "")), false, null, 0, false);
    assertThat(extractor.extract(report("d1").sessions(local).build()).hours()).singleElement().satisfies(h -> {
      assertThat(h.has(HourBits.REMOTE_SESSION)).isFalse();
      assertThat(h.sessionFamilies()).isEmpty();
    });
  }

  private static SessionFacts.Session session(SessionFacts.Kind kind, String tool) {
    return new SessionFacts.Session(kind, "u", tool, "", null);
  }

  @Test
  void hourBits_foldMinutes_andPowerFlags() {
    var x = extractor.extract(report("d1").power(true, false).activity(90, 3, 0, 0, 0, "").build());
    int minutes = x.hours().stream().mapToInt(HourBits::activeMinutes).sum();
    assertThat(minutes).isEqualTo(90);
    assertThat(x.hours()).anyMatch(h -> h.has(HourBits.LID_CLOSED_ON_AC) && h.has(HourBits.REPORTED));
  }
}
