// Regenerates test/fixtures/tool-schemas/<server>.json: the real `tools/list` output (every page)
// of the reference servers installed in node_modules, started over stdio.
//   node scripts/collect-tool-schemas.mjs
// server-everything registers some tools only for clients that declare the matching capability
// (roots, sampling, form and URL elicitation, and task-augmented sampling/elicitation), so this
// client declares them all to see every schema. It never answers those requests: it only lists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test/fixtures/tool-schemas');
const tmp = mkdtempSync(join(tmpdir(), 'mcp-collect-'));
const bin = (name) => join(root, 'node_modules/@modelcontextprotocol', `server-${name}`, 'dist/index.js');

const servers = [
  { name: 'everything', args: [bin('everything'), 'stdio'] },
  { name: 'filesystem', args: [bin('filesystem'), tmp] },
  { name: 'memory', args: [bin('memory')], env: { MEMORY_FILE_PATH: join(tmp, 'memory.jsonl') } },
];

async function collect({ name, args, env }) {
  const client = new Client({ name: 'mcp-devtools-collect', version: '0' }, {
    capabilities: {
      roots: { listChanged: true }, sampling: {}, elicitation: { form: {}, url: {} },
      tasks: { requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    },
  });
  client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [{ uri: `file://${tmp}`, name: 'tmp' }] }));
  const transport = new StdioClientTransport({ command: process.execPath, args, env: { ...process.env, ...env }, stderr: 'ignore' });
  await client.connect(transport);
  try {
    const tools = [];
    let cursor;
    do {
      const page = await client.listTools(cursor ? { cursor } : {});
      tools.push(...page.tools);
      cursor = page.nextCursor;
    } while (cursor);
    const server = client.getServerVersion();
    writeFileSync(join(out, `${name}.json`), JSON.stringify({ server: { name: server?.name, version: server?.version }, tools }, null, 2) + '\n');
    console.log(`${name}: ${tools.length} tools`);
  } finally {
    await client.close();
  }
}

try {
  for (const s of servers) await collect(s);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
