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

async function outcome(action) {
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
export async function runScenario({ sdk, target, client, transport, session }) {
  const report = { sdk, transport: target.kind };
  report.connect = await outcome(async () => {
    await client.connect(transport);
    return session();
  });
  if (report.connect.ok) {
    report.listTools = await outcome(() => client.listTools());
    report.callHello = await outcome(() => client.callTool({ name: 'hello_world', arguments: { name: 'World' } }));
    report.callUnknown = await outcome(() => client.callTool({ name: 'no_such_tool', arguments: {} }));
    report.callWrongType = await outcome(() => client.callTool({ name: 'hello_world', arguments: { name: { a: 1 } } }));
    report.callMissingArgument = await outcome(() => client.callTool({ name: 'hello_world', arguments: {} }));
  }
  report.close = await outcome(() => client.close());
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  process.exitCode = report.connect.ok ? 0 : 1;
}
