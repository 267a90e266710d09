# systemd units, JVM option files and launchers.

# A scratch root holding the host's systemd units, ours, and our real launchers with a fake java, so
# `systemd-analyze verify` checks our files and their ExecStart paths without installing anything.
unit_root() {
  command -v systemd-analyze >/dev/null 2>&1 || skip "systemd-analyze not installed"
  [[ -d /usr/lib/systemd/system ]] || skip "no systemd unit directory on this machine"
  local r=$SCRATCH/root
  mkdir -p "$r/usr/lib/systemd" "$r/etc/systemd/system" "$r/etc/telltale"
  cp -a /usr/lib/systemd/system "$r/usr/lib/systemd/system"
  cp "$PACKAGING"/linux/agent/*.service "$PACKAGING"/linux/agent/*.path "$PACKAGING"/linux/collector/*.service \
    "$r/etc/systemd/system/"
  mkdir -p "$r/opt/telltale/agent/bin" "$r/opt/telltale/collector/bin"
  cp "$PACKAGING"/common/* "$r/opt/telltale/agent/bin/"
  cp "$PACKAGING"/linux/collector/bin/* "$r/opt/telltale/collector/bin/"
  echo "$r"
}

# Prints what systemd-analyze says about our units; fails when it says anything or exits non-zero.
verify_our_units() {
  local out rc ours
  out=$(systemd-analyze verify --root="$1" telltale-agent.service telltale-agent-enroll.path \
    telltale-collector.service 2>&1); rc=$?
  # Lines about the host's own units (symlink loops in the copy) are not ours.
  ours=$(grep -E 'telltale' <<< "$out" || true)
  echo "$ours"
  [[ $rc -eq 0 && -z $ours ]]
}

test_systemdUnits_verifyCleanly() {
  local r; r=$(unit_root) || exit $?
  out=$(verify_our_units "$r") || fail "systemd-analyze verify: $out"
}

test_systemdUnits_verify_catchesAnUnknownKey() {
  # Guards the guard: a typo in a unit must make the previous test fail.
  local r; r=$(unit_root) || exit $?
  sed -i 's/^ProtectSystem=strict/ProtectSytem=strict/' "$r/etc/systemd/system/telltale-agent.service"
  out=$(verify_our_units "$r") && fail "verify passed a unit with an unknown key"
  assert_contains "$out" "Unknown key 'ProtectSytem'"
}

test_agentUnit_isConfinedButCanReadWhatProbesNeed() {
  local u; u=$(cat "$PACKAGING/linux/agent/telltale-agent.service")
  for line in "ProtectSystem=strict" "ReadWritePaths=/var/lib/telltale" "NoNewPrivileges=yes" \
      "ProtectHome=read-only" "Restart=on-failure" "MemoryMax=256M" "StandardError=journal" \
      "CapabilityBoundingSet=CAP_DAC_READ_SEARCH CAP_SYS_PTRACE" "DeviceAllow=char-input r" \
      "ExecStart=/opt/telltale/agent/bin/telltale-agent run --config /etc/telltale/agent.yml"; do
    grep -qxF -- "$line" <<< "$u" || fail "telltale-agent.service: expected line [$line]"
  done
  ! grep -q '^MemoryDenyWriteExecute=yes' <<< "$u" || fail "MemoryDenyWriteExecute breaks the JIT"
  ! grep -q '^PrivateDevices=yes' <<< "$u" || fail "PrivateDevices hides /dev/input from the activity probe"
}

test_agentUnit_securityExposure_isLow() {
  command -v systemd-analyze >/dev/null 2>&1 || skip "systemd-analyze not installed"
  local r; r=$(unit_root) || exit $?
  out=$(systemd-analyze security --offline=true --root="$r" telltale-agent.service 2>/dev/null | tail -1)
  score=$(grep -oE '[0-9]+\.[0-9]+' <<< "$out" | head -1)
  [[ -n $score ]] || skip "no exposure score printed: $out"
  awk -v s="$score" 'BEGIN { exit !(s <= 5.0) }' || fail "exposure $score (expected: <= 5.0): $out"
  echo "agent unit exposure: $score"
}

test_jvmOptionFiles_areAcceptedByTheBuildJdk() {
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java
  for f in agent collector; do
    out=$("$java" "@$PACKAGING/jvm/$f.jvmopts" -version 2>&1) || fail "$f.jvmopts rejected: $out"
  done
}

test_agentJvmOptions_areTheFootprintOnes() {
  local java=${JAVA_HOME:+$JAVA_HOME/bin/}java
  flags=$("$java" "@$PACKAGING/jvm/agent.jvmopts" -XX:+PrintFlagsFinal -version 2>/dev/null)
  for f in "bool UseSerialGC += true" "size_t MaxHeapSize += 50331648" "intx TieredStopAtLevel += 1" \
      "uintx ReservedCodeCacheSize += 16777216"; do
    grep -qE "^ *${f// /[[:space:]]}" <<< "$flags" || fail "expected $f"
  done
}

test_launcher_followsTheUsrBinLink_andPassesJvmOptionsAndArguments() {
  local home=$SCRATCH/opt/telltale/agent
  mkdir -p "$home/bin" "$home/runtime/bin" "$SCRATCH/usr/bin"
  cp "$PACKAGING/common/telltale-agent" "$home/bin/"
  printf '#!/bin/sh\nprintf "%%s\\n" "$@"\n' > "$home/runtime/bin/java"
  chmod +x "$home/runtime/bin/java"
  ln -s "$home/bin/telltale-agent" "$SCRATCH/usr/bin/telltale-agent"
  out=$("$SCRATCH/usr/bin/telltale-agent" collect --once | paste -sd' ')
  real=$(cd "$home" && pwd -P)
  assert_eq "$out" "@$real/agent.jvmopts -jar $real/telltale-agent.jar collect --once"
}
