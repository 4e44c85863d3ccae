// The three benchmark tools over @duckdb/node-api, shared by both reference servers: one database, a pool of
// connections (one per call in flight) and a prepared statement per connection and query.
import { BIGINT, DuckDBInstance, VARCHAR } from '@duckdb/node-api';

export const queries = {
  echo: 'SELECT $msg AS msg',
  sum: 'SELECT sum(i) AS s FROM range($n) t(i)',
  top: 'SELECT * FROM items ORDER BY score DESC LIMIT $n',
};

export async function openTools(databaseFile) {
  const instance = await DuckDBInstance.create(databaseFile);
  const idle = [];

  async function acquire() {
    const pooled = idle.pop();
    if (pooled) return pooled;
    const connection = await instance.connect();
    return { connection, prepared: new Map() };
  }

  // Runs one benchmark query; BIGINT/HUGEINT values come back as JS numbers, like the JSON of the MXCP server.
  async function run(tool, values, types) {
    const entry = await acquire();
    try {
      let statement = entry.prepared.get(tool);
      if (!statement) {
        statement = await entry.connection.prepare(queries[tool]);
        entry.prepared.set(tool, statement);
      }
      statement.bind(values, types);
      const reader = await statement.runAndReadAll();
      return reader.getRowObjectsJS().map((row) => {
        for (const key of Object.keys(row)) {
          if (typeof row[key] === 'bigint') row[key] = Number(row[key]);
        }
        return row;
      });
    } finally {
      idle.push(entry);
    }
  }

  return {
    echo: async ({ msg }) => (await run('echo', { msg }, { msg: VARCHAR }))[0],
    sum: async ({ n }) => (await run('sum', { n: BigInt(n) }, { n: BIGINT }))[0],
    top: async ({ n }) => ({ result: await run('top', { n: BigInt(n) }, { n: BIGINT }) }),
  };
}

// A CallToolResult with the same shape as the MXCP server's: the JSON as text plus the structured content.
export function toolResult(structured, text = JSON.stringify('result' in structured ? structured.result : structured)) {
  return { content: [{ type: 'text', text }], structuredContent: structured };
}

export function parseArgs(argv) {
  const [port, databaseFile] = argv.slice(2);
  if (!port || !databaseFile) throw new Error('usage: node <server>.mjs <port> <database file>');
  return { port: Number(port), databaseFile };
}
