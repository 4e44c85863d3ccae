// The scenario both client scripts run, and the command line they share.
// Usage: node client-vN.mjs (--stdio <command> [args...] [--cwd <dir>] | --http <url>)
// Prints exactly one JSON document to stdout; the server's stderr (stdio) goes to ours.

export function parseTarget(argv) {
  const cwdAt = argv.indexOf('--cwd');
  let cwd;
  if (cwdAt >= 0) {
    cwd = argv[cwdAt + 1];
    argv = [...argv.slice(0, cwdAt), ...argv.slice(cwdAt + 2)];
  }
  if (argv[0] === '--http' && argv.length === 2) {
    return { kind: 'http', url: argv[1] };
  }
  if (argv[0] === '--stdio' && argv.length >= 2) {
    return { kind: 'stdio', command: argv[1], args: argv.slice(2), cwd };
  }
  throw new Error('usage: (--stdio <command> [args...] [--cwd <dir>] | --http <url>)');
}

/** The stdio child gets our whole environment (the SDKs pass only a safe subset by default: no JAVA_HOME). */
export function childEnvironment() {
  return Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined));
}

/** Everything an error tells: protocol errors carry a JSON-RPC code and maybe data. */
export function describeError(error) {
  const described = { name: error?.constructor?.name ?? typeof error, message: String(error?.message ?? error) };
  if (error?.code !== undefined) described.code = error.code;
  if (error?.data !== undefined) described.data = error.data;
  return described;
}

import { readFileSync } from 'node:fs';

export const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** CPU time (user + system) of a Linux process in ms, from /proc (clock ticks of 10 ms). */
function cpuMillis(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts a long query, aborts it after a second (AbortSignal: the SDK sends notifications/cancelled or closes the
 * request's stream), then times the next call and measures the server's CPU use over the following second.
 */
async function cancelledCall({ client, callTool, serverPid }) {
  const controller = new AbortController();
  const started = performance.now();
  const pending = outcome(() => callTool({ name: 'count_forever', arguments: {} }, controller.signal));
  await sleep(1000);
  const abortedAt = performance.now();
  controller.abort();
  const call = await pending;
  const report = { call, ranMs: Math.round(abortedAt - started), settledMs: Math.round(performance.now() - abortedAt) };
  const nextAt = performance.now();
  report.next = await outcome(() => client.callTool({ name: 'hello_world', arguments: { name: 'again' } }));
  report.nextMs = Math.round(performance.now() - nextAt);
  const pid = serverPid();
  if (pid) {
    await sleep(200);
    const before = cpuMillis(pid);
    await sleep(1000);
    report.serverCpuMsPerSecond = cpuMillis(pid) - before;
  }
  return report;
}

/** A whole list, page after page, following `nextCursor` as given; `pages` says how many there were. */
async function listAll(list, key) {
  const items = [];
  let cursor;
  let pages = 0;
  do {
    const page = await list(cursor === undefined ? undefined : { cursor });
    items.push(...page[key]);
    pages++;
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages < 100);
  return { [key]: items, pages };
}

export async function outcome(action) {
  try {
    return { ok: true, result: await action() };
  } catch (error) {
    return { ok: false, error: describeError(error) };
  }
}

/**
 * Connects, runs the steps and prints the report. `client` is a connected-to-be SDK client
 * (v1 and v2 share listTools/callTool/close); `session()` describes the negotiated protocol.
 */
export async function runScenario({ sdk, target, client, transport, session, callTool, serverPid }) {
  const report = { sdk, transport: target.kind };
  report.connect = await outcome(async () => {
    await client.connect(transport);
    return session();
  });
  if (report.connect.ok) {
    report.listTools = await outcome(() => listAll(params => client.listTools(params), 'tools'));
    report.listToolsJunkCursor = await outcome(() => client.listTools({ cursor: 'not-a-cursor' }));
    report.callHello = await outcome(() => client.callTool({ name: 'hello_world', arguments: { name: 'World' } }));
    report.callUnknown = await outcome(() => client.callTool({ name: 'no_such_tool', arguments: {} }));
    report.callWrongType = await outcome(() => client.callTool({ name: 'hello_world', arguments: { name: { a: 1 } } }));
    report.callMissingArgument = await outcome(() => client.callTool({ name: 'hello_world', arguments: {} }));
    report.callArray = await outcome(() => client.callTool({ name: 'total', arguments: { numbers: [1, 2, 39] } }));
    report.callPartialObject = await outcome(() => client.callTool({ name: 'count_between', arguments: { range: { low: 7 } } }));
    report.callDates = await outcome(() => client.callTool({ name: 'first_order', arguments: {} }));
    report.callSparse = await outcome(() => client.callTool({ name: 'sparse_rows', arguments: {} }));
    report.callArrayAsJsonText = await outcome(() => client.callTool({ name: 'total', arguments: { numbers: '[1, 2, 39]' } }));
    report.callPolicyDenied = await outcome(() => client.callTool({ name: 'salary', arguments: { who: 'ceo' } }));
    report.callPolicyFiltered = await outcome(() => client.callTool({ name: 'salary', arguments: { who: 'ann' } }));
    report.listResources = await outcome(() => client.listResources());
    report.listTemplates = await outcome(() => client.listResourceTemplates());
    report.readStatic = await outcome(() => client.readResource({ uri: 'motd://today' }));
    report.readTemplate = await outcome(() => client.readResource({ uri: 'numbers://7/square' }));
    report.readUnknown = await outcome(() => client.readResource({ uri: 'motd://tomorrow' }));
    report.readBadArgument = await outcome(() => client.readResource({ uri: 'numbers://seven/square' }));
    report.listPrompts = await outcome(() => client.listPrompts());
    report.getPrompt = await outcome(() => client.getPrompt({ name: 'greet', arguments: { person: 'Ada', style: 'formal' } }));
    report.getPromptDefault = await outcome(() => client.getPrompt({ name: 'greet', arguments: { person: 'Bob' } }));
    report.getUnknownPrompt = await outcome(() => client.getPrompt({ name: 'no_such_prompt', arguments: {} }));
    report.getPromptMissingArgument = await outcome(() => client.getPrompt({ name: 'greet', arguments: {} }));
    report.getPromptBadArgument = await outcome(() => client.getPrompt({ name: 'greet', arguments: { person: 'Ada', style: 'rude' } }));
    report.cancel = await cancelledCall({ client, callTool, serverPid: () => serverPid?.() ?? transport.pid ?? null });
  }
  report.close = await outcome(() => client.close());
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.connect.ok ? 0 : 1;
}
