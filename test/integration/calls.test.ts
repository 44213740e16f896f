import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Step } from '../../src/core/forms';
import { readCollection } from '../../src/core/collections';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import type { FormUi, StepContext, UiAnswer } from '../../src/ui/formUi';
import { activate, resetWorkspace, startTrusted, waitFor } from './helpers';

/** A FormUi that answers from a script (by field pointer) and records what it was asked. */
class ScriptedUi implements FormUi {
  readonly asked: { step: Step; ctx: StepContext }[] = [];
  constructor(private readonly answers: Record<string, UiAnswer>) {}
  async ask(step: Step, ctx: StepContext): Promise<UiAnswer> {
    this.asked.push({ step, ctx });
    return this.answers[step.pointer] ?? { kind: 'cancel' };
  }
}

/** Answers any form with plausible valid values: Respond to elicitations, first choices, defaults, short texts; optional fields skipped. */
class AutoUi implements FormUi {
  readonly asked: Step[] = [];
  async ask(step: Step): Promise<UiAnswer> {
    this.asked.push(step);
    if (step.pointer === '/answer' && step.choices?.some((c) => c.value === 'accept')) return { kind: 'value', value: 'accept' };
    if (!step.required && step.kind !== 'include' && step.kind !== 'variant') return { kind: 'skip' };
    if (step.hasDefault) return { kind: 'value', value: step.default };
    if (step.choices?.length) return { kind: 'value', value: step.canPickMany ? [step.choices[0].value] : step.choices[0].value };
    if (step.kind === 'number' || step.kind === 'integer') return { kind: 'text', text: '3' };
    if (step.kind === 'json') return { kind: 'text', text: step.initialText ?? '{}' };
    if (step.examples.length) return { kind: 'value', value: step.examples[0] };
    return { kind: 'text', text: step.placeholder?.includes('email') ? 'someone@example.com' : 'from the test' };
  }
}

const texts = (r: RenderedResult | undefined) => (r?.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('\n');

describe('calling tools, prompts and resource templates', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;
  let realUi: FormUi;

  before(async () => {
    api = await activate();
    realUi = api.calls.formUi;
    await resetWorkspace();
    serverId = await startTrusted(api, 'everything');
  });
  afterEach(async () => {
    api.calls.formUi = realUi;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => api.live.stopAll());

  it('calls echo through the form (answers injected through the adapter) and renders the result', async () => {
    const ui = new ScriptedUi({ '/message': { kind: 'text', text: 'hello from the form' } });
    api.calls.formUi = ui;
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'echo' });
    assert.equal(ui.asked.length, 1);
    assert.equal(ui.asked[0].step.kind, 'string');
    assert.equal(ui.asked[0].ctx.index, 1);
    assert.equal(r.isError, false);
    assert.match(texts(r), /hello from the form/);
    assert.ok(r.durationMs !== undefined && r.sizeBytes > 0);
    assert.equal(api.calls.results.last?.rendered, r, 'shown in a result view');
  });

  it('offers the last arguments first', async () => {
    const ui = new ScriptedUi({ '/message': { kind: 'text', text: 'again' } });
    api.calls.formUi = ui;
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'echo' });
    assert.equal(ui.asked[0].step.previous, 'hello from the form');
  });

  it('keeps JSON types: get-sum gets numbers', async () => {
    api.calls.formUi = new ScriptedUi({ '/a': { kind: 'text', text: '2' }, '/b': { kind: 'text', text: '40' } });
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'get-sum' });
    assert.match(texts(r), /42/);
  });

  it('runs a whole call through the real QuickPick (accepting the first choice) and checks structuredContent against outputSchema', async () => {
    const pending = vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'get-structured-content' });
    let result: RenderedResult | undefined;
    void pending.then((r) => (result = r));
    await waitFor(async () => {
      if (result) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 300));
      return !!result;
    }, 'the QuickPick form is answered and the call returns', 20000);
    const structured = result!.parts.find((p) => p.kind === 'structured');
    assert.ok(structured && structured.kind === 'structured', 'a structuredContent part');
    assert.equal(structured.validation.status, 'valid');
    assert.deepEqual(api.calls.lastArguments.get('everything', 'tool', 'get-structured-content'), { location: 'New York' }, 'the first choice, sent as picked');
  });

  it('gets a prompt with arguments and renders its messages by role', async () => {
    api.calls.formUi = new ScriptedUi({ '/city': { kind: 'text', text: 'Lisbon' }, '/state': { kind: 'skip' } });
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.getPrompt', { serverId, promptName: 'args-prompt' });
    const message = r.parts.find((p) => p.kind === 'message');
    assert.ok(message && message.kind === 'message');
    assert.equal(message.role, 'user');
    assert.match(message.markdown, /Lisbon/);
  });

  it('offers completion/complete suggestions for prompt arguments', async () => {
    const suggested: Record<string, string[]> = {};
    api.calls.formUi = {
      async ask(step, ctx) {
        const values = ctx.complete ? await ctx.complete('') : [];
        suggested[step.pointer] = values;
        return values.length ? { kind: 'text', text: values[0] } : { kind: 'text', text: 'x' };
      },
    };
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.getPrompt', { serverId, promptName: 'completable-prompt' });
    assert.ok(suggested['/department']?.length, `suggestions for department: ${JSON.stringify(suggested)}`);
    assert.ok(r.parts.some((p) => p.kind === 'message' && p.markdown.includes(suggested['/department'][0])));
  });

  it('reads a resource template with its variable filled through the form', async () => {
    api.calls.formUi = new ScriptedUi({ '/resourceId': { kind: 'text', text: '7' } });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('mcpDevtools.readResource', { serverId, uriTemplate: 'demo://resource/dynamic/text/{resourceId}' });
    assert.ok(uri, 'a document opened');
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.match(doc.getText(), /7/);
  });

  it('"Edit as JSON…" opens the arguments with the schema attached; Send runs the call', async () => {
    api.calls.formUi = new ScriptedUi({ '/message': { kind: 'json' } });
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'echo' });
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath.includes('mcp-devtools-arguments') ? vscode.window.activeTextEditor : undefined), 'the arguments editor');
    assert.match(editor.document.getText(), /"\$schema": "mcp-devtools-schema:/);
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), '{ "message": "sent from JSON" }\n'));
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.sendArguments', editor.document.uri);
    assert.match(texts(r), /sent from JSON/);
  });

  it('records calls in the History view: re-run, copy as CLI, export as JSON', async () => {
    await api.history.clear();
    api.calls.formUi = new ScriptedUi({ '/message': { kind: 'text', text: 'for the history' } });
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'echo' });
    const [entry] = await waitFor(() => (api.history.entries().length ? api.history.entries() : undefined), 'a history entry');
    assert.equal(entry.name, 'echo');
    assert.equal(entry.status, 'ok');
    assert.deepEqual(entry.arguments, { message: 'for the history' });
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.history.rerun', entry);
    assert.match(texts(r), /for the history/);
    const line = await vscode.commands.executeCommand<string>('mcpDevtools.history.copyAsCli', entry);
    assert.equal(line, `npx mcp-devtools call everything echo --args '{"message":"for the history"}'`);
    assert.equal(await vscode.env.clipboard.readText(), line);
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'history.json');
    await vscode.commands.executeCommand('mcpDevtools.history.export', target);
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.equal(exported.length, 2);
  });

  it('Save Call to Collection… appends a History entry\'s call and its result to a *.mcp-tests.json', async () => {
    await api.history.clear();
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'echo', arguments: { message: 'to keep' } });
    const [entry] = await waitFor(() => (api.history.entries().length ? api.history.entries() : undefined), 'a history entry');
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'tests', 'echo.mcp-tests.json');
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('mcpDevtools.history.saveToCollection', entry, target))?.toString(), target.toString());
    await vscode.commands.executeCommand('mcpDevtools.history.saveToCollection', entry, target);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    const { calls } = readCollection(text, 'echo.mcp-tests.json');
    assert.deepEqual(calls.map((c) => [c.label, c.server, c.call.arguments]), [['#1 tool echo', 'everything', { message: 'to keep' }], ['#2 tool echo', 'everything', { message: 'to keep' }]]);
    assert.match(JSON.stringify(calls[0].call.expect), /to keep/);
    assert.ok(text.endsWith('}\n') && text.includes('\n  "server": "everything",\n'), text);
  });

  it('a fresh result view offers Save to Collection…, which keeps the result shown without calling again', async () => {
    await api.history.clear();
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'echo', arguments: { message: 'shown once' } });
    const link = api.calls.results.last?.banner?.links.find((l) => l.command === 'mcpDevtools.history.saveToCollection');
    assert.ok(link, `the result view's banner offers Save to Collection… (${JSON.stringify(api.calls.results.last?.banner)})`);
    const target = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'tests', 'fresh.mcp-tests.json');
    await vscode.commands.executeCommand(link.command, ...link.args, target);
    const { calls } = readCollection(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'fresh.mcp-tests.json');
    assert.deepEqual(calls.map((c) => [c.label, c.call.arguments]), [['#1 tool echo', { message: 'shown once' }]]);
    assert.match(JSON.stringify(calls[0].call.expect), /Echo: shown once/);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(api.history.entries().length, 1, 'no second call: a call would add a History entry');
    await vscode.workspace.fs.delete(target);
  });

  it('answers an elicitation request through the same form planner (Respond, then the requested fields)', async () => {
    const ui = new AutoUi();
    api.calls.formUi = ui;
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'trigger-elicitation-request', arguments: {} });
    assert.equal(r.isError, false, texts(r));
    assert.ok(ui.asked.some((st) => st.pointer === '/answer'), 'asked to respond or decline');
    assert.ok(ui.asked.length > 1, 'then asked the requested fields');
    assert.match(texts(r), /accept/i);
  });

  it('a declined elicitation is reported to the server as declined', async () => {
    api.calls.formUi = { ask: async () => ({ kind: 'value', value: 'decline' }) };
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'trigger-elicitation-request', arguments: {} });
    assert.match(texts(r), /decline/i);
  });

  it('answers a sampling request with a reply the user writes (no language model here)', async () => {
    const before = api.live.samplingUi;
    let preview = '';
    api.live.samplingUi = { decide: async (_s, p) => ((preview = p), { kind: 'write' }), write: async () => 'a reply written by the test' };
    try {
      const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'trigger-sampling-request', arguments: { prompt: 'What is MCP?', maxTokens: 20 } });
      assert.match(preview, /What is MCP\?/);
      assert.match(texts(r), /a reply written by the test/);
    } finally {
      api.live.samplingUi = before;
    }
  });

  it('a long call reports progress, its timeout restarts on progress, and Cancel sends notifications/cancelled', async () => {
    api.live.registryForTests.setTrace(true);
    const progress: number[] = [];
    const ac = new AbortController();
    const t0 = Date.now();
    // 4 steps of 1 s each; the 1.5 s timeout only holds because each progress notification restarts it
    const call = api.live.callTool(serverId, 'trigger-long-running-operation', { duration: 4, steps: 4 }, {
      signal: ac.signal, timeout: 1500, resetTimeoutOnProgress: true,
      onprogress: (p) => {
        progress.push(p.progress);
        if (progress.length === 2) ac.abort(new Error('cancelled by the test'));
      },
    });
    await assert.rejects(call, /cancelled by the test/);
    assert.ok(Date.now() - t0 >= 1500, 'outlived its timeout thanks to progress');
    assert.deepEqual(progress.slice(0, 2), [1, 2]);
    await waitFor(() => api.live.logEvents(serverId).some((e) => e.kind === 'trace' && e.direction === 'send' && e.method === 'notifications/cancelled'), 'notifications/cancelled in the trace');
    api.live.registryForTests.setTrace(false);
  });

  it('a protocol error (unknown tool arguments refused) is shown as an error result, not thrown', async () => {
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId, toolName: 'get-sum', arguments: { a: 'not a number' } });
    assert.equal(r.isError, true);
  });
});
