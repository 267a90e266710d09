#!/usr/bin/env bash
# Cheap checks of the packaging sources, run by the default build (`mvn verify`, test phase):
# maintainer scripts and enroll-pending against a scratch root with a fake systemctl and agent,
# the systemd units with systemd-analyze, the JVM option files with the build JDK, the launchers, and the
# macOS/Windows XML. Each test_* function runs in its own subshell and scratch directory.
# Prints "run-tests: N passed, N failed[, N skipped]"; exits non-zero when a test failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export PACKAGING=$(cd "$here/../../.." && pwd)

# --- assertions (exit the test's subshell with a message)
fail() { echo "    $*" >&2; exit 1; }
skip() { echo "    skipped: $*" >&2; exit 77; }
assert_eq() { [[ $1 == "$2" ]] || fail "expected [$2], got [$1]${3:+ ($3)}"; }
assert_file() { [[ -e $1 ]] || fail "expected $1 to exist"; }
assert_no_file() { [[ ! -e $1 ]] || fail "expected $1 not to exist"; }
assert_contains() { grep -qF -- "$2" <<< "$1" || fail "expected to find [$2] in: $1"; }
assert_not_contains() { ! grep -qF -- "$2" <<< "$1" || fail "did not expect [$2] in: $1"; }
assert_mode() { local m; m=$(stat -c %a "$1"); [[ $m == "$2" ]] || fail "$1: mode $m (expected: $2)"; }

for f in "$here"/*_test.sh; do
  # shellcheck source=/dev/null
  source "$f"
done

passed=0 failed=0 skipped=0
for t in $(declare -F | awk '{print $3}' | grep '^test_' | sort); do
  scratch=$(mktemp -d)
  ( cd "$scratch" && SCRATCH=$scratch "$t" ) > "$scratch.log" 2>&1
  rc=$?
  case $rc in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)); echo "SKIP $t: $(tail -1 "$scratch.log")" ;;
    *) failed=$((failed + 1)); echo "FAIL $t"; sed 's/^/  | /' "$scratch.log" ;;
  esac
  rm -rf "$scratch" "$scratch.log"
done
echo "run-tests: $passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
