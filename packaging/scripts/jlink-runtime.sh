#!/usr/bin/env bash
# Builds a minimal Java runtime for one application jar with jlink.
#   jlink-runtime.sh FAT_JAR OUT_DIR [--own THIN_JAR] [--add MOD,...] [--drop MOD,...]
# Modules = what `jdeps --print-module-deps` finds in FAT_JAR, minus --drop (modules only third-party
# code references, on paths the application never takes), plus --add (modules loaded as services or by
# reflection, which jdeps cannot see). A module the application's own classes (THIN_JAR) need is never
# dropped. Uses jlink/jdeps of $JAVA_HOME, else the ones on PATH: the runtime has that JDK's version and
# the build machine's OS and architecture.
set -euo pipefail

fat=${1:?usage: jlink-runtime.sh FAT_JAR OUT_DIR [--own THIN_JAR] [--add MODS] [--drop MODS]}
out=${2:?OUT_DIR missing}
shift 2
own="" add="" drop=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --own) own=$2; shift 2 ;;
    --add) add=$2; shift 2 ;;
    --drop) drop=$2; shift 2 ;;
    *) echo "jlink-runtime: unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -f $fat ]] || { echo "jlink-runtime: $fat: no such jar (build it first: ./mvnw -DskipTests package)" >&2; exit 2; }

bin=${JAVA_HOME:+$JAVA_HOME/bin/}
release=$("${bin}java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
deps() { "${bin}jdeps" --ignore-missing-deps --multi-release "$release" --print-module-deps "$1" | tail -1; }

found=$(deps "$fat")
needed_by_own=""
[[ -n $own ]] && needed_by_own=$(deps "$own")

modules=()
IFS=, read -ra found_list <<< "$found"
for m in "${found_list[@]}"; do
  if [[ ",$drop," == *",$m,"* && ",$needed_by_own," != *",$m,"* ]]; then
    echo "jlink-runtime: leaving out $m (referenced only by third-party code paths the application does not use)" >&2
    continue
  fi
  modules+=("$m")
done
IFS=, read -ra add_list <<< "$add"
for m in "${add_list[@]}"; do
  [[ -n $m && " ${modules[*]} " != *" $m "* ]] && modules+=("$m")
done
module_csv=$(IFS=,; echo "${modules[*]}")
echo "jlink-runtime: $module_csv" >&2

rm -rf "$out"
# --strip-debug: the JDK's classes lose line numbers and locals (the application jar keeps its own).
# --compress: ${JLINK_COMPRESS:-0} by default, i.e. none. Measured: a zip-compressed modules image makes an
#   idle agent about 5 MB larger in resident memory (classes are inflated into native buffers), while the
#   .deb/.rpm/.pkg compress the runtime anyway; only the installed size grows.
# No --generate-cds-archive: the class-data-sharing archive adds 22 MB on disk and made no measurable
#   difference to an idle agent's resident memory (see packaging/README.md, "Footprint").
"${bin}jlink" \
  --add-modules "$module_csv" \
  --strip-debug --no-header-files --no-man-pages --compress="${JLINK_COMPRESS:-0}" \
  --output "$out"
echo "$module_csv" > "$out/telltale-modules"
