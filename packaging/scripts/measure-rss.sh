#!/usr/bin/env bash
# Measures the resident memory of a command (Linux, reads /proc).
#   measure-rss.sh once -- CMD...           runs CMD to completion; prints "peak_kib=N" (GNU time)
#   measure-rss.sh idle SECONDS -- CMD...   starts CMD, waits SECONDS, prints "rss_kib=N hwm_kib=N"
#                                           (current and peak, /proc/PID/status), then stops CMD
set -euo pipefail

mode=${1:?usage: measure-rss.sh once|idle SECONDS -- CMD...}; shift
settle=0
if [[ $mode == idle ]]; then settle=${1:?idle needs SECONDS}; shift; fi
[[ ${1:-} == -- ]] && shift

status_of() { awk '/^VmRSS|^VmHWM/ {v[$1]=$2} END {printf "rss_kib=%s hwm_kib=%s\n", v["VmRSS:"], v["VmHWM:"]}' "/proc/$1/status"; }

if [[ $mode == idle ]]; then
  "$@" >/dev/null 2>"${MEASURE_STDERR:-/dev/null}" &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true' EXIT
  sleep "$settle"
  kill -0 "$pid" 2>/dev/null || { echo "measure-rss: command exited before $settle s" >&2; exit 1; }
  status_of "$pid"
  exit 0
fi

# once: GNU time reports the peak resident set of the finished process (the same VmHWM, read at exit).
out=$(mktemp)
trap 'rm -f "$out"' EXIT
/usr/bin/time -o "$out" -f 'peak_kib=%M' "$@" >/dev/null 2>"${MEASURE_STDERR:-/dev/null}" || {
  echo "measure-rss: command failed: $*" >&2; exit 1; }
cat "$out"
