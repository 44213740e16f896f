import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

/** What the probe extension (test/fixtures/extensions/mcp-probe) reads from `vscode.lm.mcpServerDefinitions`. */
interface Probe {
  definitions(): { label: string; command?: string; args?: string[]; uri?: string }[];
}

/**
 * Issue 14, item 7: with `mcpDevtools.bridge.enabled` on, VS Code's own MCP support lists a
 * server that only a Gemini CLI file defines (and VS Code's own `.vscode/mcp.json` servers are
 * not handed over twice); with it off, the bridge lists nothing.
 */
describe('Bridge to VS Code\'s MCP support (mcpDevtools.bridge.enabled)', function () {
  this.timeout(90000);
  let probe: Probe | undefined;
  const config = () => vscode.workspace.getConfiguration('mcpDevtools');
  const bridged = () => (probe?.definitions() ?? []).filter((d) => /\((Gemini CLI|Codex|Claude Code|Cursor)/.test(d.label));

  before(async function () {
    await activate();
    await resetWorkspace();
    const ext = vscode.extensions.getExtension<Probe>('mcp-devtools-test.mcp-probe');
    if (!ext) return this.skip(); // run.mjs installs the probe for the trusted suite
    probe = await ext.activate();
    await write(workspaceUri('.gemini', 'settings.json'), JSON.stringify({ mcpServers: { 'gemini-only': { command: 'node', args: ['${workspaceFolder}/gemini-only.js'] } } }));
  });
  after(async () => {
    await config().update('bridge.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    try {
      await vscode.workspace.fs.delete(workspaceUri('.gemini'), { recursive: true });
    } catch {
      // not there
    }
  });

  it('lists nothing while the setting is off', () => {
    assert.equal(config().get('bridge.enabled'), false);
    assert.deepEqual(bridged().map((d) => d.label), []);
  });

  it('with the setting on, VS Code lists the server only a Gemini CLI file defines, as written', async () => {
    await config().update('bridge.enabled', true, vscode.ConfigurationTarget.Workspace);
    const d = await waitFor(() => probe!.definitions().find((x) => x.label === 'gemini-only (Gemini CLI)'), 'gemini-only in vscode.lm.mcpServerDefinitions', 30000);
    assert.equal(d.command, 'node');
    assert.deepEqual(d.args, ['${workspaceFolder}/gemini-only.js']);
    // the .vscode/mcp.json servers are VS Code's own: not handed over a second time
    assert.ok(!probe!.definitions().some((x) => /\(VS Code/.test(x.label)), JSON.stringify(probe!.definitions().map((x) => x.label)));
  });
});
