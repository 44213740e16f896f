/**
 * Issue 12, item 1: "MCP: Connect to Server…" with a command line (given, and typed into its input
 * box), the server under "Connected in This Window", a tool call on it, Save to Config into the
 * workspace's .vscode/mcp.json (which lints clean) replacing it, and Disconnect.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../src/core/lint';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, treeText, typeInWorkbench, waitFor, workspaceUri } from './helpers';

const EVERYTHING = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/node_modules/@modelcontextprotocol/server-everything/dist/index.js`;
const texts = (r: RenderedResult | undefined) => (r?.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('\n');

describe('MCP: Connect to Server… (a server with no config file)', function () {
  this.timeout(120000);
  let api: ExtensionApi;
  let serverId: string;
  const state = (id: string) => api.live.snapshot(id)?.state.kind;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });
  after(async () => {
    await api.live.stopAll();
    for (const s of api.live.all()) if (s.definition.adHoc) await api.servers.disconnect(s.id);
    await api.live.trust.reset();
    await resetWorkspace();
    await api.servers.refresh();
  });

  it('connects to a command line: the server shows under "Connected in This Window", starts, and a tool call works', async () => {
    serverId = (await vscode.commands.executeCommand<string>('mcpDevtools.connectToServer', { commandLine: `node '${EVERYTHING}' stdio` }))!;
    assert.match(serverId, /^adhoc:/);
    await waitFor(() => state(serverId) === 'running', 'the connected server runs', 30000);
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.some((x) => /^ {2}server-everything \(stdio · running/.test(x)) && l;
    }, 'the tree shows it running');
    const group = lines.indexOf('Connected in This Window (1 server)');
    assert.ok(group >= 0 && lines[group + 1].startsWith('  server-everything ('), lines.join('\n'));
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'echo', arguments: { message: 'hi from nowhere' } });
    assert.equal(r?.isError, false);
    assert.match(texts(r), /Echo: hi from nowhere/);
    assert.ok(api.history.entries().some((e) => e.serverId === serverId && e.name === 'echo'), 'the call is in History');
  });

  it('Save to Config… writes it into .vscode/mcp.json (lints clean) and the configured server replaces the connected one', async () => {
    const file = workspaceUri('.vscode', 'mcp.json');
    const saved = await vscode.commands.executeCommand<{ file: string; name: string; serverId: string }>('mcpDevtools.saveServerToConfig', { serverId, file: file.fsPath });
    assert.equal(saved?.name, 'server-everything');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.match(text, /\/\/ Integration-test workspace/, 'the comment is kept');
    const entry = text.slice(text.indexOf('"server-everything"'));
    assert.match(entry, /^"server-everything": \{\s+"type": "stdio",\s+"command": "node",\s+"args": \[/);
    assert.deepEqual(lint(text, file.fsPath).map((f) => `${f.code}: ${f.message}`), []);
    await waitFor(() => state(saved!.serverId) === 'running', 'the configured server runs in its place', 30000);
    assert.equal(api.live.snapshot(serverId), undefined, 'the connected one is gone');
    const lines = await treeText(api);
    assert.ok(!lines.some((l) => l.startsWith('Connected in This Window')), lines.join('\n'));
    assert.ok(lines.some((l) => /^ {4}server-everything \(stdio · running/.test(l)), lines.join('\n'));
  });

  it('typed into the input box, then Disconnect removes it from the window', async function () {
    const pending = vscode.commands.executeCommand<string>('mcpDevtools.connectToServer');
    await typeInWorkbench(this, `TYPED=1 node ${EVERYTHING} stdio`, 'MCP: Connect to Server');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const id = (await pending)!;
    await waitFor(() => state(id) === 'running', 'the typed server runs', 30000);
    const t = api.live.snapshot(id)?.definition.transport;
    assert.deepEqual(t?.kind === 'stdio' && [t.command.value, Object.keys(t.env)], ['node', ['TYPED']]);
    await vscode.commands.executeCommand('mcpDevtools.disconnectServer', { serverId: id });
    assert.equal(api.live.snapshot(id), undefined);
    assert.ok(!(await treeText(api)).some((l) => l.startsWith('Connected in This Window')));
  });
});
