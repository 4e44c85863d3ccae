// Reference server on the official TypeScript MCP SDK v2 (@modelcontextprotocol/server 2.4.0): the SDK's stateless
// streamable HTTP entry (createMcpHandler: a server instance per request, 2026-07-28 plus the stateless 2025
// fallback), JSON responses, mounted on node:http with the SDK's own adapter. Usage: node ref-v2.mjs <port> <db file>
import { createServer } from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import * as z from 'zod';
import { openTools, parseArgs, toolResult } from './duckdb-tools.mjs';

const { port, databaseFile } = parseArgs(process.argv);
const tools = await openTools(databaseFile);

// Schemas are built once; the per-request factory only registers them.
const schemas = {
  echo: { inputSchema: z.object({ msg: z.string() }), outputSchema: z.object({ msg: z.string() }) },
  sum: { inputSchema: z.object({ n: z.number().int() }), outputSchema: z.object({ s: z.number() }) },
  top: {
    inputSchema: z.object({ n: z.number().int() }),
    outputSchema: z.object({ result: z.array(z.object({ id: z.number().int(), name: z.string(), score: z.number().int() })) }),
  },
};

function buildServer() {
  const server = new McpServer({ name: 'reference-v2', version: '1.0.0' });
  for (const [name, schema] of Object.entries(schemas)) {
    server.registerTool(name, { description: `benchmark tool ${name}`, ...schema }, async (args) => toolResult(await tools[name](args)));
  }
  return server;
}

const handler = toNodeHandler(createMcpHandler(buildServer, { responseMode: 'json' }));
createServer((req, res) => {
  if (req.url !== '/mcp') {
    res.writeHead(404).end();
    return;
  }
  handler(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}).listen(port, '127.0.0.1', () => console.error(`reference v2 listening on http://127.0.0.1:${port}/mcp`));
