import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedResult } from '../../src/core/results';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, typeInWorkbench, waitFor, workspaceUri, write } from './helpers';

const texts = (r: RenderedResult | undefined) => (r?.parts ?? []).map((p) => ('text' in p ? p.text : '')).join('\n');

/**
 * The tool pickers in the real QuickPick, typed into with real keystrokes. The fixture server
 * (test/fixtures/servers/lookalikes.mjs) lists `get-env` (its description mentions "echo"), then
 * `echo-twice`, then `echo` (titled "Repeat Message").
 */
describe('tool pickers: the typed name ranks first', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  let serverId: string;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await api.live.stopAll();
    const fixture = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/lookalikes.mjs`;
    await write(workspaceUri('.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { lookalikes: { command: 'node', args: [fixture] } } }));
    const s = await waitFor(async () => {
      await api.servers.refresh();
      await api.live.sync();
      return api.live.all().find((x) => x.definition.name === 'lookalikes');
    }, 'the lookalikes server in the registry');
    serverId = s.id;
    await api.live.trust.trust(s.definition);
    await api.live.start(serverId);
    assert.equal(api.live.snapshot(serverId)?.state.kind, 'running');
  });
  after(async () => {
    await api.live.stopAll();
    await resetWorkspace();
  });

  it('MCP: Call Tool…: typing "echo" calls echo, not get-env (whose description mentions echo) nor echo-twice', async function () {
    const realUi = api.calls.formUi;
    api.calls.formUi = { ask: async () => ({ kind: 'text', text: 'picked' }) };
    try {
      const pending = vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId });
      await typeInWorkbench(this, 'echo', 'MCP: Call Tool · lookalikes');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      const r = await pending;
      assert.equal(texts(r), 'echo: picked');
    } finally {
      api.calls.formUi = realUi;
    }
  });

  it('MCP: Go to Tool…: typing "echo" goes to echo', async function () {
    const pending = vscode.commands.executeCommand<{ serverId: string; tool: string }>('mcpDevtools.goToTool');
    await typeInWorkbench(this, 'echo', 'MCP: Go to Tool');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    assert.deepEqual(await pending, { serverId, tool: 'echo' });
  });
});
