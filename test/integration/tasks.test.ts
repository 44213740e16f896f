import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import type { CallServices } from '../../src/calls/callContext';
import { activate, resetWorkspace, startTrusted, waitFor } from './helpers';

const texts = (r: RenderedResult | undefined) => (r?.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('\n');

/**
 * The real progress notification, watched: every message reported to it is recorded, and
 * `cancelWhen` presses its Cancel (the token VS Code hands the call fires, as the button does).
 */
function watchedProgress(cancelWhen?: (message: string) => boolean): { withProgress: CallServices['withProgress']; titles: string[]; messages: string[]; cancellable: boolean[] } {
  const seen = { titles: [] as string[], messages: [] as string[], cancellable: [] as boolean[] };
  const withProgress: CallServices['withProgress'] = (options, task) => vscode.window.withProgress(options, (progress, token) => {
    seen.titles.push(options.title ?? '');
    seen.cancellable.push(!!options.cancellable);
    const cancel = new vscode.CancellationTokenSource();
    token.onCancellationRequested(() => cancel.cancel());
    return task({
      report: (value) => {
        progress.report(value);
        if (value.message) seen.messages.push(value.message);
        if (value.message && cancelWhen?.(value.message)) cancel.cancel();
      },
    }, cancel.token);
  });
  return { withProgress, ...seen };
}

describe('tools called as tasks (spec 2025-11-25): status in the notification, Cancel sends tasks/cancel', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;
  let realProgress: CallServices['withProgress'];

  before(async () => {
    api = await activate();
    realProgress = api.calls.withProgress;
    await resetWorkspace();
    serverId = await startTrusted(api, 'everything');
  });
  afterEach(async () => {
    api.calls.withProgress = realProgress;
    api.live.registryForTests.setTrace(false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => api.live.stopAll());

  it('Call Tool runs simulate-research-query as a task: each status in the notification, the result shown and in the History', async () => {
    const watched = watchedProgress();
    api.calls.withProgress = watched.withProgress;
    await api.history.clear();
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'simulate-research-query', arguments: { topic: 'bees' } });
    assert.equal(r.isError, false, texts(r));
    assert.match(texts(r), /# Research Report: bees/);
    assert.deepEqual(watched.titles, ['everything · simulate-research-query']);
    assert.deepEqual(watched.cancellable, [true]);
    assert.ok(watched.messages.includes('task working: Gathering sources...'), watched.messages.join(' | '));
    assert.match(watched.messages.at(-1) ?? '', /^task completed/);
    assert.equal(api.calls.results.last?.rendered, r, 'shown in its result view');
    const [entry] = await waitFor(() => (api.history.entries().length ? api.history.entries() : undefined), 'a history entry');
    assert.equal(entry.name, 'simulate-research-query');
    assert.equal(entry.status, 'ok');
  });

  it("the notification's Cancel sends tasks/cancel: the task ends cancelled and the result view says so", async () => {
    api.live.registryForTests.setTrace(true);
    const watched = watchedProgress((m) => m.startsWith('task working: '));
    api.calls.withProgress = watched.withProgress;
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'simulate-research-query', arguments: { topic: 'bees' } });
    assert.equal(r.isError, true);
    assert.match(texts(r), /cancelled by the user/);
    assert.match(watched.messages.at(-1) ?? '', /^task cancelled/, watched.messages.join(' | '));
    const sent = api.live.logEvents(serverId).filter((e) => e.kind === 'trace' && e.direction === 'send').map((e) => e.kind === 'trace' ? e.method : '');
    assert.ok(sent.includes('tasks/cancel'), sent.join(' '));
  });

  it('input_required is answered through the elicitation form; the notification shows it, and the task goes on', async () => {
    const realUi = api.calls.formUi;
    const watched = watchedProgress();
    api.calls.withProgress = watched.withProgress;
    const asked: string[] = [];
    api.calls.formUi = {
      ask: async (step) => {
        asked.push(step.pointer);
        return step.pointer === '/answer' ? { kind: 'value', value: 'accept' } : { kind: 'value', value: 'snake' };
      },
    };
    try {
      const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'simulate-research-query', arguments: { topic: 'python', ambiguous: true } });
      assert.equal(r.isError, false, texts(r));
      assert.match(texts(r), /Clarification\*\*: snake/);
      assert.deepEqual(asked, ['/answer', '/interpretation']);
      assert.ok(watched.messages.some((m) => m.startsWith('task input_required: Found multiple interpretations')), watched.messages.join(' | '));
    } finally {
      api.calls.formUi = realUi;
    }
  });
});
