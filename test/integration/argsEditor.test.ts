import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, waitFor, workspaceUri } from './helpers';

/** A real tool with an array field: the filesystem server's read_multiple_files (`paths: string[]`). */
function readMultipleFiles(): { name: string; inputSchema: unknown } {
  const file = path.join(process.env.MCP_DEVTOOLS_TEST_ROOT!, 'test/fixtures/tool-schemas/filesystem.json');
  const tools = (JSON.parse(readFileSync(file, 'utf8')) as { tools: { name: string; inputSchema: unknown }[] }).tools;
  return tools.find((t) => t.name === 'read_multiple_files')!;
}

/** Diagnostics not ours: VS Code's own JSON language server reports these for the arguments file. */
const jsonDiagnostics = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'MCP DevTools');

describe('"Edit as JSON…": VS Code\'s JSON support validates the arguments against the inputSchema', function () {
  this.timeout(60000);
  let api: ExtensionApi;

  before(async () => {
    api = await activate();
    await resetWorkspace();
  });
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('completes the tool\'s fields, and a number where the schema wants an array is reported by the JSON language server', async () => {
    const tool = readMultipleFiles();
    // the id as the config model makes it: `<file path>#<name>` (slashes and all)
    const serverId = `${workspaceUri('.vscode', 'mcp.json').fsPath}#filesystem`;
    const uri = await api.calls.argsEditor.open({ kind: 'tool', serverId, name: tool.name, schema: tool.inputSchema }, { paths: ['a.txt'] });
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor : undefined), 'the arguments editor');
    assert.equal(editor.document.languageId, 'json');
    // valid as written: nothing reported
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(jsonDiagnostics(uri).map((d) => d.message), [], 'the pre-filled arguments are valid');

    // completion comes from the same schema: inside the key, the tool's fields are offered
    const key = editor.document.positionAt(editor.document.getText().indexOf('"paths"') + 1);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, key);
    // properties, not the editor's word-based suggestions (which would find "paths" in the text)
    const labels = completions.items.filter((i) => i.kind === vscode.CompletionItemKind.Property).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.some((l) => l.replace(/"/g, '') === 'paths'), `"paths" among the property completions: ${labels.join(', ')}`);

    const text = editor.document.getText();
    const start = editor.document.positionAt(text.indexOf('['));
    const end = editor.document.positionAt(text.lastIndexOf(']') + 1);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(start, end), '42')));
    // the JSON language server's words (vscode-json-languageservice), with no `source` of its own
    const wrongType = await waitFor(
      () => jsonDiagnostics(uri).find((d) => /Incorrect type\. Expected "array"/.test(d.message)),
      'a diagnostic from VS Code\'s JSON language server for "paths": 42',
      20000,
    ).catch((e: Error) => {
      throw new Error(`${e.message} (have: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [d.source, d.message]))})`);
    });
    assert.equal(wrongType.range.start.line, start.line, 'at the wrong value');
    assert.equal(wrongType.severity, vscode.DiagnosticSeverity.Warning);

    // and a stray "}" after the object is a syntax error it reports too
    assert.ok(await editor.edit((e) => e.insert(editor.document.positionAt(editor.document.getText().lastIndexOf('}') + 1), '}')));
    await waitFor(() => jsonDiagnostics(uri).find((d) => /End of file expected/.test(d.message)), 'a syntax error for the stray "}"', 20000);
  });
});
