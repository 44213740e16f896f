/**
 * The form view (issue 12, item 5): server-memory's `create_entities` — 2 entities with 3
 * observations each, 18 Enters in the input boxes — filled in on one screen through the webview's
 * message API (the `test.*` messages act as typing and clicking), sent once, Ajv-valid, and the
 * call succeeds. Then the switch to the input boxes carries the values entered so far.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Step } from '../../src/core/forms';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import type { FormUi, StepContext, UiAnswer } from '../../src/ui/formUi';
import { activate, resetWorkspace, startTrusted, workspaceUri } from './helpers';

describe('the form view', function () {
  this.timeout(120000);
  let api: ExtensionApi;
  let serverId: string;
  const gemini = () => workspaceUri('.gemini', 'settings.json');
  const config = () => vscode.workspace.getConfiguration('mcpDevtools');

  before(async () => {
    api = await activate();
    await resetWorkspace();
    // server-memory from node_modules (the fixture's .mcp.json has an `npx -y` one), in a Gemini CLI config
    const pkg = '$MCP_DEVTOOLS_TEST_ROOT/node_modules/@modelcontextprotocol';
    await vscode.workspace.fs.writeFile(gemini(), new TextEncoder().encode(JSON.stringify({
      mcpServers: { memory: { command: 'node', args: [`${pkg}/server-memory/dist/index.js`], env: { MEMORY_FILE_PATH: `${workspaceUri().fsPath}/form-memory.jsonl` } } },
    })));
    serverId = await startTrusted(api, (d) => d.name === 'memory' && d.client === 'gemini', 'memory configured');
    // the fixture workspace pins the input boxes for the other tests; here the choice is the setting's default
    await config().update('forms.view', 'auto', vscode.ConfigurationTarget.Workspace);
  });
  // Call Tool starts from the tool's last arguments (kept by server name: other suites call memory's
  // create_entities too); each test here starts from an empty form
  beforeEach(() => api.calls.lastArguments.set('memory', 'tool', 'create_entities', undefined));
  after(async () => {
    await config().update('forms.view', 'inputBoxes', vscode.ConfigurationTarget.Workspace);
    await api.live.stopAll();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(gemini(), '..'), { recursive: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Opens Call Tool for create_entities and waits for the form view's webview to have its form. */
  async function openForm(): Promise<{ call: Thenable<RenderedResult | undefined>; session: NonNullable<ExtensionApi['calls']['formViews']['active']> }> {
    const opened = new Promise<void>((r) => {
      const sub = api.calls.formViews.onDidOpen(() => {
        sub.dispose();
        r();
      });
    });
    const call = vscode.commands.executeCommand<RenderedResult | undefined>('mcpDevtools.callTool', { serverId, toolName: 'create_entities' });
    await opened;
    const session = api.calls.formViews.active!;
    await session.ready;
    return { call, session };
  }

  it('create_entities: 2 entities with 3 observations each, on one screen, sent once and Ajv-valid', async () => {
    const { call, session } = await openForm();
    const act = async (m: Parameters<typeof session.post>[0]) => {
      const state = session.nextState();
      await session.post(m);
      return state;
    };
    for (const e of [0, 1]) {
      await act({ type: 'test.add', pointer: '/entities' });
      await act({ type: 'test.input', pointer: `/entities/${e}/name`, text: `entity ${e}` });
      await act({ type: 'test.input', pointer: `/entities/${e}/entityType`, text: 'person' });
      for (const o of [0, 1, 2]) {
        await act({ type: 'test.add', pointer: `/entities/${e}/observations` });
        await act({ type: 'test.input', pointer: `/entities/${e}/observations/${o}`, text: `observation ${e}.${o}` });
      }
    }
    const state = await act({ type: 'test.submit' });
    const expected = {
      entities: [0, 1].map((e) => ({ name: `entity ${e}`, entityType: 'person', observations: [0, 1, 2].map((o) => `observation ${e}.${o}`) })),
    };
    assert.deepEqual(state.value, expected);
    assert.deepEqual(state.localErrors, []);
    const r = await call;
    assert.ok(r, 'the call ran (the form view sent its arguments)');
    assert.equal(r.isError, false, JSON.stringify(r.parts));
    // the arguments passed the same Ajv check as the input boxes' and reached the server
    assert.deepEqual(api.calls.lastArguments.get('memory', 'tool', 'create_entities'), expected);
    assert.match(JSON.stringify(r.parts), /observation 1\.2/);
    assert.equal(api.calls.formViews.active, undefined, 'the form view closed');
  });

  it('a refused Send keeps the form open; "Use Input Boxes" carries the values', async () => {
    const { call, session } = await openForm();
    const act = async (m: Parameters<typeof session.post>[0]) => {
      const state = session.nextState();
      await session.post(m);
      return state;
    };
    await act({ type: 'test.add', pointer: '/entities' });
    await act({ type: 'test.input', pointer: '/entities/0/name', text: 'carried' });
    await act({ type: 'test.submit' });
    assert.equal(api.calls.formViews.active, session, 'still open: entityType and observations are missing');
    // the input boxes take over with the values so far as each step's previous answer
    const asked: { step: Step; ctx: StepContext }[] = [];
    const realUi = api.calls.formUi;
    api.calls.formUi = { ask: async (step, ctx): Promise<UiAnswer> => {
      asked.push({ step, ctx });
      return { kind: 'cancel' };
    } } satisfies FormUi;
    try {
      await act({ type: 'test.input', pointer: '/entities/0/entityType', text: 'person' });
      // the same as clicking "Use Input Boxes": the webview posts its values
      await session.post({ type: 'test.inputBoxes' });
      assert.equal(await call, undefined, 'cancelled in the input boxes');
      const first = asked[0];
      assert.ok(first, 'the input boxes opened');
      assert.equal(first.ctx.formView, true, 'with "Open in Form View" in the title bar');
      // the first step (add an entity?) is pre-answered by the values carried over
      assert.deepEqual([first.step.pointer, first.step.kind, first.step.previous], ['/entities', 'arrayNext', 'add']);
    } finally {
      api.calls.formUi = realUi;
    }
  });
});
