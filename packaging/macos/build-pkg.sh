#!/usr/bin/env bash
# Builds Telltale-Agent-<version>-<arch>.pkg on a Mac (pkgbuild and productbuild exist only on macOS; this
# cannot run on the Linux build machine). Needs: a JDK 17 for this Mac's architecture (its jlink and jdeps
# make the runtime: run once on Apple silicon and once on Intel for both packages), and the agent jar
# (`./mvnw -B -pl agent -am -DskipTests package`).
#
#   packaging/macos/build-pkg.sh [--sign "Developer ID Installer: ..."] [--codesign "Developer ID Application: ..."]
#
# Payload (install location /):
#   /Library/Telltale/{runtime/, telltale-agent.jar, agent.jvmopts, agent.yml.sample, bin/}
#   /Library/LaunchDaemons/io.telltale.agent.plist
#   /etc/newsyslog.d/io.telltale.agent.conf
# Without --codesign the runtime is unsigned: fine for a test Mac, not for a fleet (Gatekeeper and the
# PPPC profile both identify the agent by its code signature; see README.md, "macOS").
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packaging=$(cd "$here/.." && pwd)
repo=$(cd "$packaging/.." && pwd)
sign="" codesign_id=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --sign) sign=$2; shift 2 ;;
    --codesign) codesign_id=$2; shift 2 ;;
    *) echo "build-pkg: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $(uname -s) == Darwin ]] || { echo "build-pkg: pkgbuild/productbuild need macOS" >&2; exit 2; }

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$repo/pom.xml" | head -1 | sed 's/-SNAPSHOT//')
arch=$(uname -m)   # arm64 or x86_64
out=$packaging/target/macos
root=$out/root
rm -rf "$out"
mkdir -p "$root/Library/Telltale/bin" "$root/Library/LaunchDaemons" "$root/etc/newsyslog.d"

"$packaging/scripts/jlink-runtime.sh" "$repo/agent/target/telltale-agent.jar" "$root/Library/Telltale/runtime" \
  --drop java.desktop,java.compiler --add jdk.crypto.ec,jdk.unsupported,java.naming,java.management
cp "$repo/agent/target/telltale-agent.jar" "$root/Library/Telltale/"
cp "$packaging/jvm/agent.jvmopts" "$root/Library/Telltale/"
cp "$packaging/agent.yml" "$root/Library/Telltale/agent.yml.sample"
cp "$packaging/README.md" "$root/Library/Telltale/"
cp "$packaging/common/telltale-agent" "$packaging/common/enroll-pending" "$here/agent-daemon" "$root/Library/Telltale/bin/"
chmod 755 "$root/Library/Telltale/bin/"*
cp "$here/io.telltale.agent.plist" "$root/Library/LaunchDaemons/"
cp "$here/io.telltale.agent.newsyslog.conf" "$root/etc/newsyslog.d/io.telltale.agent.conf"
plutil -lint "$root/Library/LaunchDaemons/io.telltale.agent.plist"

if [[ -n $codesign_id ]]; then
  # Sign every Mach-O of the runtime with the hardened runtime, the launcher binary last.
  find "$root/Library/Telltale/runtime" -type f \( -name '*.dylib' -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
      --identifier io.telltale.agent.runtime --sign "$codesign_id"
  codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
    --identifier io.telltale.agent --sign "$codesign_id" "$root/Library/Telltale/runtime/bin/java"
fi

pkgbuild --root "$root" --scripts "$here/scripts" --identifier io.telltale.agent --version "$version" \
  --install-location / --ownership recommended "$out/telltale-agent-component.pkg"
sed -e "s/VERSION/$version/" -e "s/ARCH/$arch/" "$here/distribution.xml" > "$out/distribution.xml"
product=$packaging/target/Telltale-Agent-$version-$arch.pkg
productbuild --distribution "$out/distribution.xml" --package-path "$out" ${sign:+--sign "$sign"} "$product"
echo "build-pkg: $product ($(du -h "$product" | cut -f1))"
if [[ -n $sign ]]; then
  echo "build-pkg: notarize before distributing: xcrun notarytool submit \"$product\" --keychain-profile PROFILE --wait && xcrun stapler staple \"$product\""
fi
