# macOS and Windows sources: they cannot be built here (pkgbuild, WiX), so check what can be checked on
# Linux: the property lists and XML parse, the keys the scripts read are the keys the profiles write, and
# every file the installer sources name is one the build scripts stage.

need_python() { command -v python3 >/dev/null 2>&1 || skip "python3 not installed"; }

test_macos_launchDaemon_runsTheDaemonWrapperAtLoad_andRestartsOnFailure() {
  need_python
  python3 - "$PACKAGING/macos/io.telltale.agent.plist" <<'PY' || fail "launch daemon plist"
import plistlib, sys
d = plistlib.load(open(sys.argv[1], 'rb'))
assert d['Label'] == 'io.telltale.agent', d['Label']
assert d['ProgramArguments'] == ['/Library/Telltale/bin/agent-daemon'], d['ProgramArguments']
assert d['RunAtLoad'] is True
assert d['KeepAlive'] == {'SuccessfulExit': False}, d['KeepAlive']
assert d['EnvironmentVariables']['TELLTALE_STATE_DIR'] == '/Library/Application Support/Telltale'
PY
  grep -q '"$here/agent-daemon"' "$PACKAGING/macos/build-pkg.sh" || fail "build-pkg.sh does not stage agent-daemon"
}

test_macos_enrollmentProfile_writesTheKeysAgentDaemonReads() {
  need_python
  keys=$(python3 - "$PACKAGING/macos/telltale-enrollment.mobileconfig" <<'PY'
import plistlib, sys
d = plistlib.load(open(sys.argv[1], 'rb'))
prefs = d['PayloadContent'][0]
assert prefs['PayloadType'] == 'com.apple.ManagedClient.preferences'
settings = prefs['PayloadContent']['io.telltale.agent']['Forced'][0]['mcx_preference_settings']
print(' '.join(sorted(settings)))
PY
  ) || fail "enrollment profile does not parse"
  assert_eq "$keys" "CACertificate CollectorAddress EnrollToken"
  for k in $keys; do
    grep -q "Print :$k\"" "$PACKAGING/macos/agent-daemon" || fail "agent-daemon does not read $k"
  done
  grep -q '"/Library/Managed Preferences/io.telltale.agent.plist"' "$PACKAGING/macos/agent-daemon" \
    || fail "agent-daemon reads another managed preferences domain"
}

test_macos_pppcProfile_namesTheRuntimeJava_andNeverSilentlyAllowsInputMonitoring() {
  need_python
  python3 - "$PACKAGING/macos/telltale-pppc.mobileconfig" <<'PY' || fail "PPPC profile"
import plistlib, sys
d = plistlib.load(open(sys.argv[1], 'rb'))
tcc = d['PayloadContent'][0]
assert tcc['PayloadType'] == 'com.apple.TCC.configuration-profile-policy'
services = tcc['Services']
assert {'Accessibility', 'ListenEvent'} <= set(services), set(services)
for name, entries in services.items():
    for e in entries:
        assert e['Identifier'] == '/Library/Telltale/runtime/bin/java', e['Identifier']
        assert e['IdentifierType'] == 'path'
        assert 'identifier "io.telltale.agent"' in e['CodeRequirement']
# Apple: Input Monitoring can only be denied or left for a standard user to approve.
assert services['ListenEvent'][0]['Authorization'] == 'AllowStandardUserToSetSystemService'
PY
  grep -q -- '--identifier io.telltale.agent --sign' "$PACKAGING/macos/build-pkg.sh" \
    || fail "build-pkg.sh must sign java with the identifier the PPPC code requirement names"
}

test_macos_scripts_parse() {
  for f in "$PACKAGING"/macos/scripts/* "$PACKAGING/macos/agent-daemon" "$PACKAGING/macos/uninstall.sh"; do
    sh -n "$f" || fail "$f: syntax error"
  done
  bash -n "$PACKAGING/macos/build-pkg.sh" || fail "build-pkg.sh: syntax error"
  need_python
  for f in "$PACKAGING/macos/entitlements.plist"; do
    python3 -c 'import plistlib,sys; plistlib.load(open(sys.argv[1],"rb"))' "$f" || fail "$f does not parse"
  done
  python3 -c 'import xml.etree.ElementTree as E,sys; E.parse(sys.argv[1])' "$PACKAGING/macos/distribution.xml" \
    || fail "distribution.xml does not parse"
}

test_windows_msi_hasTheSilentInstallProperties_andStagesEveryFileItNames() {
  need_python
  sources=$(python3 - "$PACKAGING/windows/telltale-agent.wxs" <<'PY'
import sys, xml.etree.ElementTree as E
ns = {'w': 'http://wixtoolset.org/schemas/v4/wxs'}
root = E.parse(sys.argv[1]).getroot()
props = {p.get('Id'): p for p in root.iter('{%s}Property' % ns['w'])}
for name in ('COLLECTOR', 'TOKEN', 'CA_FILE'):
    assert props[name].get('Secure') == 'yes', name
assert props['TOKEN'].get('Hidden') == 'yes', 'TOKEN must stay out of MSI logs'
svc = next(root.iter('{%s}ServiceInstall' % ns['w']))
assert svc.get('Account') == 'LocalSystem' and svc.get('Start') == 'auto'
for f in root.iter('{%s}File' % ns['w']):
    print(f.get('Source').replace('$(var.StageDir)\\', ''))
PY
  ) || fail "telltale-agent.wxs"
  for s in $sources; do
    name=${s##*\\}
    grep -qF "$name" "$PACKAGING/windows/build-msi.ps1" || fail "build-msi.ps1 does not stage $s"
  done
}

test_windows_serviceWrapper_runsTheScriptTheMsiInstalls() {
  need_python
  args=$(python3 -c 'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().findtext("arguments"))' \
    "$PACKAGING/windows/telltale-agent-service.xml") || fail "WinSW XML does not parse"
  assert_contains "$args" '%BASE%\bin\agent-service.ps1'
  grep -q 'bin\\agent-service.ps1' "$PACKAGING/windows/telltale-agent.wxs" || fail "the MSI does not install bin\\agent-service.ps1"
  # The registry keys the MSI writes are the ones the wrapper reads.
  for k in 'SOFTWARE\Telltale\Agent\Enrollment' 'Name="Token"' 'Name="CollectorAddress"'; do
    grep -qF "$k" "$PACKAGING/windows/telltale-agent.wxs" || fail "wxs lacks $k"
  done
  for k in 'SOFTWARE\Telltale\Agent\Enrollment' '.Token' '.CollectorAddress'; do
    grep -qF "$k" "$PACKAGING/windows/agent-service.ps1" || fail "agent-service.ps1 lacks $k"
  done
}
