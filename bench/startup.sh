#!/usr/bin/env bash
# Start-up figures of the distribution (docs/performance.md): wall time of `mxcp list` and
# `mxcp run tool hello_world` on the bootstrap project, server start to the first answered tools/list, peak RSS,
# and the zip's size. Usage: bench/startup.sh [runs]   (build first: mvn install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -n 1)
zip="$PWD/distribution/target/mxcp-$version.zip"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$zip" -d "$work"
mxcp="$work/mxcp-$version/bin/mxcp"
mkdir "$work/project" && cd "$work/project"
"$mxcp" init --bootstrap >/dev/null
"$mxcp" list >/dev/null   # first run writes the class-data-sharing archive

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# prints "median min max" of the wall times (ms) of running "$@" $runs times
time_command() {
  local times=() start
  for _ in $(seq "$runs"); do
    start=$(now_ms)
    "$@" >/dev/null 2>&1
    times+=($(( $(now_ms) - start )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}'
}

peak_rss_mb() { # peak RSS of one run of "$@", in MB
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1/1024}'
}

read -r list_med list_min list_max < <(time_command "$mxcp" list)
read -r run_med run_min run_max < <(time_command "$mxcp" run tool hello_world --param name=World)
list_rss=$(peak_rss_mb "$mxcp" list)
run_rss=$(peak_rss_mb "$mxcp" run tool hello_world --param name=World)

request='{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{}}}}'
tools_list() { # $1 = port
  curl -fsS -o /dev/null -X POST "http://localhost:$1/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' -H 'MCP-Protocol-Version: 2026-07-28' \
    -H 'Mcp-Method: tools/list' -d "$request" 2>/dev/null
}

# prints the ms from spawning `mxcp serve` to its first answered tools/list; leaves the server's peak RSS (KB) in
# $work/serve-rss after 200 more tools/list calls
serve_once() {
  local port start elapsed
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  start=$(now_ms)
  /usr/bin/time -f %M -o "$work/serve-rss" "$mxcp" serve --port "$port" >/dev/null 2>"$work/serve.log" &
  until tools_list "$port"; do
    sleep 0.02
    [ $(( $(now_ms) - start )) -lt 60000 ] || { echo "server did not answer; log:" >&2; cat "$work/serve.log" >&2; exit 1; }
  done
  elapsed=$(( $(now_ms) - start ))
  for _ in $(seq 200); do tools_list "$port"; done
  pkill -TERM -f "io.mxcp.kernel.Main serve --port $port" || true
  wait
  echo "$elapsed"
}

serve_once >/dev/null   # the first server run writes the server's class-data-sharing archive
serve_times=()
for _ in 1 2 3 4 5; do serve_times+=("$(serve_once)"); done
read -r serve_med serve_min serve_max < <(printf '%s\n' "${serve_times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}')
serve_rss=$(awk '{printf "%.0f", $1/1024}' "$work/serve-rss")

cat <<REPORT
machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)
runs per figure: $runs (median, min, max in ms)
mxcp list                                  : $list_med ($list_min..$list_max) ms, peak RSS $list_rss MB
mxcp run tool hello_world --param name=World: $run_med ($run_min..$run_max) ms, peak RSS $run_rss MB
mxcp serve: start to first tools/list       : $serve_med ($serve_min..$serve_max) ms over 5 starts, peak RSS after 200 tools/list $serve_rss MB
distribution zip                           : $(du -m "$zip" | cut -f1) MB
REPORT
