#!/usr/bin/env bash
# Memory a server gives back after large answers: serves a scratch project whose tool returns ROWS rows, calls it
# twice, then prints the server's RSS every 30 s while it idles, and its heap at the end.
#   MXCP_HOME=<unpacked distribution> [ROWS=400000] [PORT=19201] [MXCP_JAVA_OPTS=…] bench/memory/idle-rss.sh
set -euo pipefail
: "${MXCP_HOME:?set MXCP_HOME to an unpacked distribution}"
rows=${ROWS:-400000}
port=${PORT:-19201}
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/project/tools" "$work/home"
printf 'mxcp: 1\nproject: rss\nprofile: default\n' > "$work/project/mxcp-site.yml"
cat > "$work/project/tools/rows.yml" <<'YAML'
mxcp: 1
tool:
  name: rows
  description: many rows
  parameters: [{name: n, type: integer, description: how many}]
  return: {type: array, items: {type: object}}
  source: {code: "SELECT i, 'name-' || i AS name, i * 1.5 AS amount, DATE '2020-01-01' + (i % 1000)::INT AS day FROM range($n) t(i)"}
YAML
cd "$work/project"
HOME="$work/home" "$MXCP_HOME/bin/mxcp" serve --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 1; done
rss() { awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$server/status"; }
echo "idle before: $(rss)"
for _ in 1 2; do
  curl -s -o /dev/null -w "answer: HTTP %{http_code}, %{size_download} bytes\n" -X POST "http://127.0.0.1:$port/mcp" \
    -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
    -H 'MCP-Protocol-Version: 2026-07-28' -H 'Mcp-Method: tools/call' -H 'Mcp-Name: rows' \
    -d '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"rows","arguments":{"n":'"$rows"'},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"idle-rss","version":"1"},"io.modelcontextprotocol/clientCapabilities":{}}}}'
done
echo "after the calls: $(rss)"
for seconds in 30 60 90 120 150; do sleep 30; echo "idle $seconds s: $(rss)"; done
"${JAVA_HOME:-/usr}/bin/jcmd" "$server" GC.heap_info 2>/dev/null | sed -n 2p || true
