// The SDK load client: C clients of the official TypeScript MCP SDK v2 (@modelcontextprotocol/client), each with its
// own transport (and session where the server is legacy), calling one tool back to back. Version negotiation is
// 'auto': 2026-07-28 where the server offers it (server/discover), else the 2025 handshake.
// Usage: node sdk-client.mjs <url> <tool> <arguments JSON> <connections> <warm-up s> <measure s> <server pid>
// Prints: calls/s p50-ms p99-ms server-cpu-ms/call client-cpu-ms/call errors other-cores (the CPU the rest of the
// machine used in the measured window: /proc/stat's busy time less server and client, in cores)
import { readFileSync } from 'node:fs';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const [url, tool, argumentsJson, connections, warmUp, measure, serverPid] = process.argv.slice(2);
if (!serverPid) throw new Error('usage: node sdk-client.mjs <url> <tool> <arguments JSON> <connections> <warm-up s> <measure s> <server pid>');
const toolArguments = JSON.parse(argumentsJson);

// utime + stime of a process in ms (USER_HZ = 100)
function cpuMs(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

// the machine's busy time in ms: every state of /proc/stat's cpu line but idle and iowait
function machineBusyMs() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return fields.reduce((sum, ticks, i) => (i === 3 || i === 4 ? sum : sum + ticks), 0) * 10;
}

const window = { measuring: false, stopped: false };
const latencies = [];
let errors = 0;
let firstError;

async function caller() {
  const client = new Client({ name: 'bench-sdk-client', version: '1.0.0' }, { versionNegotiation: { mode: 'auto' } });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  while (!window.stopped) {
    const begin = process.hrtime.bigint();
    let failed = false;
    try {
      const result = await client.callTool({ name: tool, arguments: toolArguments });
      failed = result.isError === true;
      if (failed) firstError ??= JSON.stringify(result);
    } catch (error) {
      failed = true;
      firstError ??= String(error);
    }
    const elapsed = process.hrtime.bigint() - begin;
    if (window.measuring) {
      latencies.push(Number(elapsed) / 1e6);
      if (failed) errors++;
    }
  }
  await client.close();
}

const sleep = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const callers = Array.from({ length: Number(connections) }, caller);
await Promise.race([sleep(Number(warmUp)), Promise.all(callers)]);
const serverStart = cpuMs(serverPid);
const clientStart = process.cpuUsage();
const machineStart = machineBusyMs();
const start = process.hrtime.bigint();
window.measuring = true;
await sleep(Number(measure));
window.measuring = false;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const serverCpu = cpuMs(serverPid) - serverStart;
const clientUsage = process.cpuUsage(clientStart);
const machineBusy = machineBusyMs() - machineStart;
window.stopped = true;
await Promise.all(callers);

if (latencies.length === 0) {
  console.error(`no call completed in the measured window${firstError ? `: ${firstError}` : ''}`);
  process.exit(1);
}
latencies.sort((a, b) => a - b);
const percentile = (fraction) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))];
const clientCpu = (clientUsage.user + clientUsage.system) / 1000;
console.log([
  (latencies.length / seconds).toFixed(0),
  percentile(0.5).toFixed(3),
  percentile(0.99).toFixed(3),
  (serverCpu / latencies.length).toFixed(3),
  (clientCpu / latencies.length).toFixed(3),
  errors,
  ((machineBusy - serverCpu - clientCpu) / 1000 / seconds).toFixed(2),
].join(' '));
if (firstError) console.error(`first error: ${firstError}`);
process.exit(0);
