#!/usr/bin/env bash
# Load benchmark of `mxcp serve` (docs/performance.md, "Load"): the MXCP server and two reference servers on the
# official TypeScript MCP SDK (v2 and v1, with @duckdb/node-api) serve the same three tools on the same data; two
# clients (the lean keep-alive client Lean.java and the SDK v2 client sdk-client.mjs) call them over loopback
# streamable HTTP; Floor.java times the raw in-process JDBC queries. Prints one table and the verdict on the targets.
#
# Usage: bench/load/run.sh   (build first: mvn install -DskipTests; needs node and npm)
# Environment: WARMUP and MEASURE (seconds per cell, default 10 and 15), CONNECTIONS (default 16),
#   PREWARM (seconds per server and tool before the first cell, default 15: lets each runtime's JIT finish),
#   MXCP_JFR=<file.jfr> records the MXCP server with JDK Flight Recorder and prints its hot path at the end,
#   BARE=0 leaves out the bare Undertow + JDBC server (Bare.java, the ceiling of this stack without MCP),
#   RESULTS=<file> keeps the raw results (one line per cell), MXCP_ZIP=<zip> measures another distribution zip,
#   LEAN_VARY=1 makes the lean client's requests differ in size from call to call (as real clients' do).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd -P)
root=$(cd "$here/../.." && pwd -P)
warmup=${WARMUP:-10}
prewarm=${PREWARM:-15}
measure=${MEASURE:-15}
connections=${CONNECTIONS:-16}
# the tools' arguments, the same for every server, client and the floor
msg=hello sum_n=10000 top_n=10
declare -A tool_args=([echo]="{\"msg\":\"$msg\"}" [sum]="{\"n\":$sum_n}" [top]="{\"n\":$top_n}")

version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -n 1)
zip=${MXCP_ZIP:-$root/distribution/target/mxcp-$version.zip}
[ -f "$zip" ] || { echo "Error: $zip is missing; build it first: mvn install -DskipTests" >&2; exit 1; }
command -v node >/dev/null && command -v npm >/dev/null || { echo "Error: node and npm are needed" >&2; exit 1; }

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== setup (work folder $work)" >&2
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error >&2)
unzip -q "$zip" -d "$work"
mxcp_home=$(echo "$work"/mxcp-*/)
mxcp_home=${mxcp_home%/}
. "$mxcp_home/bin/find-java.sh"
java_home=$(find_java_home)
java="$java_home/bin/java"
"$java_home/bin/javac" -d "$work/classes" "$here/Lean.java"
cp -r "$here/project" "$work/project"
db="$work/project/data/db-default.duckdb"
mkdir -p "$(dirname "$db")"

echo "== floor: raw in-process JDBC queries, one caller and $connections (creates the items table)" >&2
"$java" --enable-native-access=ALL-UNNAMED -Djava.library.path="$mxcp_home/lib/native/linux-amd64" \
  -cp "$mxcp_home/lib/duckdb_jdbc-1.5.6.0.jar" "$here/Floor.java" "$db" "$warmup" "$measure" "$msg" "$sum_n" "$top_n" \
  "$connections" > "$work/floor.txt"
cat "$work/floor.txt" >&2
cp "$db" "$work/ref-v2.duckdb"
cp "$db" "$work/ref-v1.duckdb"
cp "$db" "$work/bare.duckdb"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_for() { # $1 = port, $2 = log; any HTTP answer on /mcp means the server is up
  local deadline=$((SECONDS + 60))
  until curl -s -o /dev/null "http://127.0.0.1:$1/mcp"; do
    sleep 0.2
    [ "$SECONDS" -lt "$deadline" ] || { echo "Error: no server on port $1; log:" >&2; cat "$2" >&2; exit 1; }
  done
}

declare -A port pid era
port[mxcp]=$(free_port)
jfr_opts="" cds=on
if [ -n "${MXCP_JFR:-}" ]; then
  # the first run of a fresh distribution writes its class-data-sharing archive, which turns JFR off: no archive
  jfr_opts="-XX:StartFlightRecording=filename=$MXCP_JFR,settings=profile" cds=off
fi
(cd "$work/project" && MXCP_CDS=$cds MXCP_JAVA_OPTS="${MXCP_JAVA_OPTS:-} $jfr_opts" \
  exec "$mxcp_home/bin/mxcp" serve --port "${port[mxcp]}" > "$work/mxcp.log" 2>&1) &
pid[mxcp]=$!
pids+=("${pid[mxcp]}")
era[mxcp]=modern
for ref in ref-v2 ref-v1; do
  port[$ref]=$(free_port)
  node "$here/servers/$ref.mjs" "${port[$ref]}" "$work/$ref.duckdb" > "$work/$ref.log" 2>&1 &
  pid[$ref]=$!
  pids+=("${pid[$ref]}")
done
servers="mxcp ref-v2 ref-v1"
if [ "${BARE:-1}" != 0 ]; then
  port[bare]=$(free_port)
  "$java" --enable-native-access=ALL-UNNAMED -Djava.library.path="$mxcp_home/lib/native/linux-amd64" \
    -cp "$mxcp_home/lib/*" "$here/Bare.java" "${port[bare]}" "$work/bare.duckdb" > "$work/bare.log" 2>&1 &
  pid[bare]=$!
  pids+=("${pid[bare]}")
  era[bare]=modern
  servers="$servers bare"
fi
era[ref-v2]=modern
era[ref-v1]=legacy # SDK v1 speaks only the 2025 revisions: the lean client opens a session per connection
for server in $servers; do wait_for "${port[$server]}" "$work/$server.log"; done

results=${RESULTS:-$work/results.txt}
: > "$results"
cell() { # $1 server, $2 client, $3 connections, $4 tool
  local url="http://127.0.0.1:${port[$1]}/mcp" out
  echo "== $1 $2 C=$3 $4" >&2
  if [ "$2" = lean ]; then
    out=$(timeout $((${warmup%.*} + ${measure%.*} + 60)) "$java" -cp "$work/classes" Lean "$url" "${era[$1]}" "$4" "${tool_args[$4]}" \
      "$3" "$warmup" "$measure" "${pid[$1]}" 2>>"$work/clients.log") || out="failed"
  else
    out=$(timeout $((${warmup%.*} + ${measure%.*} + 60)) node "$here/sdk-client.mjs" "$url" "$4" "${tool_args[$4]}" \
      "$3" "$warmup" "$measure" "${pid[$1]}" 2>>"$work/clients.log") || out="failed"
  fi
  echo "$1 $2 $3 $4 $out" | tee -a "$results" >&2
}

# Every server's JIT (HotSpot's C2, V8's TurboFan) is still compiling well after its first calls: without this,
# whichever cell comes first measures compilation too (run 6 of docs/performance.md: MXCP's echo at C = 16, its first
# cell, cost 0.64 ms of CPU per call; the same cell repeated after warm-up costs 0.24 ms).
for server in $servers; do
  for tool in echo sum top; do
    echo "== warm-up: $server $tool ${prewarm} s" >&2
    timeout $((${prewarm%.*} + 60)) "$java" -cp "$work/classes" Lean "http://127.0.0.1:${port[$server]}/mcp" "${era[$server]}" \
      "$tool" "${tool_args[$tool]}" "$connections" "$prewarm" 1 "${pid[$server]}" >/dev/null 2>>"$work/clients.log" || true
  done
done

# servers interleaved within each tool and client, so drifting machine load touches all of them alike
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for tool in echo sum top; do
  for client in "lean $connections" "lean 1" "sdk $connections"; do
    for server in $servers; do
      [ "$server" = bare ] && [ "${client%% *}" = sdk ] && continue # the bare server speaks no MCP beyond tools/call
      cell "$server" $client "$tool"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# the server halts after draining on SIGTERM (no shutdown hooks), so the recording is dumped before
[ -n "${MXCP_JFR:-}" ] && "$java_home/bin/jcmd" "${pid[mxcp]}" JFR.dump filename="$MXCP_JFR" >/dev/null
kill "${pid[mxcp]}" && wait "${pid[mxcp]}" 2>/dev/null || true
grep -h "error" "$work/clients.log" 2>/dev/null | head -n 5 >&2 || true

cat <<HEAD
machine: $(nproc) cores, load average before $load_before, after $load_after; $(date -u +%Y-%m-%d)
per cell: ${warmup} s warm-up + ${measure} s measured, after ${prewarm} s of warm-up per server and tool; echo msg="$msg", sum n=$sum_n, top n=$top_n
HEAD
python3 "$here/report.py" "$work/floor.txt" "$results" "$connections"

if [ -n "${MXCP_JFR:-}" ]; then
  echo
  echo "JFR: where the MXCP server's worker threads spend their time (whole run, $MXCP_JFR):"
  python3 "$here/jfr_hotpath.py" "$java_home/bin/jfr" "$MXCP_JFR" 25
fi
