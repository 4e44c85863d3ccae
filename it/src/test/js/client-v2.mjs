// MCP TypeScript SDK v2 client pinned to the 2026-07-28 revision (server/discover, per-request _meta).
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { childEnvironment, parseTarget, runScenario } from './scenario.mjs';

const MODERN = '2026-07-28';
const target = parseTarget(process.argv.slice(2));
const transport = target.kind === 'http'
  ? new StreamableHTTPClientTransport(new URL(target.url))
  : new StdioClientTransport({ command: target.command, args: target.args, cwd: target.cwd, env: childEnvironment(), stderr: 'inherit' });
const client = new Client(
  { name: 'mxcp-it-client-v2', version: '2.4.0' },
  { versionNegotiation: { mode: { pin: MODERN } } });

await runScenario({
  sdk: '@modelcontextprotocol/client@2.4.0',
  target,
  client,
  transport,
  callTool: (params, signal) => client.callTool(params, { signal }),
  // over HTTP the test names the server process; over stdio the transport knows the child it spawned
  serverPid: () => process.env.MXCP_IT_SERVER_PID ?? null,
  session: () => ({
    protocolVersion: client.getNegotiatedProtocolVersion(),
    era: client.getProtocolEra(),
    serverVersion: client.getServerVersion(),
    discover: client.getDiscoverResult(),
  }),
});
