import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Step } from '../../src/core/forms';
import type { ExtensionApi } from '../../src/extension';
import type { FormUi, UiAnswer } from '../../src/ui/formUi';
import { activate, resetWorkspace, startTrusted, waitFor, workspaceUri, write } from './helpers';

/** Records every step a form asks, and cancels it. */
class RecordingUi implements FormUi {
  readonly asked: Step[] = [];
  async ask(step: Step): Promise<UiAnswer> {
    this.asked.push(step);
    return { kind: 'cancel' };
  }
}

describe('Call Tool on schemas no form can follow (test/fixtures/servers/malformed-schemas.mjs)', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;
  let realUi: FormUi;

  before(async () => {
    api = await activate();
    realUi = api.calls.formUi;
    await resetWorkspace();
    await write(workspaceUri('.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { schemas: { command: 'node', args: [`${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/malformed-schemas.mjs`] } } }));
    serverId = await startTrusted(api, 'schemas', 'the schemas server from .cursor/mcp.json');
  });
  afterEach(async () => {
    api.calls.formUi = realUi;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    await api.live.stopAll();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('a root {"$ref": "#"}: the JSON editor for the arguments opens at once, no form step is asked', async () => {
    const ui = new RecordingUi();
    api.calls.formUi = ui;
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'self-ref' });
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.fsPath.includes('mcp-devtools-arguments') ? vscode.window.activeTextEditor : undefined), 'the arguments editor');
    assert.match(editor.document.getText(), /"\$schema": "mcp-devtools-schema:/);
    assert.deepEqual(ui.asked, []);
  });

  it('a schema 50 levels deep: the form asks the part past 32 levels as one JSON step that says why', async () => {
    const ui = new RecordingUi();
    api.calls.formUi = ui;
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId, toolName: 'deep' });
    assert.equal(ui.asked.length, 1);
    assert.equal(ui.asked[0].kind, 'json');
    assert.equal(ui.asked[0].pointer, '/a'.repeat(32));
    assert.match(ui.asked[0].placeholder ?? '', /nests more than 32 levels deep/);
  });
});
