#!/bin/sh
# Removes the Telltale agent from this Mac, state included (pkgs have no uninstaller of their own).
# Jamf: a policy running this script; Intune: a shell script assignment. Run as root.
set -u
/bin/launchctl bootout system/io.telltale.agent 2>/dev/null || true
rm -f /Library/LaunchDaemons/io.telltale.agent.plist /etc/newsyslog.d/io.telltale.agent.conf \
  /usr/local/bin/telltale-agent
rm -rf /Library/Telltale "/Library/Application Support/Telltale" /Library/Logs/Telltale
/usr/sbin/pkgutil --forget io.telltale.agent >/dev/null 2>&1 || true
echo "Telltale agent removed"
