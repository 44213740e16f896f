import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverConfigs, discoverWorkspaceConfigs } from '../../../src/core/config/discovery';
import type { DiscoveryEnv } from '../../../src/core/config/env';
import { writeFiles } from '../connection/helpers';


const STDIO = (name: string) => JSON.stringify({ mcpServers: { [name]: { command: 'node' } } });

describe('discovery', () => {
  let root: string;
  let ws: string;
  let env: DiscoveryEnv;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcp-discovery-'));
    ws = path.join(root, 'ws');
    env = { platform: 'linux', home: path.join(root, 'home') };
    writeFiles(ws, {
      '.vscode/mcp.json': '{ "servers": { "v": { "command": "node" } } }',
      '.mcp.json': STDIO('cc'),
      '.cursor/mcp.json': STDIO('cur'),
      '.gemini/settings.json': STDIO('gem'),
      '.codex/config.toml': '[mcp_servers.cx]\ncommand = "node"\n',
      '.continue/mcpServers/a.yaml': 'mcpServers:\n  - name: cont\n    command: node\n',
      '.continue/mcpServers/b.json': STDIO('contjson'),
      '.continue/mcpServers/notes.txt': 'not a config',
      'team.code-workspace': '{ "settings": { "mcp": { "servers": { "cw": { "command": "node" } } } } }',
    });
    writeFiles(env.home, {
      '.claude.json': JSON.stringify({
        mcpServers: { user1: { command: 'node' } },
        projects: { [ws]: { mcpServers: { local1: { command: 'node' } } }, '/elsewhere': { mcpServers: { other: { command: 'x' } } } },
      }),
      '.cursor/mcp.json': STDIO('curUser'),
      '.config/Code/User/mcp.json': '{ "servers": { "vsUser": { "url": "https://h/mcp" } } }',
      '.config/Code/User/profiles/abc123/mcp.json': '{ "servers": { "vsProfile": { "command": "node" } } }',
      '.codex/config.toml': '[mcp_servers.cxUser]\nurl = "https://h/mcp"\n',
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('discoverWorkspaceConfigs reads every workspace-scope format, expanding * patterns', async () => {
    const files = await discoverWorkspaceConfigs([ws]);
    assert.deepEqual(files.map((f) => [f.format, f.servers.map((s) => s.name).join()]), [
      ['vscode-workspace', 'v'],
      ['vscode-code-workspace', 'cw'],
      ['claude-code-project', 'cc'],
      ['cursor-project', 'cur'],
      ['gemini-project', 'gem'],
      ['codex-project', 'cx'],
      ['continue-project', 'cont'],
      ['continue-project-json', 'contjson'],
    ]);
    assert.ok(files.every((f) => f.scope === 'workspace' && !f.error));
  });

  it('discoverConfigs adds Claude Code local-scope servers for the folder, then user files and profiles', async () => {
    const files = await discoverConfigs({ folders: [ws], env, includeUser: true });
    const summary = files.map((f) => `${f.scope} ${f.format} ${f.servers.map((s) => s.name).join()}`);
    assert.deepEqual(summary.slice(8), [
      'workspace claude-code-user local1',
      'user claude-code-user user1',
      'user vscode-user vsUser',
      'user cursor-user curUser',
      'user codex-user cxUser',
      'user vscode-user vsProfile',
    ]);
    assert.equal(files[8].workspaceFolder, ws);
  });

  it('includeUser: false keeps the local-scope servers but no user file', async () => {
    const files = await discoverConfigs({ folders: [ws], env, includeUser: false });
    assert.deepEqual(files.filter((f) => f.scope === 'user'), []);
    assert.equal(files.filter((f) => f.format === 'claude-code-user').length, 1);
  });

  it('reads an explicitly given .code-workspace file once', async () => {
    const files = await discoverConfigs({ folders: [ws], env, includeUser: false, workspaceFile: path.join(ws, 'team.code-workspace') });
    assert.equal(files.filter((f) => f.format === 'vscode-code-workspace').length, 1);
  });

  it('skips missing files, and returns unreadable ones with an error instead of throwing', async () => {
    rmSync(path.join(ws, '.mcp.json'));
    mkdirSync(path.join(ws, '.mcp.json'));
    const files = await discoverWorkspaceConfigs([ws, path.join(root, 'missing')]);
    const cc = files.find((f) => f.format === 'claude-code-project');
    assert.match(cc?.error?.message ?? '', /Cannot read/);
    assert.deepEqual(cc?.servers, []);
    assert.equal(files.length, 8);
  });

  it('returns a broken file with its parse error', async () => {
    writeFiles(ws, { '.cursor/mcp.json': '{ "mcpServers": { "a": { "command": "x" }, } ' });
    const files = await discoverWorkspaceConfigs([ws]);
    const cur = files.find((f) => f.format === 'cursor-project');
    assert.match(cur?.error?.message ?? '', /syntax error/);
    assert.deepEqual(cur?.servers.map((s) => s.name), ['a']);
  });
});
