#!/usr/bin/env node
// The client command the MCP conformance suite runs (`@modelcontextprotocol/conformance client
// --command "node test/conformance/client.mjs"`): it drives the built CLI (dist/cli.js) as a user
// would. The suite appends the scenario server's URL and sets MCP_CONFORMANCE_SCENARIO (and, for
// some scenarios, MCP_CONFORMANCE_CONTEXT). For each run: a fresh folder with a config naming the
// server (VS Code's .vscode/mcp.json; Cursor's .cursor/mcp.json with `auth` when the scenario gives
// a pre-registered client and secret), a fresh sign-in store ($XDG_CONFIG_HOME), and as $BROWSER a
// "browser" that follows redirects (the suite's authorization servers consent at once).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = resolve(here, '../../dist/cli.js');
const url = process.argv.at(-1);
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT || '{}');

/** The CLI's arguments per scenario: what the suite's reference client does (list, or call one tool). */
function verb() {
  if (scenario === 'initialize') return ['list', 'conf'];
  if (scenario === 'tools_call') return ['call', 'conf', 'add_numbers', '--args', '{"a":2,"b":3}'];
  if (scenario.startsWith('elicitation')) return ['call', 'conf', 'test_client_elicitation_defaults', '--elicit=defaults'];
  if (scenario === 'sse-retry') return ['call', 'conf', 'test_reconnection'];
  if (scenario.startsWith('auth/client-credentials') || scenario === 'auth/pre-registration') return ['list', 'conf', '--verbose'];
  return ['call', 'conf', 'test-tool', '--verbose'];
}

const dir = mkdtempSync(join(tmpdir(), 'mcp-conformance-'));
try {
  if (context.client_id && context.client_secret) {
    mkdirSync(join(dir, '.cursor'));
    writeFileSync(join(dir, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { conf: { url, auth: { CLIENT_ID: context.client_id, CLIENT_SECRET: context.client_secret } } } }, null, 2));
  } else {
    mkdirSync(join(dir, '.vscode'));
    writeFileSync(join(dir, '.vscode', 'mcp.json'), JSON.stringify({ servers: { conf: { type: 'http', url } } }, null, 2));
  }
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(dir, 'config'),
    BROWSER: `${process.execPath} ${join(here, 'browser.mjs')}`,
    // The suite's stand-in for this client's published metadata document (used where the server supports CIMD).
    MCP_DEVTOOLS_CLIENT_METADATA_URL: 'https://conformance-test.local/client-metadata.json',
  };
  const r = spawnSync(process.execPath, [cli, ...verb()], { cwd: dir, env, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
