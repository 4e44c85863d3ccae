#!/usr/bin/env bash
# A/B of two distribution zips on the bench project: `mxcp serve` of each side by side, warmed, then the lean client
# at 16 connections on each tool, alternating between the two, for ROUNDS rounds. Prints Lean's line per cell:
# calls/s p50-ms p99-ms server-cpu-ms/call client-cpu-ms/call errors other-cores.
# Usage: ZIP_A=<zip> ZIP_B=<zip> [TOOLS="echo sum"] [ROUNDS=3] bench/load/ab.sh
# OPTS_A and OPTS_B add JVM options to one side's server (the same zip twice with different options: an A/B of a
# JVM setting); IDLE=<seconds> leaves both servers idle that long before each round (as run.sh's cells do, where a
# server waits while the other servers' cells run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../../.ci/java-env"
java="$JAVA_HOME/bin/java"
work="$(mktemp -d /tmp/mxcp-ab.XXXXXX)"
tools="${TOOLS:-echo sum}"
rounds="${ROUNDS:-3}"
declare -A port=([A]=18931 [B]=18932) pid=()
arguments() { case "$1" in echo) echo '{"msg":"hello"}' ;; sum) echo '{"n":10000}' ;; top) echo '{"n":10}' ;; esac; }
stop() { pkill -f "port 1893[12]" || true; rm -rf "$work"; }
trap stop EXIT
for side in A B; do
  zip="ZIP_$side"
  mkdir -p "$work/$side" && (cd "$work/$side" && unzip -q "${!zip}")
  cp -r "$here/project" "$work/project$side"
  # the top tool's table is not made here: --ignore-errors serves the others
  opts="OPTS_$side"
  (cd "$work/project$side" && MXCP_JAVA_OPTS="${!opts:-}" "$work/$side"/mxcp-*/bin/mxcp serve --ignore-errors --port "${port[$side]}" \
      > "$work/serve$side.log" 2>&1 < /dev/null &)
done
for side in A B; do
  for _ in $(seq 90); do curl -sf "http://localhost:${port[$side]}/health" > /dev/null && break; sleep 1; done
  pid[$side]=$(pgrep -f "java.*port ${port[$side]}" | head -1)
done
cd "$here"
lean() { "$java" Lean.java "http://localhost:${port[$1]}/mcp" modern "$2" "$(arguments "$2")" 16 "$3" "$4" "${pid[$1]}"; }
for tool in $tools; do for side in A B; do lean $side "$tool" 15 1 > /dev/null; done; done
for round in $(seq "$rounds"); do
  sleep "${IDLE:-0}"
  for tool in $tools; do
    for side in A B; do echo "round $round $tool $side: $(lean $side "$tool" 5 12 | tail -1)"; done
  done
done
