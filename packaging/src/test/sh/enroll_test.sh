# common/enroll-pending against a scratch state directory and a fake agent that records its arguments.

enroll_fixture() { # enroll_fixture [AGENT_EXIT_CODE]
  export TELLTALE_HOME=$SCRATCH/home TELLTALE_STATE_DIR=$SCRATCH/state \
    TELLTALE_ENROLL_ENV=$SCRATCH/etc/enroll.env TELLTALE_CONFIG=$SCRATCH/etc/agent.yml
  unset TELLTALE_ENROLL_TOKEN TELLTALE_ENROLL_CA TELLTALE_COLLECTOR_ADDRESS
  mkdir -p "$TELLTALE_HOME/bin" "$TELLTALE_STATE_DIR" "$SCRATCH/etc"
  cat > "$TELLTALE_HOME/bin/telltale-agent" <<SH
#!/bin/sh
printf '%s\n' "\$@" > "$SCRATCH/agent.args"
exit ${1:-0}
SH
  chmod +x "$TELLTALE_HOME/bin/telltale-agent"
  echo "-----BEGIN CERTIFICATE-----" > "$SCRATCH/etc/ca.crt"
}
enroll() { sh "$PACKAGING/common/enroll-pending" 2> "$SCRATCH/enroll.err"; }
agent_args() { paste -sd' ' "$SCRATCH/agent.args" 2>/dev/null; }

test_enrollPending_withTokenCaAndAddressInEnvFile_enrollsIntoStateDir() {
  enroll_fixture
  printf 'TELLTALE_COLLECTOR_ADDRESS=collector.corp:8443\nTELLTALE_ENROLL_TOKEN="tok-1"\n' > "$TELLTALE_ENROLL_ENV"
  enroll || fail "exit $?: $(cat "$SCRATCH/enroll.err")"
  assert_eq "$(agent_args)" "enroll --collector collector.corp:8443 --token tok-1 --ca $SCRATCH/etc/ca.crt --state-dir $SCRATCH/state"
}

test_enrollPending_alreadyEnrolled_doesNothing() {
  enroll_fixture
  printf 'TELLTALE_ENROLL_TOKEN=tok\nTELLTALE_COLLECTOR_ADDRESS=c:1\n' > "$TELLTALE_ENROLL_ENV"
  for f in device-id client.key client.crt; do echo x > "$TELLTALE_STATE_DIR/$f"; done
  enroll || fail "exit $?"
  assert_no_file "$SCRATCH/agent.args"
}

test_enrollPending_revokedDevice_isNotReenrolledWithTheMdmToken() {
  enroll_fixture
  printf 'TELLTALE_ENROLL_TOKEN=tok\nTELLTALE_COLLECTOR_ADDRESS=c:1\n' > "$TELLTALE_ENROLL_ENV"
  for f in device-id client.key client.crt; do echo x > "$TELLTALE_STATE_DIR/$f"; done
  printf 'revoked_at=2025-04-14T08\\:00\\:00Z\n' > "$TELLTALE_STATE_DIR/revoked.properties"
  enroll || fail "exit $?"
  assert_no_file "$SCRATCH/agent.args"
}

test_enrollPending_withoutToken_exitsZeroAndSaysWhy() {
  enroll_fixture
  enroll || fail "exit $?"
  assert_no_file "$SCRATCH/agent.args"
  assert_contains "$(cat "$SCRATCH/enroll.err")" "no TELLTALE_ENROLL_TOKEN"
}

test_enrollPending_addressFromAgentYml_whenEnvFileHasNone() {
  enroll_fixture
  echo "TELLTALE_ENROLL_TOKEN=tok" > "$TELLTALE_ENROLL_ENV"
  cat > "$TELLTALE_CONFIG" <<'YML'
# sample
report:
  address: "not-this:1"
collector:
  # HOST:PORT of the collector.
  address: "collector.example.com:8443"   # the collector
spool:
  max_bytes: 1
YML
  enroll || fail "exit $?: $(cat "$SCRATCH/enroll.err")"
  assert_contains "$(agent_args)" "--collector collector.example.com:8443 "
}

test_enrollPending_addressFromThePackagedAgentYml() {
  [[ -f $PACKAGING/agent.yml ]] || skip "packaging/agent.yml not present"
  enroll_fixture
  echo "TELLTALE_ENROLL_TOKEN=tok" > "$TELLTALE_ENROLL_ENV"
  cp "$PACKAGING/agent.yml" "$TELLTALE_CONFIG"
  enroll || fail "exit $?: $(cat "$SCRATCH/enroll.err")"
  assert_contains "$(agent_args)" "--collector "
  assert_not_contains "$(agent_args)" "--collector --token"
}

test_enrollPending_missingCa_exitsTwoWithTheExpectedFile() {
  enroll_fixture
  printf 'TELLTALE_ENROLL_TOKEN=tok\nTELLTALE_COLLECTOR_ADDRESS=c:1\nTELLTALE_ENROLL_CA=/nonexistent/ca.pem\n' > "$TELLTALE_ENROLL_ENV"
  enroll; rc=$?
  assert_eq "$rc" 2
  assert_contains "$(cat "$SCRATCH/enroll.err")" "TELLTALE_ENROLL_CA: /nonexistent/ca.pem is not a readable file"
}

test_enrollPending_agentFails_exitsOneSoTheServiceRetries() {
  enroll_fixture 1
  printf 'TELLTALE_ENROLL_TOKEN=tok\nTELLTALE_COLLECTOR_ADDRESS=c:1\n' > "$TELLTALE_ENROLL_ENV"
  enroll; rc=$?
  assert_eq "$rc" 1
}

test_enrollPending_neverExecutesTheEnvFile() {
  enroll_fixture
  cat > "$TELLTALE_ENROLL_ENV" <<EOT
touch $SCRATCH/pwned
TELLTALE_ENROLL_TOKEN=tok\$(touch $SCRATCH/pwned2)
TELLTALE_COLLECTOR_ADDRESS=c:1
EOT
  enroll || fail "exit $?"
  assert_no_file "$SCRATCH/pwned"
  assert_no_file "$SCRATCH/pwned2"
  assert_contains "$(agent_args)" "--token tok\$(touch $SCRATCH/pwned2)"
}

test_enrollPending_environmentWinsOverEnvFile() {
  enroll_fixture
  printf 'TELLTALE_ENROLL_TOKEN=from-file\nTELLTALE_COLLECTOR_ADDRESS=file:1\n' > "$TELLTALE_ENROLL_ENV"
  TELLTALE_ENROLL_TOKEN=from-env enroll || fail "exit $?"
  assert_contains "$(agent_args)" "--token from-env "
  assert_contains "$(agent_args)" "--collector file:1 "
}
