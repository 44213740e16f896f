import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, treeText, waitFor } from '../helpers';
import { mcpServerProcesses } from '../processes';

describe('Restricted Mode (untrusted workspace)', function () {
  this.timeout(60000);

  it('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('lists servers but starts no process from a workspace file, and says why', async () => {
    const api = await activate();
    await api.live.sync();
    assert.ok(api.live.all().length >= 2, 'the workspace servers are listed');
    await vscode.commands.executeCommand('mcpDevtools.startAllServers');
    for (const s of api.live.all().filter((x) => !x.definition.file.includes('/home/'))) {
      assert.equal(api.live.snapshot(s.id)?.state.kind, 'stopped', s.definition.name);
      assert.match(api.live.blockedReason(s.id) ?? '', /Restricted Mode/);
    }
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(mcpServerProcesses(), []);
    await waitFor(async () => (await treeText(api)).some((l) => l.includes('Restricted Mode')), 'the reason shows under the server');
  });

  it('still lints config files', async () => {
    await activate();
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const uri = vscode.Uri.joinPath(folder, '.mcp.json');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('{ "mcpServers": { "x": { "type": "studio", "command": "node" } } }'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'MCP DevTools'), 'a diagnostic');
  });
});
