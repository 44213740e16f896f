import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, treeText, waitFor } from './helpers';
import { alive, mcpServerProcesses } from './processes';

/** The id of a configured server by name, trusted so no dialog blocks the test. */
async function trusted(api: ExtensionApi, name: string): Promise<string> {
  await api.live.sync();
  const s = api.live.all().find((x) => x.definition.name === name);
  assert.ok(s, `server ${name} is configured`);
  await api.live.trust.trust(s.definition);
  return s.id;
}

describe('live servers', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  before(async () => {
    api = await activate();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });
  after(async () => {
    await api.live.stopAll();
    await api.live.trust.reset();
  });

  it("starts server-everything and the tree shows its tools, resources, resource templates and prompts", async () => {
    const id = await trusted(api, 'everything');
    await vscode.commands.executeCommand('mcpDevtools.startServer', { serverId: id });
    const s = api.live.snapshot(id)!;
    assert.equal(s.state.kind, 'running', JSON.stringify(s.state));
    const lines = await waitFor(async () => {
      const t = await treeText(api);
      return t.some((l) => /^ {6}Tools \(\d+\)$/.test(l)) && t.some((l) => /^ {6}Prompts \(\d+\)$/.test(l)) ? t : undefined;
    }, 'the list groups appear');
    const server = lines.find((l) => l.startsWith('    everything ('))!;
    assert.match(server, /stdio · running · \d+ tools · \d+ resources · \d+ prompts/);
    for (const group of ['Tools', 'Resources', 'Resource Templates', 'Prompts']) assert.ok(lines.some((l) => l.startsWith(`      ${group} (`)), `${group} group in\n${lines.join('\n')}`);
    // the items under the groups (every page listed)
    const tools = lines.filter((l) => l.startsWith('        ') && lines.indexOf(l) > lines.findIndex((x) => x.startsWith('      Tools (')));
    assert.ok(tools.some((l) => l.trim().startsWith('echo') || /Echo/i.test(l)), `echo among\n${lines.join('\n')}`);
    assert.ok(lines.some((l) => /demo:\/\/resource\/dynamic\/text\/\{resourceId\}/.test(l)), 'a resource template with its URI template');
    assert.ok(s.info?.serverInfo.name, 'server info from initialize');
  });

  it("a server's tooltip renders its Markdown instructions, untrusted, cut at a line break with …", async () => {
    const id = await trusted(api, 'everything');
    if (api.live.snapshot(id)?.state.kind !== 'running') await api.live.start(id);
    const s = api.live.snapshot(id)!;
    assert.equal(s.state.kind, 'running');
    const instructions = s.info?.instructions ?? '';
    assert.match(instructions, /^## Cross-Feature Relationships$/m, 'server-everything sends Markdown instructions');
    const [vscodeClient] = await api.serversTree.getChildren();
    const [file] = await api.serversTree.getChildren(vscodeClient);
    const node = (await api.serversTree.getChildren(file)).find((n) => n.kind === 'server' && n.server.name === 'everything')!;
    const tooltip = api.serversTree.getTreeItem(node).tooltip as vscode.MarkdownString;
    assert.equal(typeof tooltip?.value, 'string', 'a MarkdownString');
    assert.notEqual(tooltip.isTrusted, true, 'untrusted: command links do not run');
    assert.notEqual(tooltip.supportHtml, true);
    const excerpt = /\n---\n\n([\s\S]*?)\n\n---\n/.exec(tooltip.value)?.[1];
    assert.ok(excerpt, `the instructions between rules in\n${tooltip.value}`);
    assert.match(excerpt, /^## Cross-Feature Relationships$/m, 'a heading, not escaped text');
    assert.match(excerpt, /\n\n…$/, 'shortened, with … as its own paragraph');
    const lines = instructions.split('\n');
    for (const line of excerpt.slice(0, -3).split('\n')) assert.ok(lines.includes(line), `cut at a line break, not inside: ${JSON.stringify(line)}`);
    assert.ok(excerpt.length < instructions.length);
  });

  it("a tool's tooltip is made when VS Code resolves the hovered item, not for every item of the list", async () => {
    const id = await trusted(api, 'everything');
    if (api.live.snapshot(id)?.state.kind !== 'running') await api.live.start(id);
    const [vscodeClient] = await api.serversTree.getChildren();
    const [file] = await api.serversTree.getChildren(vscodeClient);
    const server = (await api.serversTree.getChildren(file)).find((n) => n.kind === 'server' && n.server.name === 'everything')!;
    const tools = (await api.serversTree.getChildren(server)).find((n) => n.kind === 'list' && n.list === 'tools')!;
    const echo = (await api.serversTree.getChildren(tools)).find((n) => n.kind === 'entry' && n.entry.name === 'echo')!;
    assert.ok(echo, 'the echo tool is listed');
    const item = api.serversTree.getTreeItem(echo);
    assert.equal(item.tooltip, undefined, 'no tooltip up front');
    const tooltip = api.serversTree.resolveTreeItem(item, echo).tooltip as vscode.MarkdownString;
    assert.notEqual(tooltip.isTrusted, true, 'untrusted: command links do not run');
    assert.match(tooltip.value, /echo/i, 'names the tool');
    assert.match(tooltip.value, /Arguments: `message`/, 'lists its arguments');
  });

  it('opens a resource in a read-only document', async () => {
    const id = await trusted(api, 'everything');
    const s = api.live.snapshot(id)!;
    const resources = s.lists.resources.kind === 'loaded' ? s.lists.resources.items : [];
    const text = resources.find((r) => r.mimeType?.startsWith('text/')) ?? resources[0];
    assert.ok(text, 'server-everything lists resources');
    const read = await api.live.readResource(id, text.uri);
    assert.ok(read.contents.length, 'resources/read answers');
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcpDevtools.openResource', { serverId: id, uri: text.uri });
    assert.equal(uri?.scheme, 'mcp-devtools-resource');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.scheme === 'mcp-devtools-resource' ? vscode.window.activeTextEditor : undefined), 'the resource editor');
    assert.ok(editor.document.getText().length > 0);
    assert.doesNotMatch(editor.document.getText(), /^Could not read/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a killed server comes back (reconnect with backoff)', async () => {
    const id = await trusted(api, 'everything');
    const pid = api.live.snapshot(id)?.info?.pid;
    assert.ok(pid && alive(pid), 'a running server process');
    process.kill(pid, 'SIGKILL');
    await waitFor(() => api.live.snapshot(id)?.state.kind !== 'running', 'the exit is noticed', 10000);
    const back = await waitFor(() => {
      const s = api.live.snapshot(id);
      return s?.state.kind === 'running' && s.info?.pid !== pid ? s : undefined;
    }, 'the server runs again with a new process', 30000);
    assert.ok(back.info?.pid && alive(back.info.pid));
  });

  it('a server that changes refreshes its own node only: the same node object, never the whole tree', async () => {
    const id = await trusted(api, 'everything');
    if (api.live.snapshot(id)?.state.kind !== 'running') await api.live.start(id);
    const serverNode = async () => {
      const [vscodeClient] = await api.serversTree.getChildren();
      const [file] = await api.serversTree.getChildren(vscodeClient);
      return (await api.serversTree.getChildren(file)).find((n) => n.kind === 'server' && n.server.id === id)!;
    };
    const node = await serverNode();
    const fired: (readonly unknown[] | undefined)[] = [];
    const sub = api.serversTree.onDidChangeTreeData((e) => fired.push(e));
    try {
      await vscode.commands.executeCommand('mcpDevtools.stopServer', { serverId: id });
      await waitFor(() => fired.some((e) => e?.includes(node)), 'a refresh of the server node');
      await api.live.start(id);
      await waitFor(() => fired.filter((e) => e?.includes(node)).length >= 2, 'a refresh of the server node once running again');
      assert.ok(fired.every((e) => e !== undefined), 'no whole-tree refresh for a live change');
      assert.ok(fired.every((e) => e!.every((n) => (n as { kind: string }).kind === 'server')), 'only server nodes are refreshed');
      assert.equal(await serverNode(), node, 'the same node object across refreshes');
      // while they stay in the tree, its list nodes are stable too (a stopped server has none)
      const [tools] = await api.serversTree.getChildren(node);
      const before = fired.length;
      await vscode.commands.executeCommand('mcpDevtools.refresh');
      await waitFor(() => fired.length > before, 'a refresh after re-listing');
      assert.equal((await api.serversTree.getChildren(node))[0], tools, 'the same list node after a refresh');
    } finally {
      sub.dispose();
    }
  });

  it('a server that cannot start shows "Failed to start" under it, with Show Output', async () => {
    const id = await trusted(api, 'remote-api');
    await api.live.start(id);
    const lines = await waitFor(async () => {
      const t = await treeText(api);
      return t.some((l) => l.startsWith('      Failed to start:')) ? t : undefined;
    }, 'the error node');
    const err = lines.find((l) => l.startsWith('      Failed to start:'))!;
    assert.match(err, /127\.0\.0\.1:39999/);
    assert.equal(api.live.snapshot(id)?.state.kind, 'error');
  });

  it('a workspace server never trusted does not start without asking', async () => {
    await api.live.trust.reset();
    const id = api.live.all().find((x) => x.definition.name === 'memory')!.id;
    const reason = await api.live.start(id, { ask: false });
    assert.match(reason ?? '', /not been trusted/);
    assert.equal(api.live.snapshot(id)?.state.kind, 'stopped');
    assert.ok(!mcpServerProcesses().some((p) => p.cmd.includes('server-memory')));
  });

  it('the status bar counts running servers', async () => {
    // indirectly: the registry the status bar reads has one running server
    assert.equal(api.live.all().filter((s) => s.state.kind === 'running').length, 1);
  });
});
