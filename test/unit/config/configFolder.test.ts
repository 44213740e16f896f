/** The walk up to the nearest folder with MCP config files, the folder a file implies, and files named explicitly. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findConfigFolder, workspaceFolderOf } from '../../../src/core/config/configFolder';
import { ConfigPathError, readNamedConfigs } from '../../../src/core/config/discovery';
import type { DiscoveryEnv } from '../../../src/core/config/env';
import { writeFiles } from '../connection/helpers';


const STDIO = (name: string) => JSON.stringify({ mcpServers: { [name]: { command: 'node' } } });

describe('config folder: the walk up from the working directory', () => {
  let root: string;
  let env: DiscoveryEnv;

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-walk-')));
    // home is the temporary root: the walk never leaves it, whatever /tmp holds.
    env = { platform: 'linux', home: root };
    writeFiles(root, {
      'proj/.vscode/mcp.json': '{ "servers": { "v": { "command": "node" } } }',
      'proj/src/deep/er/file.ts': '',
      'proj/.vscode/settings.json': '{}',
      'proj/packages/inner/.cursor/mcp.json': STDIO('cur'),
      'proj/packages/inner/lib/x.ts': '',
      'cont/.continue/mcpServers/a.yaml': 'mcpServers:\n  - name: c\n    command: node\n',
      'cont/sub/x': '',
      'ws/team.code-workspace': '{}',
      'ws/a/x': '',
      'only-settings/.vscode/settings.json': '{}',
      'only-settings/sub/x': '',
      'dir-not-file/.mcp.json/x': '',
      'dir-not-file/sub/x': '',
      '.cursor/mcp.json': STDIO('userCursor'),
      'user-project/sub/x': '',
    });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds the nearest folder with a config file, from a subfolder at any depth', async () => {
    assert.equal(await findConfigFolder(path.join(root, 'proj/src/deep/er'), env), path.join(root, 'proj'));
    assert.equal(await findConfigFolder(path.join(root, 'proj'), env), path.join(root, 'proj'));
    // .vscode itself is a subfolder of the project, not a project
    assert.equal(await findConfigFolder(path.join(root, 'proj/.vscode'), env), path.join(root, 'proj'));
  });

  it('the nearest wins: a nested project with its own file is not merged with the outer one', async () => {
    assert.equal(await findConfigFolder(path.join(root, 'proj/packages/inner/lib'), env), path.join(root, 'proj/packages/inner'));
    assert.equal(await findConfigFolder(path.join(root, 'proj/packages'), env), path.join(root, 'proj'));
  });

  it('every workspace format counts, * patterns included; other files and directories do not', async () => {
    assert.equal(await findConfigFolder(path.join(root, 'cont/sub'), env), path.join(root, 'cont'));
    assert.equal(await findConfigFolder(path.join(root, 'ws/a'), env), path.join(root, 'ws'));
    assert.equal(await findConfigFolder(path.join(root, 'only-settings/sub'), env), undefined);
    assert.equal(await findConfigFolder(path.join(root, 'dir-not-file/sub'), env), undefined);
  });

  it('stops below the home directory: its .cursor/mcp.json is the user\'s file, not a project\'s; home itself is looked at when it is the start', async () => {
    assert.equal(await findConfigFolder(path.join(root, 'user-project/sub'), env), undefined);
    assert.equal(await findConfigFolder(root, env), root);
  });

  it('a missing start folder finds nothing and does not throw', async () => {
    assert.equal(await findConfigFolder(path.join(root, 'no/such/folder'), env), undefined);
  });
});

describe('config folder: the folder a config file implies', () => {
  it('strips the workspace path of workspace formats; user formats and foreign names give undefined', () => {
    const p = path.resolve('/p');
    assert.equal(workspaceFolderOf(path.join(p, '.vscode/mcp.json'), 'vscode-workspace'), p);
    assert.equal(workspaceFolderOf(path.join(p, '.mcp.json'), 'claude-code-project'), p);
    assert.equal(workspaceFolderOf(path.join(p, 'team.code-workspace'), 'vscode-code-workspace'), p);
    assert.equal(workspaceFolderOf(path.join(p, '.continue/mcpServers/x.yaml'), 'continue-project'), p);
    assert.equal(workspaceFolderOf(path.join(p, '.codex/config.toml'), 'codex-project'), p);
    assert.equal(workspaceFolderOf(path.join(p, 'servers.json'), 'vscode-workspace'), undefined);
    assert.equal(workspaceFolderOf(path.join(p, 'claude_desktop_config.json'), 'claude-desktop'), undefined);
    assert.throws(() => workspaceFolderOf('/p/x.json', 'no-such-format'), /Unknown config format/);
  });
});

describe('config files named explicitly (--config)', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcp-named-'));
    writeFiles(root, {
      'a/.vscode/mcp.json': '{ "servers": { "va": { "command": "node" } } }',
      'b/.cursor/mcp.json': STDIO('cb'),
      'custom/servers.json': STDIO('custom'),
      'broken/.mcp.json': '{ "mcpServers": { "x": ',
    });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const env: DiscoveryEnv = { platform: 'linux', home: '/nonexistent-home' };

  it('reads each file in the format its path names, in order, once', async () => {
    const a = path.join(root, 'a/.vscode/mcp.json');
    const b = path.join(root, 'b/.cursor/mcp.json');
    const files = await readNamedConfigs([a, b, a], { env });
    assert.deepEqual(files.map((f) => [f.format, f.servers.map((s) => s.name)]), [['vscode-workspace', ['va']], ['cursor-project', ['cb']]]);
  });

  it('an explicit format id reads a file of any name; a file that does not parse comes back with its error', async () => {
    const [custom] = await readNamedConfigs([path.join(root, 'custom/servers.json')], { formatId: 'claude-desktop', env });
    assert.deepEqual([custom.format, custom.servers.map((s) => s.name)], ['claude-desktop', ['custom']]);
    const [broken] = await readNamedConfigs([path.join(root, 'broken/.mcp.json')], { env });
    assert.ok(broken.error, 'a parse error is reported on the file');
  });

  it('throws ConfigPathError, saying what to do, for an unknown name, a missing file, a folder and an unknown format id', async () => {
    await assert.rejects(readNamedConfigs([path.join(root, 'custom/servers.json')], { env }), (e: Error) => e instanceof ConfigPathError && /servers\.json is not a file any MCP client reads by that name.*--as <format-id>; known: vscode-workspace/.test(e.message));
    await assert.rejects(readNamedConfigs([path.join(root, 'nope/.mcp.json')], { env }), (e: Error) => e instanceof ConfigPathError && /nope\/\.mcp\.json does not exist/.test(e.message));
    await assert.rejects(readNamedConfigs([path.join(root, 'a/.vscode')], { formatId: 'vscode-workspace', env }), (e: Error) => e instanceof ConfigPathError && /EISDIR/.test(e.message));
    await assert.rejects(readNamedConfigs([path.join(root, 'a/.vscode/mcp.json')], { formatId: 'vscode', env }), (e: Error) => e instanceof ConfigPathError && /unknown format id "vscode" \(known: /.test(e.message));
  });
});
