import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { version: string };

describe('mcp-devtools CLI (dist/cli.js)', () => {
  it('--version prints the package version', () => {
    assert.equal(execFileSync(process.execPath, [CLI, '--version'], { encoding: 'utf8' }).trim(), pkg.version);
  });

  it('--help lists the commands and exits 0; no arguments is a usage error (2)', () => {
    const help = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /usage: mcp-devtools <command>/);
    assert.match(help.stdout, /servers/);
    assert.equal(spawnSync(process.execPath, [CLI], { encoding: 'utf8' }).status, 2);
  });

  it('an unknown command exits 2 with a hint', () => {
    const r = spawnSync(process.execPath, [CLI, 'frobnicate'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command "frobnicate".*--help/);
  });

  it('servers lists the servers of .vscode/mcp.json and .mcp.json', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-'));
    try {
      mkdirSync(path.join(dir, '.vscode'));
      writeFileSync(path.join(dir, '.vscode', 'mcp.json'), '{ "servers": { "a": { "command": "node", "args": ["x.js"] } } }');
      writeFileSync(path.join(dir, '.mcp.json'), '{ "mcpServers": { "b": { "type": "http", "url": "http://127.0.0.1:1/mcp" } } }');
      const out = execFileSync(process.execPath, [CLI, 'servers'], { cwd: dir, encoding: 'utf8' });
      assert.match(out, /a {2}stdio {2}node x\.js/);
      assert.match(out, /b {2}http {2}http:\/\/127\.0\.0\.1:1\/mcp/);
      const json = JSON.parse(execFileSync(process.execPath, [CLI, 'servers', '--json'], { cwd: dir, encoding: 'utf8' }));
      assert.deepEqual(json.map((f: { client: string }) => f.client), ['vscode', 'claude-code']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
