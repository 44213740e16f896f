/**
 * `mcp-devtools copy` (dist/cli.js): a server of `.vscode/mcp.json` written into Claude Code's
 * and Codex's project files in their dialects, linted clean by `mcp-devtools lint`, and started
 * from there by `mcp-devtools list` (the real filesystem server); `--dry-run` prints the diff and
 * writes nothing; a name taken in the target fails with exit 2 unless `--force` or `--name`.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FILESYSTEM, runCli, writeFiles } from '../connection/helpers';

const VSCODE_MCP = JSON.stringify({
  inputs: [{ id: 'api-key', type: 'promptString', description: 'The API key', password: true }],
  servers: {
    fs: { type: 'stdio', command: process.execPath, args: [FILESYSTEM, '${workspaceFolder}'], env: { LOG_LEVEL: '${env:LOG_LEVEL}', API_KEY: '${input:api-key}' } },
    remote: { type: 'http', url: 'https://example.com/mcp', headers: { Authorization: 'Bearer sk-live-abcdefghijklmnop1234' } },
  },
}, null, 2);

describe('cli: copy', function () {
  this.timeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-cli-copy-')));
    writeFiles(dir, { '.vscode/mcp.json': VSCODE_MCP, 'notes.txt': 'a file the filesystem server can list' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copy fs --to claude-code-project writes .mcp.json with ${LOG_LEVEL}, which lints clean and starts', async () => {
    const r = await runCli(['copy', 'fs', '--to', 'claude-code-project'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /copied "fs" into \.mcp\.json \(Claude Code\)/);
    const json = JSON.parse(readFileSync(path.join(dir, '.mcp.json'), 'utf8')) as { mcpServers: { fs: { args: string[]; env: Record<string, string> } } };
    assert.deepEqual(json.mcpServers.fs.env, { LOG_LEVEL: '${LOG_LEVEL}', API_KEY: '${API_KEY}' });
    assert.equal(json.mcpServers.fs.args[1], dir);
    assert.match(r.stderr, /note: env\.API_KEY: the VS Code input "api-key" \(The API key\) became the environment variable API_KEY/);
    assert.match(r.stderr, /note: args\[1\]: Claude Code has no \$\{workspaceFolder\}/);
    const lint = await runCli(['lint', '.mcp.json'], dir);
    assert.equal(lint.status, 0, lint.stdout);
    assert.match(lint.stdout, /No problems/);
    const list = await runCli(['list', 'fs', '--config', '.mcp.json'], dir, { LOG_LEVEL: 'info', API_KEY: 'x' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /list_directory/);
  });

  it('copy fs --to codex-project writes .codex/config.toml [mcp_servers.fs], which lints clean and starts', async () => {
    const r = await runCli(['copy', 'fs', '--to', 'codex-project'], dir);
    assert.equal(r.status, 0, r.stderr);
    const toml = readFileSync(path.join(dir, '.codex/config.toml'), 'utf8');
    assert.match(toml, /^\[mcp_servers\.fs\]$/m);
    assert.match(toml, /^env_vars = \[ "LOG_LEVEL", "API_KEY" \]$/m);
    const lint = await runCli(['lint', '.codex/config.toml'], dir);
    assert.equal(lint.status, 0, lint.stdout);
    assert.match(lint.stdout, /No problems/);
    const list = await runCli(['list', 'fs', '--config', '.codex/config.toml'], dir, { LOG_LEVEL: 'info', API_KEY: 'x' });
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /list_directory/);
  });

  it('--dry-run prints a unified diff, secrets redacted, and writes nothing', async () => {
    const r = await runCli(['copy', 'remote', '--to', 'cursor-project', '--dry-run'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^--- \/dev\/null\n\+\+\+ b\/\.cursor\/mcp\.json\n@@ -0,0 \+1,\d+ @@\n\+\{/);
    assert.match(r.stdout, /\+ +"url": "https:\/\/example\.com\/mcp"/);
    assert.ok(!r.stdout.includes('sk-live-abcdefghijklmnop1234'), r.stdout);
    assert.match(r.stdout, /<redacted>/);
    assert.ok(!existsSync(path.join(dir, '.cursor')));
  });

  it('a name taken in the target: exit 2 naming --name and --force; each of them then works', async () => {
    assert.equal((await runCli(['copy', 'fs', '--to', 'codex-project'], dir)).status, 0);
    const clash = await runCli(['copy', 'fs', '--to', 'codex-project'], dir);
    assert.equal(clash.status, 2);
    assert.match(clash.stderr, /already has a server "fs": give another name with --name, or replace it with --force/);
    assert.equal((await runCli(['copy', 'fs', '--to', 'codex-project', '--name', 'fs2'], dir)).status, 0);
    const forced = await runCli(['copy', 'fs', '--to', 'codex-project', '--force'], dir);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(forced.stdout, /replaced "fs"/);
    const toml = readFileSync(path.join(dir, '.codex/config.toml'), 'utf8');
    assert.equal(toml.match(/^\[mcp_servers\.fs\]$/gm)?.length, 1);
    assert.match(toml, /^\[mcp_servers\.fs2\]$/m);
  });

  it('a target that cannot hold the server: exit 1 saying why; usage mistakes: exit 2', async () => {
    const desktop = path.join(dir, 'claude_desktop_config.json');
    const r = await runCli(['copy', 'remote', '--to', 'claude-desktop', '--file', desktop], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Claude Desktop cannot connect to a remote server/);
    assert.equal((await runCli(['copy', 'fs', '--to', 'nope'], dir)).status, 2);
    assert.equal((await runCli(['copy', 'fs'], dir)).status, 2);
    const unknown = await runCli(['copy', 'nope', '--to', 'cursor-project'], dir);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /no server named "nope".*configured: fs, remote/);
    const mismatch = await runCli(['copy', 'fs', '--to', 'cursor-project', '--file', '.mcp.json'], dir);
    assert.equal(mismatch.status, 2);
    assert.match(mismatch.stderr, /is a claude-code-project file, not cursor-project/);
  });
});
