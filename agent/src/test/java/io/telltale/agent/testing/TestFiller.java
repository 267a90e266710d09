package io.telltale.agent.testing;

import io.telltale.agent.probe.ActivityRecord;
import io.telltale.agent.probe.Observations;
import io.telltale.agent.transport.SectionFiller;
import io.telltale.proto.v1.ActivityMinute;
import io.telltale.proto.v1.LidState;
import io.telltale.proto.v1.Power;
import io.telltale.proto.v1.Process;
import io.telltale.proto.v1.Session;
import io.telltale.proto.v1.SessionKind;
import io.telltale.proto.v1.SessionState;
import io.telltale.proto.v1.Software;
import io.telltale.proto.v1.SystemInfo;
import io.telltale.proto.v1.Tristate;

/**
 * Test stand-in for the probes' ObservationMapper: maps the few facts delivery tests look at. Records which
 * privacy mode it was made for.
 */
public final class TestFiller {

  private TestFiller() {}

  public static final SectionFiller.Factory FACTORY = (mode, key) -> (b, obs, activity) -> fill(b, obs, activity);

  public static void fill(io.telltale.proto.v1.ReportRequest.Builder b, Observations obs, ActivityRecord activity) {
    if (obs.system() != null) {
      b.setSystem(SystemInfo.newBuilder().setHostname(obs.system().hostname())
          .setUptimeSeconds(obs.system().uptimeSeconds()).setHardwareSerial(obs.system().hardwareSerial()));
    }
    if (obs.software() != null) {
      Software.Builder s = Software.newBuilder();
      obs.software().processes().forEach(p -> s.addProcesses(Process.newBuilder().setName(p.name()).setInstances(1)));
      b.setSoftware(s);
    }
    if (obs.power() != null) {
      b.setPower(Power.newBuilder().setHasBattery(Tristate.TRISTATE_TRUE).setOnAc(Tristate.TRISTATE_TRUE)
          .setBatteryPercent(obs.power().batteryPercent())
          .setLid(Boolean.FALSE.equals(obs.power().lidOpen()) ? LidState.LID_STATE_CLOSED : LidState.LID_STATE_OPEN));
    }
    if (obs.sessions() != null) {
      SessionState.Builder s = SessionState.newBuilder().setIdleSeconds(obs.sessions().idleSeconds())
          .setScreenLocked(Tristate.TRISTATE_FALSE);
      obs.sessions().sessions().forEach(x -> s.addSessions(Session.newBuilder().setKind(SessionKind.SESSION_KIND_CONSOLE).setUser(x.user())));
      b.setSessions(s);
    }
    io.telltale.proto.v1.ActivityRecord.Builder a = io.telltale.proto.v1.ActivityRecord.newBuilder()
        .setFirstMinute(activity.firstMinute()).setMinutesCovered(activity.minutesCovered())
        .addAllExternalSources(activity.externalSources());
    activity.minutes().forEach(m -> a.addMinutes(ActivityMinute.newBuilder().setOffset(m.offset())
        .setLocalEvents(m.localEvents()).setInjectedEvents(m.injectedEvents()).setExternalEvents(m.externalEvents())
        .setJigglePeriodSeconds(m.jigglePeriodSeconds()).setExternalSource(m.externalSource())));
    b.setActivity(a);
  }
}
