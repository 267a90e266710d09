#!/usr/bin/env bash
# Reads the built packages back and checks what they hold (run by `-Ppackaging` after `package`):
# control fields, conffiles, maintainer scripts, file list and modes, the runtime's modules, and that the
# bundled runtime starts the agent. Prints sizes. Usage: check-packages.sh TARGET_DIR
set -euo pipefail
target=${1:?usage: check-packages.sh TARGET_DIR}
cd "$target"
passed=0 failed=0
ok()   { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
expect() { # expect DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then ok; else fail "$what"; fi
}
has_line() { grep -qxF -- "$2" <<< "$1"; }
has_match() { grep -qE -- "$2" <<< "$1"; }

agent_deb=$(ls telltale-agent_*_amd64.deb)
collector_deb=$(ls telltale-collector_*_amd64.deb)
agent_rpm=$(ls telltale-agent-*.x86_64.rpm)
collector_tgz=$(ls telltale-collector-*-linux-x64.tar.gz)

# --- agent .deb
control=$(dpkg-deb --field "$agent_deb")
expect "agent deb: Package" has_line "$control" "Package: telltale-agent"
expect "agent deb: Architecture amd64 (it carries a native runtime)" has_line "$control" "Architecture: amd64"
expect "agent deb: Version without -SNAPSHOT" has_match "$control" '^Version: [0-9][0-9.]*(~[A-Za-z0-9.]+)?$'
expect "agent deb: Installed-Size present" has_match "$control" '^Installed-Size: [0-9]+$'
conffiles=$(dpkg-deb --info "$agent_deb" conffiles)
expect "agent deb: agent.yml is a conffile" has_line "$conffiles" "/etc/telltale/agent.yml"
scripts=$(dpkg-deb --info "$agent_deb" | grep -oE '\b(preinst|postinst|prerm|postrm)\b' | sort -u)
for s in postinst prerm postrm; do expect "agent deb: $s present" has_line "$scripts" "$s"; done
listing=$(dpkg-deb --contents "$agent_deb")
for path in ./opt/telltale/agent/telltale-agent.jar ./opt/telltale/agent/agent.jvmopts \
    ./etc/telltale/agent.yml ./lib/systemd/system/telltale-agent.service \
    ./lib/systemd/system/telltale-agent-enroll.path ./opt/telltale/agent/runtime/lib/modules; do
  expect "agent deb: contains $path" has_match "$listing" " ${path//./\\.}( |$)"
done
for exe in ./opt/telltale/agent/bin/telltale-agent ./opt/telltale/agent/bin/enroll-pending \
    ./opt/telltale/agent/runtime/bin/java ./opt/telltale/agent/runtime/lib/jspawnhelper; do
  expect "agent deb: $exe is executable by root" has_match "$listing" "^-rwxr-xr-x root/root .* ${exe//./\\.}$"
done
expect "agent deb: /usr/bin/telltale-agent links to the launcher" \
  has_match "$listing" "^l.* \./usr/bin/telltale-agent -> /opt/telltale/agent/bin/telltale-agent$"
expect "agent deb: no file outside /opt/telltale, /etc/telltale, /lib/systemd, /usr/bin" \
  bash -c "! awk '{print \$6}' <<< \"\$1\" | grep -vE '^\./($|opt/|opt/telltale|etc/$|etc/telltale|lib/$|lib/systemd|usr/$|usr/bin)'" _ "$listing"

# The runtime really starts: unpack into a scratch root and run the agent's help (and collect --once when
# the agent has it) with the packaged JVM options.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg-deb -x "$agent_deb" "$scratch"
home=$scratch/opt/telltale/agent
modules=$("$home/runtime/bin/java" --list-modules | sed 's/@.*//')
expect "agent runtime: has jdk.crypto.ec (mutual TLS)" has_line "$modules" "jdk.crypto.ec"
expect "agent runtime: has no java.desktop" bash -c "! grep -qx java.desktop <<< \"\$1\"" _ "$modules"
expect "agent runtime: runs the agent (--help)" "$home/bin/telltale-agent" --help
if "$home/bin/telltale-agent" --help 2>&1 | grep -qE '^ +collect '; then
  expect "agent runtime: collect --once prints a report" \
    bash -c "\"\$1/bin/telltale-agent\" collect --once --state-dir \"\$2\" | grep -q '\"kind\"'" _ "$home" "$scratch/state"
fi

# --- agent .rpm (read with rpm when installed; the format itself is written by a pure-Java library)
if command -v rpm >/dev/null 2>&1; then
  rpm_files=$(rpm -qp --dbpath "$scratch/rpmdb" --qf '[%{FILEMODES:perms} %{FILEUSERNAME} %{FILENAMES}\n]' "$agent_rpm")
  expect "agent rpm: launcher executable" has_match "$rpm_files" "^-rwxr-xr-x root /opt/telltale/agent/bin/telltale-agent$"
  expect "agent rpm: jspawnhelper executable" has_match "$rpm_files" "^-rwxr-xr-x root /opt/telltale/agent/runtime/lib/jspawnhelper$"
  expect "agent rpm: unit file" has_match "$rpm_files" " /usr/lib/systemd/system/telltale-agent.service$"
  rpm_config=$(rpm -qp --dbpath "$scratch/rpmdb" --configfiles "$agent_rpm")
  expect "agent rpm: agent.yml is %config" has_line "$rpm_config" "/etc/telltale/agent.yml"
  rpm_scripts=$(rpm -qp --dbpath "$scratch/rpmdb" --scripts "$agent_rpm")
  for s in "postinstall scriptlet" "preuninstall scriptlet" "postuninstall scriptlet"; do
    expect "agent rpm: $s" has_match "$rpm_scripts" "^$s"
  done
else
  echo "check-packages: rpm not installed; $agent_rpm checked for presence only" >&2
  expect "agent rpm: is an RPM file" bash -c "head -c 4 \"\$1\" | od -An -tx1 | grep -q 'ed ab ee db'" _ "$agent_rpm"
fi

# --- collector .deb and tarball
ccontrol=$(dpkg-deb --field "$collector_deb")
expect "collector deb: Package" has_line "$ccontrol" "Package: telltale-collector"
cconffiles=$(dpkg-deb --info "$collector_deb" conffiles)
expect "collector deb: collector.yml is a conffile" has_line "$cconffiles" "/etc/telltale/collector.yml"
clisting=$(dpkg-deb --contents "$collector_deb")
expect "collector deb: unit file" has_match "$clisting" " \./lib/systemd/system/telltale-collector\.service$"
expect "collector deb: launcher executable" has_match "$clisting" "^-rwxr-xr-x root/root .* \./opt/telltale/collector/bin/telltale-collector$"
tlisting=$(tar -tvzf "$collector_tgz")
for path in telltale-collector/bin/telltale-collector telltale-collector/telltale-collector.jar \
    telltale-collector/etc/collector.yml telltale-collector/systemd/telltale-collector.service \
    telltale-collector/runtime/bin/java; do
  expect "collector tarball: contains $path" has_match "$tlisting" " $path$"
done
dpkg-deb -x "$collector_deb" "$scratch/c"
expect "collector runtime: runs the collector (--help)" "$scratch/c/opt/telltale/collector/bin/telltale-collector" --help

# --- sizes
echo "sizes (KiB): $(for f in "$agent_deb" "$agent_rpm" "$collector_deb" "$collector_tgz"; do printf '%s=%s ' "$f" "$(( $(stat -c %s "$f") / 1024 ))"; done)"
echo "installed (KiB): agent runtime=$(du -sk "$home/runtime" | cut -f1) agent total=$(du -sk "$home" | cut -f1)" \
  "collector runtime=$(du -sk "$scratch/c/opt/telltale/collector/runtime" | cut -f1)"
echo "agent runtime modules: $(paste -sd, <<< "$modules")"
echo "check-packages: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
