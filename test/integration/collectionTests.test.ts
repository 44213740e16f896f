import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

const COLLECTION = `{
  "server": "everything",
  "calls": [
    {
      "kind": "tool",
      "name": "echo",
      "arguments": { "message": "same" },
      "match": "subset",
      "expect": { "content": [{ "type": "text", "text": "Echo: same" }] }
    },
    {
      "kind": "tool",
      "name": "echo",
      "arguments": { "message": "now" },
      "match": "subset",
      "expect": { "content": [{ "type": "text", "text": "Echo: then" }] }
    }
  ]
}
`;

describe('Testing view for collection files (*.mcp-tests.json)', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  const file = () => workspaceUri('tests', 'testing-view.mcp-tests.json');

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
    const s = api.live.all().find((x) => x.definition.name === 'everything')!;
    await api.live.trust.trust(s.definition);
    await write(file(), COLLECTION);
  });
  after(async () => {
    await vscode.workspace.fs.delete(file()).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.live.stopAll();
  });

  it('lists the file with one item per saved call, each with its range', async () => {
    const id = file().toString();
    const item = await waitFor(async () => {
      await api.collections.refresh();
      const f = api.collections.controller.items.get(id);
      return f && f.children.size === 2 ? f : undefined;
    }, 'the collection file in the Testing view');
    const children: vscode.TestItem[] = [];
    item.children.forEach((c) => children.push(c));
    assert.deepEqual(children.map((c) => c.label), ['#1 tool echo', '#2 tool echo']);
    assert.deepEqual(children.map((c) => c.range?.start.line), [3, 10]);
  });

  it('runs the file: the matching call passes, the other fails with the first differing pointer, expected and actual', async () => {
    const outcomes = await api.collections.runFromCommand(file());
    assert.deepEqual(outcomes.map((o) => [o.label, o.status]), [['#1 tool echo', 'passed'], ['#2 tool echo', 'failed']], JSON.stringify(outcomes));
    assert.match(outcomes[1].message!, /\/content\/0\/text/);
    assert.match(outcomes[1].message!, /"Echo: then".*"Echo: now"/);
    assert.deepEqual(JSON.parse(outcomes[1].actual!), { content: [{ type: 'text', text: 'Echo: now' }] }, 'the diff\'s actual side is normalised as a snapshot is');
  });

  it('gives a Run lens per saved call (and Run All); a lens runs its one call', async () => {
    const doc = await vscode.workspace.openTextDocument(file());
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'mcpDevtools.collections.run');
    assert.deepEqual(ours.map((l) => [l.command!.title, l.range.start.line]), [['$(run-all) Run All', 0], ['$(run) Run', 3], ['$(run) Run', 10]]);
    const outcomes = await vscode.commands.executeCommand<{ label: string; status: string }[]>(ours[1].command!.command, ...(ours[1].command!.arguments ?? []));
    assert.deepEqual(outcomes.map((o) => [o.label, o.status]), [['#1 tool echo', 'passed']]);
    assert.deepEqual(api.collections.lastRun.map((o) => o.status), ['passed']);
  });

  it('a call saved with a command line asks before it runs (the command comes from a workspace file), then runs as a connected server', async () => {
    const saved = workspaceUri('tests', 'adhoc.mcp-tests.json');
    const server = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/node_modules/@modelcontextprotocol/server-everything/dist/index.js`;
    await write(saved, JSON.stringify({
      server: { command: ['node', server, 'stdio'] },
      calls: [{ kind: 'tool', name: 'echo', arguments: { message: 'ad hoc' }, match: 'subset', expect: { content: [{ type: 'text', text: 'Echo: ad hoc' }] } }],
    }, null, 2));
    const dialog = api.live.trust.dialog;
    const asked: string[] = [];
    try {
      api.live.trust.dialog = async (message, detail, actions) => (asked.push(`${message}\n${detail}`), actions.find((a) => a === 'Do Not Run'));
      const refused = await api.collections.runFromCommand(saved);
      assert.deepEqual(refused.map((o) => o.status), ['errored'], JSON.stringify(refused));
      assert.match(refused[0].message!, /not started: You chose not to run/);
      assert.equal(asked.length, 1);
      assert.match(asked[0], /adhoc\.mcp-tests\.json/, 'the dialog names the collection file');
      assert.ok(asked[0].includes(`node ${server} stdio`), `the dialog shows what runs: ${asked[0]}`);

      await api.live.trust.reset();
      api.live.trust.dialog = async (message, _detail, actions) => (asked.push(message), actions.find((a) => a.startsWith('Trust')));
      const ran = await api.collections.runFromCommand(saved);
      assert.deepEqual(ran.map((o) => [o.label, o.status]), [['#1 tool echo', 'passed']], JSON.stringify(ran));
      assert.ok(api.live.all().some((s) => s.definition.adHoc && s.state.kind === 'running'), 'it runs as a server connected in this window');
      await api.collections.runFromCommand(saved);
      assert.equal(asked.length, 2, 'the answer is remembered');
    } finally {
      api.live.trust.dialog = dialog;
      for (const s of api.live.all().filter((x) => x.definition.adHoc)) await vscode.commands.executeCommand('mcpDevtools.disconnectServer', { serverId: s.id });
      await vscode.workspace.fs.delete(saved).then(undefined, () => undefined);
      await api.live.trust.reset();
    }
  });
});
