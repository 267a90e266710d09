package io.telltale.agent;

import io.telltale.agent.config.AgentState;
import io.telltale.agent.config.Revocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run} on a device the collector revoked: nothing is observed, spooled or sent, and no connection is
 * made. One line says why and how to resume, and the agent exits 0, which every service definition in
 * packaging/ treats as "stay stopped" (systemd Restart=on-failure, launchd KeepAlive SuccessfulExit=false,
 * WinSW reports a clean stop to the SCM), so a revoked laptop is started once per boot and stops at once.
 */
final class RevokedDevice {

  private static final Logger logger = LoggerFactory.getLogger(RevokedDevice.class);

  private RevokedDevice() {}

  /** Deletes a spool left behind (a crash between recording the revocation and deleting it), logs, returns 0. */
  static int stayStopped(AgentState state, Revocation revocation) {
    try {
      if (state.deleteSpool()) {
        logger.info("{} - deleted the spool left behind by the revocation", revocation.deviceId());
      }
    } catch (RuntimeException e) {
      logger.warn("{} - could not delete the spool of the revoked device: {}", revocation.deviceId(), e.getMessage());
    }
    logger.warn("{} - {}; nothing is collected or sent, and the agent exits. To resume, enroll again: "
        + "telltale-agent enroll --collector HOST:PORT --token TOKEN --ca CA_FILE (state in {})",
        revocation.deviceId(), revocation.describe(), state.dir());
    return 0;
  }
}
