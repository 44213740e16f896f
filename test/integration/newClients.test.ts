import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MCP DevTools');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

/** Removes what this suite wrote into the workspace, whether or not it is there. */
async function removeFiles(): Promise<void> {
  for (const rel of [['.kiro'], ['opencode.json']]) {
    await vscode.workspace.fs.delete(workspaceUri(...rel), { recursive: true }).then(undefined, () => undefined);
  }
}

describe('Kiro and OpenCode project files', () => {
  before(async () => {
    await resetWorkspace();
    await removeFiles();
  });
  after(async () => {
    await removeFiles();
    await resetWorkspace();
    await (await activate()).servers.refresh();
  });

  it('show in the Servers view under their client, and get their own diagnostics when opened', async () => {
    const api = await activate();
    const kiro = workspaceUri('.kiro', 'settings', 'mcp.json');
    const opencode = workspaceUri('opencode.json');
    await write(kiro, [
      '{',
      '  "mcpServers": {',
      '    "search": {',
      '      "command": "node",',
      '      "args": ["search.js"],',
      '      "env": { "API_KEY": "${env:API_KEY}" }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'));
    await write(opencode, [
      '{',
      '  "$schema": "https://opencode.ai/config.json",',
      '  "theme": "opencode",',
      '  "mcp": {',
      '    "everything": {',
      '      "type": "local",',
      '      "command": "node",',
      '      "args": ["everything.js"]',
      '    },',
      '    "docs": { "type": "remote", "url": "https://mcp.example.com/mcp" }',
      '  }',
      '}',
      '',
    ].join('\n'));
    await api.servers.refresh();
    const lines = await waitFor(async () => {
      const l = await treeText(api);
      return l.includes('  .kiro/settings/mcp.json (workspace · 1 server)') && l.includes('  opencode.json (workspace · 2 servers)') ? l : undefined;
    }, 'the Kiro and OpenCode files in the Servers view');
    const block = (client: string) => lines.slice(lines.findIndex((l) => l.startsWith(`${client} (`)), lines.findIndex((l) => l.startsWith(`${client} (`)) + 5);
    assert.deepEqual(block('Kiro').slice(0, 3), ['Kiro (1 server)', '  .kiro/settings/mcp.json (workspace · 1 server)', '    search (stdio)'], lines.join('\n'));
    assert.deepEqual(block('OpenCode').slice(0, 4), ['OpenCode (2 servers)', '  opencode.json (workspace · 2 servers)', '    everything (stdio · drift)', '    docs (http)'], `the same name as VS Code's everything, another command: drift\n${lines.join('\n')}`);

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kiro));
    const variable = await waitFor(() => ours(kiro).find((d) => codeOf(d) === 'variable-syntax'), `a variable-syntax diagnostic in the Kiro file (have: ${ours(kiro).map(codeOf).join(', ')})`);
    assert.equal(variable.range.start.line, 5);
    assert.match(variable.message, /Kiro does not expand "\$\{env:API_KEY\}".*Write "\$\{API_KEY\}"/);

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(opencode));
    const command = await waitFor(() => ours(opencode).find((d) => codeOf(d) === 'value-type'), `a value-type diagnostic in opencode.json (have: ${ours(opencode).map(codeOf).join(', ')})`);
    assert.equal(command.range.start.line, 6);
    assert.equal(command.severity, vscode.DiagnosticSeverity.Error);
    assert.match(command.message, /one array, the program then its arguments/);
    assert.deepEqual(ours(opencode).map(codeOf).sort(), ['value-type'], 'nothing about the rest of opencode.json, no second error for args');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
