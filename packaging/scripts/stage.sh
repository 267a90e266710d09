#!/usr/bin/env bash
# Lays out what the packages install, under STAGE_DIR/{agent,collector}:
#   bin/                 launchers (and the agent's enroll-pending)
#   runtime/             the jlink runtime (see jlink-runtime.sh)
#   telltale-<x>.jar     the shaded jar
#   <x>.jvmopts          its JVM options (a java @argument file)
#   README.md            the deployment guide
# The same layout as /Library/Telltale on macOS and C:\Program Files\Telltale on Windows.
# Usage: stage.sh AGENT_JAR COLLECTOR_JAR STAGE_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
agent_jar=${1:?usage: stage.sh AGENT_JAR COLLECTOR_JAR STAGE_DIR}
collector_jar=${2:?COLLECTOR_JAR missing}
stage=${3:?STAGE_DIR missing}

for f in "$here/agent.yml" "$here/collector.yml"; do
  [[ -f $f ]] || { echo "stage: $f is missing (the agent/collector modules own these samples)" >&2; exit 2; }
done

rm -rf "$stage"
mkdir -p "$stage/agent/bin" "$stage/collector/bin"

# Agent. java.desktop is referenced by OSHI's window listing (window titles: never collected), JNA's AWT
# helpers and Jackson/SnakeYAML bean introspection (not used for records and maps); java.compiler only by
# Error Prone annotations. Dropping both saves about 10 MB. jdk.crypto.ec: ECDHE and EC keys for mutual
# TLS (a security provider, invisible to jdeps). The others are cheap insurance for reflective use:
# jdk.unsupported (sun.misc.Unsafe: Netty, protobuf), java.naming (gRPC and logback look it up),
# java.management.
own_jar=$(ls "$(dirname "$agent_jar")"/telltale-agent-*.jar 2>/dev/null | grep -v -e sources -e javadoc | head -1 || true)
"$here/scripts/jlink-runtime.sh" "$agent_jar" "$stage/agent/runtime" ${own_jar:+--own "$own_jar"} \
  --drop java.desktop,java.compiler \
  --add jdk.crypto.ec,jdk.unsupported,java.naming,java.management
cp "$agent_jar" "$stage/agent/telltale-agent.jar"
cp "$here/jvm/agent.jvmopts" "$stage/agent/agent.jvmopts"
cp "$here/common/telltale-agent" "$here/common/enroll-pending" "$stage/agent/bin/"
cp "$here/README.md" "$stage/agent/README.md"

# Collector: everything jdeps finds (footprint matters less on a server than a surprise
# NoClassDefFoundError), plus the providers and management modules it loads reflectively.
"$here/scripts/jlink-runtime.sh" "$collector_jar" "$stage/collector/runtime" \
  --add jdk.crypto.ec,jdk.unsupported,java.naming,java.management,jdk.management
cp "$collector_jar" "$stage/collector/telltale-collector.jar"
cp "$here/jvm/collector.jvmopts" "$stage/collector/collector.jvmopts"
cp "$here/linux/collector/bin/telltale-collector" "$stage/collector/bin/"
cp "$here/README.md" "$stage/collector/README.md"

chmod 755 "$stage"/*/bin/*
du -sh "$stage/agent/runtime" "$stage/collector/runtime" | sed 's/^/stage: runtime /' >&2
