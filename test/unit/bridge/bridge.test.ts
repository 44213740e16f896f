/**
 * Issue 14, item 7: the bridge to VS Code's own MCP support, its pure half: which servers of a
 * workspace's files are handed over (VS Code's own files and what its discovery settings read are
 * not), as what, and how one is resolved before it starts (variables, a command only nvm puts on PATH).
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { selectBridged, type VscodeDiscovery } from '../../../src/core/bridge';
import { resolveBridged } from '../../../src/core/bridge/resolve';
import { discoverWorkspaceConfigs } from '../../../src/core/config/discovery';
import type { ConfigFile } from '../../../src/core/config/model';
import { writeFiles } from '../connection/helpers';

const OFF: VscodeDiscovery = { discovery: {}, workspaceRootConfig: false };

describe('bridge to VS Code\'s MCP support', () => {
  let dir: string;
  let files: ConfigFile[];
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-bridge-'));
    writeFiles(dir, {
      '.vscode/mcp.json': JSON.stringify({ servers: { own: { command: 'node', args: ['own.js'] } } }),
      '.gemini/settings.json': JSON.stringify({ mcpServers: { gem: { command: 'node', args: ['${workspaceFolder}/gem.js'], env: { LEVEL: '$LOG_LEVEL' } }, off: { command: 'x', disabled: true } } }),
      '.cursor/mcp.json': JSON.stringify({ mcpServers: { cur: { url: 'http://127.0.0.1:1/mcp', headers: { 'X-Team': 'a' } } } }),
      '.mcp.json': JSON.stringify({ mcpServers: { cc: { command: 'uvx', args: ['mcp-server-time'] } } }),
      '.codex/config.toml': '[mcp_servers.gem]\ncommand = "node"\nargs = ["other.js"]\n',
    });
    files = await discoverWorkspaceConfigs([dir]);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('hands over every other client\'s enabled server, never VS Code\'s own', () => {
    const { servers, skipped } = selectBridged(files, OFF, [dir]);
    assert.deepEqual(servers.map((s) => s.label).sort(), ['cc (Claude Code)', 'cur (Cursor)', 'gem (Codex)', 'gem (Gemini CLI)']);
    assert.ok(skipped.some((s) => s.name === 'own' && /its own MCP files/.test(s.reason)));
    assert.ok(skipped.some((s) => s.name === 'off' && /disabled/.test(s.reason)));
  });

  it('leaves out what VS Code discovers itself, per its settings', () => {
    const { servers, skipped } = selectBridged(files, { discovery: { 'cursor-workspace': true }, workspaceRootConfig: true }, [dir]);
    assert.deepEqual(servers.map((s) => s.label).sort(), ['gem (Codex)', 'gem (Gemini CLI)']);
    assert.match(skipped.find((s) => s.name === 'cur')!.reason, /chat\.mcp\.discovery\.enabled: cursor-workspace/);
    assert.match(skipped.find((s) => s.name === 'cc')!.reason, /workspaceRootConfig/);
    // the old boolean form turns every source on
    assert.ok(!selectBridged(files, { discovery: true, workspaceRootConfig: false }, [dir]).servers.some((s) => s.label.startsWith('cur')));
  });

  it('converts as written: stdio with args and env, HTTP with its URL and headers; a version that follows the launch', () => {
    const { servers } = selectBridged(files, OFF, [dir]);
    const gem = servers.find((s) => s.label === 'gem (Gemini CLI)');
    assert.deepEqual(gem && { ...gem, id: undefined, version: undefined }, { kind: 'stdio', id: undefined, label: 'gem (Gemini CLI)', version: undefined, command: 'node', args: ['${workspaceFolder}/gem.js'], env: { LEVEL: '$LOG_LEVEL' } });
    const cur = servers.find((s) => s.label === 'cur (Cursor)');
    assert.deepEqual(cur?.kind === 'http' && [cur.url, cur.headers], ['http://127.0.0.1:1/mcp', { 'X-Team': 'a' }]);
    assert.notEqual(gem?.version, servers.find((s) => s.label === 'gem (Codex)')?.version);
  });

  (process.platform === 'win32' ? it.skip : it)('resolves variables in the client\'s dialect, and a command only nvm has by its absolute path', async () => {
    const home = path.join(dir, 'home');
    const nvmBin = path.join(home, '.nvm', 'versions', 'node', 'v22.0.0', 'bin');
    writeFiles(nvmBin, { 'mcp-bridge-test': '#!/bin/sh\nexit 0\n' });
    chmodSync(path.join(nvmBin, 'mcp-bridge-test'), 0o755);
    writeFiles(dir, { 'nvm/.gemini/settings.json': JSON.stringify({ mcpServers: { n: { command: 'mcp-bridge-test', args: ['$LOG_LEVEL'] } } }) });
    const [file] = await discoverWorkspaceConfigs([path.join(dir, 'nvm')]);
    const env = { PATH: '/usr/bin:/bin', LOG_LEVEL: 'debug' };
    const variables = { env, userHome: home, workspaceFolder: () => path.join(dir, 'nvm'), input: async () => '' };
    const r = await resolveBridged(file.servers[0], variables, { platform: process.platform, env, home }, { path: env.PATH, source: 'this-process', why: '' });
    assert.equal(r.kind, 'stdio');
    assert.ok(r.kind === 'stdio');
    assert.equal(r.command, path.join(nvmBin, 'mcp-bridge-test'));
    assert.deepEqual(r.args, ['debug']);
    assert.match(r.notes[0], /not on VS Code's PATH; started as .* \(found through nvm\)/);
  });
});
