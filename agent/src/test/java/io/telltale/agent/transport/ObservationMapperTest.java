package io.telltale.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.probe.SampleObservations;
import io.telltale.proto.v1.InputBus;
import io.telltale.proto.v1.LidState;
import io.telltale.proto.v1.OsFamily;
import io.telltale.proto.v1.PointerMode;
import io.telltale.proto.v1.ReportRequest;
import io.telltale.proto.v1.SessionKind;
import io.telltale.proto.v1.Tristate;
import io.telltale.proto.v1.UsbFunction;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObservationMapperTest {

  private static final byte[] KEY = new byte[32];

  static {
    Arrays.fill(KEY, (byte) 3);
  }

  private static ReportRequest map(Observations obs, ActivityRecord activity, IdentifierHasher hasher) {
    ReportRequest.Builder b = ReportRequest.newBuilder();
    ObservationMapper.fill(b, obs, activity, hasher);
    return b.build();
  }

  @Test
  void everySection_isMapped() {
    ReportRequest r = map(SampleObservations.farmLaptop(), null, IdentifierHasher.plain());

    assertThat(r.getSystem().getOsFamily()).isEqualTo(OsFamily.OS_FAMILY_LINUX);
    assertThat(r.getSystem().getUptimeSeconds()).isEqualTo(86_400L * 21);
    assertThat(r.getSoftware().getProcesses(0).getInstances()).isEqualTo(2);
    assertThat(r.getSoftware().getListeners(0).getPort()).isEqualTo(7070);
    assertThat(r.getHardware().getUsbDevices(0).getFunctionsList()).containsExactly(
        UsbFunction.USB_FUNCTION_KEYBOARD, UsbFunction.USB_FUNCTION_MOUSE_ABSOLUTE, UsbFunction.USB_FUNCTION_CDROM);
    assertThat(r.getHardware().getUsbDevices(0).getInterfaces(2).getInterfaceClass()).isEqualTo(8);
    assertThat(r.getHardware().getDisplays(0).getSerialNumber()).isEqualTo(0x01010101);
    assertThat(r.getHardware().getDisplays(0).getRefreshMillihz()).isEqualTo(60_000);
    assertThat(r.getHardware().getInputDevices(0).getPointer()).isEqualTo(PointerMode.POINTER_MODE_ABSOLUTE);
    assertThat(r.getHardware().getInputDevices(0).getBus()).isEqualTo(InputBus.INPUT_BUS_USB);
    assertThat(r.getLocale().getKeyboardLayoutsList()).containsExactly("en-US", "ko-KR");
    assertThat(r.getPower().getLid()).isEqualTo(LidState.LID_STATE_CLOSED);
    assertThat(r.getPower().getOnAc()).isEqualTo(Tristate.TRISTATE_TRUE);
    assertThat(r.getSessions().getSessions(0).getKind()).isEqualTo(SessionKind.SESSION_KIND_SSH);
    assertThat(r.getSessions().getRemoteSession()).isEqualTo(Tristate.TRISTATE_UNSPECIFIED);
    assertThat(r.getErrors(0).getReason()).isEqualTo("command not found: nmcli");
    assertThat(r.hasActivity()).isFalse();
  }

  @Test
  void hashedMode_hashesMacsSsidAndBssid_butKeepsOuisClear() {
    IdentifierHasher hasher = IdentifierHasher.hashed(KEY);
    ReportRequest r = map(SampleObservations.farmLaptop(), null, hasher);

    assertThat(r.getNetwork().getGateway().getMac()).isEqualTo(hasher.network("94:83:c4:aa:bb:cc")).startsWith("hmac:");
    assertThat(r.getNetwork().getGateway().getMacOui()).isEqualTo("94:83:c4");
    assertThat(r.getNetwork().getNeighbors(0).getMac()).startsWith("hmac:");
    assertThat(r.getNetwork().getNeighbors(0).getMacOui()).isEqualTo("dc:a6:32");
    assertThat(r.getNetwork().getNeighbors(0).getHostname()).isEqualTo("pikvm.local");
    assertThat(r.getNetwork().getInterfaces(0).getMac()).startsWith("hmac:");
    assertThat(r.getNetwork().getWifi().getSsid()).isEqualTo(hasher.network("HomeNet"));
    assertThat(r.getNetwork().getWifi().getBssidOui()).isEqualTo("94:83:c4");
    assertThat(r.toString()).doesNotContain("HomeNet").doesNotContainIgnoringCase("aa:bb:cc");
  }

  @Test
  void nullSections_stayUnset_notEmpty() {
    Observations empty = new Observations(SampleObservations.NOW, null, null, null, null, null, null, null, List.of());
    ReportRequest r = map(empty, ActivityRecord.empty(100), IdentifierHasher.plain());

    assertThat(r.hasSystem()).isFalse();
    assertThat(r.hasNetwork()).isFalse();
    assertThat(r.hasPower()).isFalse();
    assertThat(r.hasActivity()).isTrue();
    assertThat(r.getActivity().getFirstMinute()).isEqualTo(100);
  }

  @Test
  void activity_minutesAndSources_areMapped() {
    ActivityRecord a = new ActivityRecord(1000, 5,
        List.of(new ActivityRecord.Minute(2, 10, 0, 4, 0, 1), new ActivityRecord.Minute(4, 0, 0, 2, 60, 1)),
        List.of("1d6b:0104"));
    ReportRequest r = map(SampleObservations.farmLaptop(), a, IdentifierHasher.plain());

    assertThat(r.getActivity().getMinutesCovered()).isEqualTo(5);
    assertThat(r.getActivity().getMinutes(1).getJigglePeriodSeconds()).isEqualTo(60);
    assertThat(r.getActivity().getMinutes(0).getExternalSource()).isEqualTo(1);
    assertThat(r.getActivity().getExternalSourcesList()).containsExactly("1d6b:0104");
  }
}
