// MCP TypeScript SDK v1 client: the legacy initialize handshake (2025-11-25 and older).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { childEnvironment, parseTarget, runScenario } from './scenario.mjs';

const target = parseTarget(process.argv.slice(2));
const transport = target.kind === 'http'
  ? new StreamableHTTPClientTransport(new URL(target.url))
  : new StdioClientTransport({ command: target.command, args: target.args, cwd: target.cwd, env: childEnvironment(), stderr: 'inherit' });
const client = new Client({ name: 'mxcp-it-client-v1', version: '1.32.2' });

// The v1 client hands the version the server chose in initialize to transport.setProtocolVersion
// (only the HTTP transport has one); record it for both transports.
let negotiatedVersion;
const setOnTransport = transport.setProtocolVersion?.bind(transport);
transport.setProtocolVersion = version => {
  negotiatedVersion = version;
  setOnTransport?.(version);
};

await runScenario({
  sdk: '@modelcontextprotocol/sdk@1.32.2',
  target,
  client,
  transport,
  callTool: (params, signal) => client.callTool(params, undefined, { signal }),
  // over HTTP the test names the server process; over stdio the transport knows the child it spawned
  serverPid: () => process.env.MXCP_IT_SERVER_PID ?? null,
  session: () => ({
    protocolVersion: negotiatedVersion,
    era: 'legacy',
    serverVersion: client.getServerVersion(),
  }),
});
