import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatById } from '../../src/core/config/formats';
import { activate, EXTENSION_ID, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';

describe('Servers view', () => {
  beforeEach(async () => {
    const api = await activate();
    await resetWorkspace();
    await api.servers.refresh();
  });

  it("lists the workspace's and the user's servers, grouped by client and file, with the transport", async () => {
    const api = await activate();
    const lines = await treeText(api);
    assert.deepEqual(lines, [
      'VS Code (2 servers)',
      '  .vscode/mcp.json (workspace · 2 servers)',
      '    everything (stdio)',
      '    remote-api (http)',
      'Claude Code (1 server)',
      '  .mcp.json (workspace · 1 server)',
      '    memory (stdio)',
      'Cursor (1 server)',
      '  ~/.cursor/mcp.json (user · 1 server)',
      '    home-server (stdio)',
    ]);
  });

  it('hides user-scope files when mcpDevtools.servers.showUserConfigs is off', async () => {
    const api = await activate();
    const config = vscode.workspace.getConfiguration('mcpDevtools.servers');
    await config.update('showUserConfigs', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => !(await treeText(api)).some((l) => l.includes('home-server')), 'the user file disappears');
    } finally {
      await config.update('showUserConfigs', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => (await treeText(api)).some((l) => l.includes('home-server')), 'the user file comes back');
  });

  it('opens a server definition at its line', async () => {
    const api = await activate();
    const [vscodeClient] = await api.serversTree.getChildren();
    const [file] = await api.serversTree.getChildren(vscodeClient);
    const servers = await api.serversTree.getChildren(file);
    const cmd = api.serversTree.getTreeItem(servers[1]).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri('.vscode', 'mcp.json').fsPath);
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, 8, 'the line of "remote-api"');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('updates when a config file is edited and saved', async () => {
    const api = await activate();
    const uri = workspaceUri('.mcp.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const at = doc.getText().indexOf('"memory"');
    await editor.edit((e) => e.insert(doc.positionAt(at), '"added": { "type": "sse", "url": "http://127.0.0.1:9/sse" },\n    '));
    await doc.save();
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.includes('    added (sse)') ? l : undefined;
    }, 'the new server appears in the view');
    assert.ok(lines.includes('  .mcp.json (workspace · 2 servers)'), lines.join('\n'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows an unreadable file as an error node that opens the file at the error', async () => {
    const api = await activate();
    const uri = workspaceUri('.mcp.json');
    await write(uri, '{\n  "mcpServers": {\n    "a": { "command": "x" }\n    "b": { "command": "y" }\n  }\n}\n');
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.some((x) => x.includes('comma expected')) ? l : undefined;
    }, 'the error node appears');
    assert.ok(lines.includes('    JSON syntax error: comma expected'), lines.join('\n'));
    const clients = await api.serversTree.getChildren();
    const claude = clients.find((c) => c.kind === 'client' && c.client === 'claude-code')!;
    const [file] = await api.serversTree.getChildren(claude);
    const errorNode = (await api.serversTree.getChildren(file)).find((n) => n.kind === 'fileError')!;
    const cmd = api.serversTree.getTreeItem(errorNode).command!;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.fsPath, uri.fsPath);
    assert.equal(editor?.selection.active.line, 3);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the welcome button creates a valid, commented .vscode/mcp.json', async () => {
    const api = await activate();
    const config = vscode.workspace.getConfiguration('mcpDevtools.servers');
    await config.update('showUserConfigs', false, vscode.ConfigurationTarget.Global);
    try {
      await vscode.workspace.fs.delete(workspaceUri('.vscode', 'mcp.json'));
      await vscode.workspace.fs.delete(workspaceUri('.mcp.json'));
      await waitFor(async () => (await api.serversTree.getChildren()).length === 0, 'the view is empty (welcome view shown)');

      // the button is a command link in the welcome content: run exactly what it links to
      const welcome: { view: string; contents: string; when?: string }[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.viewsWelcome;
      const content = welcome.find((w) => w.view === 'mcpDevtools.servers' && w.when === 'workbenchState != empty')!;
      const link = /\[Create \.vscode\/mcp\.json\]\(command:([\w.]+)\)/.exec(content.contents);
      assert.ok(link, 'the welcome view has a Create button');
      await vscode.commands.executeCommand(link[1]);

      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'mcp.json')));
      assert.match(text, /\/\/ /, 'the template is commented');
      const parsed = formatById('vscode-workspace').read(text, workspaceUri('.vscode', 'mcp.json').fsPath);
      assert.equal(parsed.error, undefined);
      assert.ok(parsed.servers.length >= 1);
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, workspaceUri('.vscode', 'mcp.json').fsPath, 'the new file is opened');
      await waitFor(async () => (await treeText(api)).includes('    everything (stdio)'), 'the view lists the new server');
      assert.deepEqual(api.diagnostics.current(vscode.window.activeTextEditor!.document).map((d) => d.message), [], 'the template lints clean');
    } finally {
      await config.update('showUserConfigs', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
