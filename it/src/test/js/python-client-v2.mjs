// MCP TypeScript SDK v2 client (2026-07-28) against `mxcp serve` of the Python fixture project
// (src/test/resources/python-project): the Python tools of issue 5, then cancellation of running Python calls.
// Usage: node python-client-v2.mjs --http <url>. Prints one JSON report to stdout.
import { readFile } from 'node:fs/promises';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { outcome, parseTarget, sleep } from './scenario.mjs';

const target = parseTarget(process.argv.slice(2));
if (target.kind !== 'http') {
  throw new Error('python-client-v2.mjs serves over HTTP only');
}
const client = new Client(
  { name: 'mxcp-it-python-client-v2', version: '2.4.0' },
  { versionNegotiation: { mode: { pin: '2026-07-28' } } });

/** How long a call runs, after its Python code noted that it started, before the client aborts it. */
const RUN_BEFORE_ABORT_MS = 500;
/** How long a call may take to reach its Python code (a loaded machine may be slow to start it). */
const START_LIMIT_MS = 30000;
/** Where the fixture's cancellable tools note `<event> <epoch seconds>` lines (given by the test). */
const EVENTS_LOG = process.env.MXCP_IT_EVENTS_LOG;
if (!EVENTS_LOG) {
  throw new Error('MXCP_IT_EVENTS_LOG must name the events log of the fixture project');
}

const CALLS = {
  sync: { name: 'add', arguments: { a: 2, b: 3 } },
  async: { name: 'slow_double', arguments: { x: 21 } },
  inline: { name: 'inline', arguments: { a: 4 } }, // skipped by serve (spec 01 §2.11): answers Unknown tool
  dbExecute: { name: 'query', arguments: { n: 2 } },
  secret: { name: 'secret', arguments: {} },
  userContext: { name: 'whoami', arguments: {} },
  pluginUdfFromSql: { name: 'decrypt_sql', arguments: { message: 'ifmmp' } },
};

/**
 * Each call to abort, the event its Python code notes when it starts, and a call that runs beside it meanwhile and
 * must not be disturbed.
 */
const CANCELLED = {
  syncSleep: [{ name: 'nap', arguments: { seconds: 60 } }, 'nap started 60',
    { name: 'nap', arguments: { seconds: 3 } }],
  // the busy loop's neighbour sleeps: a second busy loop hands the GIL over only on GraalPy's 50 ms switch ticks,
  // and on an overloaded CI machine the stop once waited 2.5 s for it, until that neighbour ended
  busyLoop: [{ name: 'spin', arguments: { seconds: 60 } }, 'spin started 60',
    { name: 'nap', arguments: { seconds: 3 } }],
  asyncSleep: [{ name: 'async_nap', arguments: { seconds: 60 } }, 'async_nap started 60',
    { name: 'async_nap', arguments: { seconds: 3 } }],
  dbExecute: [{ name: 'slow_query', arguments: {} }, 'slow_query started', { name: 'query', arguments: { n: 1 } }],
};

/** How many times the events log holds `event`. */
async function noted(event) {
  const text = await readFile(EVENTS_LOG, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith(event + ' ')).length;
}

/**
 * Waits until the events log holds `event` more than `before` times (the call reached its Python code); false if
 * that did not happen within START_LIMIT_MS.
 */
async function untilNoted(event, before) {
  const deadline = Date.now() + START_LIMIT_MS;
  while (await noted(event) <= before) {
    if (Date.now() > deadline) {
      return false;
    }
    await sleep(20);
  }
  return true;
}

/**
 * Starts a call and its neighbour, aborts the call (the SDK ends the request's stream) once its Python code runs,
 * and tells when (epoch ms) and how both settled.
 */
async function abortedCall([params, startEvent, neighbourParams]) {
  const startsBefore = await noted(startEvent);
  const controller = new AbortController();
  const pending = outcome(() => client.callTool(params, { signal: controller.signal }));
  const neighbour = outcome(() => client.callTool(neighbourParams));
  const started = await untilNoted(startEvent, startsBefore);
  await sleep(RUN_BEFORE_ABORT_MS);
  const abortedAtEpochMs = Date.now();
  controller.abort();
  const call = await pending;
  const settledMs = Date.now() - abortedAtEpochMs;
  return { call, started, abortedAtEpochMs, settledMs, neighbour: await neighbour };
}

const report = { sdk: '@modelcontextprotocol/client@2.4.0' };
report.connect = await outcome(async () => {
  await client.connect(new StreamableHTTPClientTransport(new URL(target.url)));
  return { protocolVersion: client.getNegotiatedProtocolVersion() };
});
if (report.connect.ok) {
  report.listTools = await outcome(() => client.listTools());
  report.calls = {};
  for (const [key, params] of Object.entries(CALLS)) {
    report.calls[key] = await outcome(() => client.callTool(params));
  }
  report.cancelled = {};
  for (const [key, calls] of Object.entries(CANCELLED)) {
    report.cancelled[key] = await abortedCall(calls);
  }
  report.afterCancel = await outcome(() => client.callTool({ name: 'add', arguments: { a: 40, b: 2 } }));
}
report.close = await outcome(() => client.close());
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exitCode = report.connect.ok ? 0 : 1;
