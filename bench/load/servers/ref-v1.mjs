// Reference server on the official TypeScript MCP SDK v1 (@modelcontextprotocol/sdk 1.32.2, 2025 protocol revisions
// only): streamable HTTP with sessions (one McpServer and transport per session, as the SDK's examples do), JSON
// responses, on node:http. Usage: node ref-v1.mjs <port> <db file>
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod';
import { openTools, parseArgs, toolResult } from './duckdb-tools.mjs';

const { port, databaseFile } = parseArgs(process.argv);
const tools = await openTools(databaseFile);

const shapes = {
  echo: { inputSchema: { msg: z.string() }, outputSchema: { msg: z.string() } },
  sum: { inputSchema: { n: z.number().int() }, outputSchema: { s: z.number() } },
  top: {
    inputSchema: { n: z.number().int() },
    outputSchema: { result: z.array(z.object({ id: z.number().int(), name: z.string(), score: z.number().int() })) },
  },
};

function buildServer() {
  const server = new McpServer({ name: 'reference-v1', version: '1.0.0' });
  for (const [name, shape] of Object.entries(shapes)) {
    server.registerTool(name, { description: `benchmark tool ${name}`, ...shape }, async (args) => toolResult(await tools[name](args)));
  }
  return server;
}

const sessions = new Map();

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
}

async function handle(req, res) {
  const body = req.method === 'POST' ? await readJson(req) : undefined;
  const sessionId = req.headers['mcp-session-id'];
  let transport = sessionId ? sessions.get(sessionId) : undefined;
  if (!transport && !sessionId && req.method === 'POST' && isInitializeRequest(body)) {
    transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: true,
      onsessioninitialized: (id) => sessions.set(id, transport),
    });
    transport.onclose = () => transport.sessionId && sessions.delete(transport.sessionId);
    await buildServer().connect(transport);
  }
  if (!transport) {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message: 'No valid session' }, id: null }));
    return;
  }
  await transport.handleRequest(req, res, body);
}

createServer((req, res) => {
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}).listen(port, '127.0.0.1', () => console.error(`reference v1 listening on http://127.0.0.1:${port}/mcp`));
