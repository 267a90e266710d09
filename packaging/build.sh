#!/usr/bin/env bash
# Builds the jars, the jlink runtimes, the agent .deb and .rpm, and the collector .deb and tarball into
# packaging/target/, then reads the packages back (scripts/check-packages.sh) and prints their sizes.
# Linux x64 only: the runtimes are this machine's. macOS: packaging/macos/build-pkg.sh; Windows:
# packaging/windows/build-msi.ps1.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn=./mvnw
[[ -x $mvn ]] || mvn=mvn
"$mvn" -B -Ppackaging -pl packaging -am -DskipTests verify "$@"
ls -l packaging/target/*.deb packaging/target/*.rpm packaging/target/*.tar.gz
