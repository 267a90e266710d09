# Maintainer scripts (shared by .deb and .rpm) against a scratch DPKG_ROOT with a fake systemctl.

agent_control=$PACKAGING/linux/agent/control
collector_control=$PACKAGING/linux/collector/control

# A fake systemctl on PATH that records its arguments; `is-enabled` answers from $SCRATCH/enabled.
fake_systemd() {
  mkdir -p "$SCRATCH/bin" "$SCRATCH/root/run/systemd/system"
  cat > "$SCRATCH/bin/systemctl" <<'SH'
#!/bin/sh
echo "$*" >> "$SCRATCH/systemctl.log"
case "$*" in *is-enabled*) [ -f "$SCRATCH/enabled" ] ;; esac
SH
  chmod +x "$SCRATCH/bin/systemctl"
  export PATH="$SCRATCH/bin:$PATH" DPKG_ROOT="$SCRATCH/root" SCRATCH
  touch "$SCRATCH/systemctl.log"
}
calls() { cat "$SCRATCH/systemctl.log"; }

test_agent_postinst_firstInstall_createsPrivateStateDir_enablesAndStartsWithoutBlocking() {
  fake_systemd
  sh "$agent_control/postinst" configure "" || fail "postinst failed"
  assert_mode "$DPKG_ROOT/var/lib/telltale" 700
  assert_contains "$(calls)" "--quiet enable telltale-agent.service telltale-agent-enroll.path"
  assert_contains "$(calls)" "--no-block start telltale-agent-enroll.path telltale-agent.service"
}

test_agent_postinst_rpmFirstInstall_behavesLikeDebianConfigure() {
  fake_systemd
  sh "$agent_control/postinst" 1 || fail "postinst failed"
  assert_contains "$(calls)" "enable telltale-agent.service"
  assert_contains "$(calls)" "--no-block start"
}

test_agent_postinst_upgrade_restartsEnabledAgent_withoutReenabling() {
  fake_systemd
  touch "$SCRATCH/enabled"
  sh "$agent_control/postinst" configure 0.0.9 || fail "postinst failed"
  assert_contains "$(calls)" "--no-block restart telltale-agent.service"
  assert_not_contains "$(calls)" "enable telltale-agent.service"
}

test_agent_postinst_upgrade_leavesDisabledAgentAlone() {
  fake_systemd
  sh "$agent_control/postinst" 2 || fail "postinst failed"
  assert_not_contains "$(calls)" "restart"
  assert_not_contains "$(calls)" "start"
}

test_agent_postinst_withoutRunningSystemd_enablesButDoesNotStart() {
  fake_systemd
  rm -rf "$DPKG_ROOT/run/systemd"
  sh "$agent_control/postinst" configure "" || fail "postinst failed"
  assert_contains "$(calls)" "enable telltale-agent.service"
  assert_not_contains "$(calls)" "start"
  assert_not_contains "$(calls)" "daemon-reload"
}

test_agent_postinst_tightensEnrollEnvPermissions() {
  fake_systemd
  mkdir -p "$DPKG_ROOT/etc/telltale"
  echo "TELLTALE_ENROLL_TOKEN=secret" > "$DPKG_ROOT/etc/telltale/enroll.env"
  chmod 644 "$DPKG_ROOT/etc/telltale/enroll.env"
  sh "$agent_control/postinst" configure "" || fail "postinst failed"
  assert_mode "$DPKG_ROOT/etc/telltale/enroll.env" 600
}

test_agent_prerm_upgrade_keepsAgentRunning() {
  fake_systemd
  sh "$agent_control/prerm" upgrade 0.2.0 || fail "prerm failed"
  sh "$agent_control/prerm" 1 || fail "prerm (rpm upgrade) failed"
  assert_eq "$(calls)" ""
}

test_agent_prerm_remove_disablesAndStops() {
  fake_systemd
  sh "$agent_control/prerm" remove || fail "prerm failed"
  assert_contains "$(calls)" "disable --now telltale-agent-enroll.path telltale-agent.service"
}

agent_state_fixture() {
  mkdir -p "$DPKG_ROOT/var/lib/telltale/spool" "$DPKG_ROOT/etc/telltale"
  echo key > "$DPKG_ROOT/var/lib/telltale/client.key"
  echo "TELLTALE_ENROLL_TOKEN=t" > "$DPKG_ROOT/etc/telltale/enroll.env"
  echo "-----BEGIN CERTIFICATE-----" > "$DPKG_ROOT/etc/telltale/ca.crt"
}

test_agent_postrm_remove_keepsStateForReinstall() {
  fake_systemd
  agent_state_fixture
  sh "$agent_control/postrm" remove || fail "postrm failed"
  assert_file "$DPKG_ROOT/var/lib/telltale/client.key"
  assert_file "$DPKG_ROOT/etc/telltale/enroll.env"
}

test_agent_postrm_purge_deletesStateAndToken() {
  fake_systemd
  agent_state_fixture
  sh "$agent_control/postrm" purge || fail "postrm failed"
  assert_no_file "$DPKG_ROOT/var/lib/telltale"
  assert_no_file "$DPKG_ROOT/etc/telltale"
}

test_agent_postrm_purge_keepsEtcTelltaleWhenTheCollectorStillUsesIt() {
  fake_systemd
  agent_state_fixture
  echo "server: {}" > "$DPKG_ROOT/etc/telltale/collector.yml"
  sh "$agent_control/postrm" purge || fail "postrm failed"
  assert_file "$DPKG_ROOT/etc/telltale/collector.yml"
  assert_no_file "$DPKG_ROOT/etc/telltale/enroll.env"
}

test_agent_postrm_rpmErase_deletesState_butRpmUpgradeDoesNot() {
  fake_systemd
  agent_state_fixture
  sh "$agent_control/postrm" 1 || fail "postrm (upgrade) failed"
  assert_file "$DPKG_ROOT/var/lib/telltale/client.key"
  sh "$agent_control/postrm" 0 || fail "postrm (erase) failed"
  assert_no_file "$DPKG_ROOT/var/lib/telltale"
}

test_collector_postinst_firstInstall_enablesAndStarts() {
  fake_systemd
  sh "$collector_control/postinst" configure "" || fail "postinst failed"
  assert_mode "$DPKG_ROOT/var/lib/telltale-collector" 750
  assert_contains "$(calls)" "--quiet enable telltale-collector.service"
  assert_contains "$(calls)" "--no-block start telltale-collector.service"
}

test_collector_postrm_removeKeepsData_purgeDeletesIt() {
  fake_systemd
  mkdir -p "$DPKG_ROOT/var/lib/telltale-collector/pki"
  sh "$collector_control/postrm" remove || fail "postrm remove failed"
  assert_file "$DPKG_ROOT/var/lib/telltale-collector/pki"
  sh "$collector_control/postrm" purge || fail "postrm purge failed"
  assert_no_file "$DPKG_ROOT/var/lib/telltale-collector"
}

test_maintainerScripts_arePosixSh() {
  for f in "$agent_control"/p* "$collector_control"/p* "$PACKAGING"/common/*; do
    sh -n "$f" || fail "$f: syntax error"
    head -1 "$f" | grep -qx '#!/bin/sh' || fail "$f: expected #!/bin/sh (dash on Debian, RPM scriptlets)"
  done
  if command -v dash >/dev/null 2>&1; then
    for f in "$agent_control"/p* "$collector_control"/p*; do dash -n "$f" || fail "$f: dash syntax error"; done
  fi
}
