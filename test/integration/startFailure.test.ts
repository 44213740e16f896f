import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { CommandIds } from '../../src/commandIds';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

/**
 * Issue 14, item 5 in VS Code: a server whose command is not found fails on its node with the
 * config doctor's explanation (why, the fix) and a "Fix:" node that opens the config at the
 * "command" line.
 */
const CONFIG = '{\n  "mcpServers": {\n    "enoent": {\n      "command": "mcp-devtools-no-such-command",\n      "args": []\n    }\n  }\n}\n';

describe('A failed start explained on the server\'s node (spawn ENOENT)', function () {
  this.timeout(60000);
  let api: ExtensionApi;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await write(workspaceUri('.roo', 'mcp.json'), CONFIG);
  });
  after(async () => {
    await api.live.stopAll();
    await vscode.workspace.fs.delete(workspaceUri('.roo'), { recursive: true }).then(undefined, () => undefined);
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('shows why and the fix, and opens the config at the "command" line', async () => {
    await api.servers.refresh();
    await api.live.sync();
    const s = await waitFor(() => api.live.all().find((x) => x.definition.name === 'enoent'), 'the enoent server configured');
    await api.live.trust.trust(s.definition);
    await api.live.start(s.id);
    assert.equal(api.live.snapshot(s.id)?.state.kind, 'error');
    const children = await api.serversTree.getChildren({ kind: 'server', server: s.definition } as Parameters<typeof api.serversTree.getChildren>[0]);
    const items = children.map((c) => api.serversTree.getTreeItem(c));
    const failed = items.find((i) => String(i.label).startsWith('Failed to start: spawn mcp-devtools-no-such-command ENOENT'));
    assert.ok(failed, JSON.stringify(items.map((i) => i.label)));
    assert.match(String(failed.tooltip), /Why: the client could not find "mcp-devtools-no-such-command" on the PATH/);
    const fix = items.find((i) => String(i.label).startsWith('Fix: '));
    assert.ok(fix?.command, JSON.stringify(items.map((i) => i.label)));
    assert.equal(fix.command.command, CommandIds.revealServer);
    assert.equal((fix.command.arguments?.[0] as { line?: number }).line, 3, 'the Fix opens the "command" line');
    // a file no other suite edits: earlier suites leave .cursor/mcp.json open with other text in VS Code
    await waitFor(async () => (await vscode.workspace.openTextDocument(workspaceUri('.roo', 'mcp.json'))).getText() === CONFIG, 'VS Code has the config as written');
    await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    // the editor shows before its selection moves: wait for the file and the line, and say what was seen
    const at = () => `${vscode.window.activeTextEditor?.document.uri.fsPath}:${vscode.window.activeTextEditor?.selection.active.line}`;
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.fsPath.endsWith(path.join('.roo', 'mcp.json')) && e.selection.active.line === 3 ? e : undefined;
    }, 'the Roo Code config open at line 4').catch((e: Error) => {
      throw new Error(`${e.message}; the active editor is at ${at()}`);
    });
    assert.equal(editor.document.lineAt(3).text.trim().startsWith('"command"'), true);
  });
});
