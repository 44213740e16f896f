import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../src/core/history';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, startTrusted, waitFor } from './helpers';

const texts = (r: RenderedResult | undefined) => (r?.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('\n');
const resultTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('mcpDevtools.result'));
/** Tabs reach the extension host a little after the call returns: wait for at least `atLeast`, let them settle, then list them. */
const settledResultTabs = async (atLeast: number) => {
  await waitFor(() => resultTabs().length >= atLeast, `${atLeast} result tab(s)`);
  await new Promise((r) => setTimeout(r, 500));
  return resultTabs();
};

describe('result views: one per tool, beside the editor, reopened from the History', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;
  let doc: vscode.TextDocument;

  const call = (toolName: string, args: Record<string, unknown>) => vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName, arguments: args });
  const assertEditorKeepsFocus = (when: string) => {
    assert.equal(vscode.window.activeTextEditor?.document, doc, `${when}: the text editor is still the active editor`);
    assert.equal(vscode.window.tabGroups.activeTabGroup.viewColumn, vscode.ViewColumn.One, `${when}: its group is still the active group`);
  };

  before(async () => {
    api = await activate();
    await resetWorkspace();
    serverId = await startTrusted(api, 'everything');
  });
  beforeEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    doc = await vscode.workspace.openTextDocument({ content: 'notes the user is writing', language: 'plaintext' });
    await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.live.stopAll();
  });

  it('three calls of one tool leave one result tab, updated in place beside the editor; another tool adds a second; the editor keeps focus', async () => {
    for (const message of ['one', 'two', 'three']) {
      const r = await call('echo', { message });
      assert.equal(texts(r), `Echo: ${message}`);
      assertEditorKeepsFocus(`after echo "${message}"`);
    }
    const tabs = await settledResultTabs(1);
    assert.equal(tabs.length, 1, `one result tab for echo, got: ${tabs.map((t) => t.label).join(', ')}`);
    assert.equal(tabs[0].group.viewColumn, vscode.ViewColumn.Two, 'beside the editor');
    assert.equal(texts(api.calls.results.last?.rendered), 'Echo: three', 'the view shows the last call');
    await call('get-sum', { a: 1, b: 2 });
    assert.equal((await settledResultTabs(2)).length, 2, 'a second tool, a second result tab');
    assertEditorKeepsFocus('after get-sum');
    await call('echo', { message: 'four' });
    assert.equal((await settledResultTabs(2)).length, 2, 'echo again: its own tab again');
  });

  it('a click on a History entry shows its stored result in the tool\'s view, without focus', async () => {
    await api.history.clear();
    await call('echo', { message: 'kept for later' });
    await call('echo', { message: 'newer' });
    const entries = await waitFor(() => (api.history.entries().length === 2 ? api.history.entries() : undefined), 'two history entries');
    const older = entries[1];
    assert.ok(older.result, 'the entry keeps its result');
    const item = api.historyTree.getTreeItem(older);
    assert.ok(item.command, 'a click on the entry runs a command');
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const shown = api.calls.results.last;
    assert.equal(texts(shown?.rendered), 'Echo: kept for later');
    assert.match(shown?.banner?.text ?? '', /From the History/);
    assert.equal((await settledResultTabs(1)).length, 1, 'in the same view as echo\'s calls');
    assertEditorKeepsFocus('after the click');
  });

  it('an entry without a stored result says so and offers Re-run, which calls again', async () => {
    await api.history.clear();
    await call('echo', { message: 'from an older version' });
    const [stored] = await waitFor(() => (api.history.entries().length ? api.history.entries() : undefined), 'a history entry');
    const { result: _dropped, ...older }: HistoryEntry = stored; // as entries recorded before results were kept
    const item = api.historyTree.getTreeItem(older);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const shown = api.calls.results.last;
    assert.equal(shown?.rendered, undefined);
    assert.match(shown?.banner?.text ?? '', /was not kept/);
    const rerun = shown?.banner?.links.find((l) => l.label === 'Re-run');
    assert.ok(rerun, 'offers Re-run');
    assert.ok(shown?.banner?.links.some((l) => l.command === 'mcpDevtools.history.saveToCollection'), 'offers Save to Collection…');
    const r = await vscode.commands.executeCommand<RenderedResult>(rerun.command, ...rerun.args);
    assert.equal(texts(r), 'Echo: from an older version');
    assert.equal((await settledResultTabs(1)).length, 1);
  });
});
