import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

const OURS = 'MCP DevTools';
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const show = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => `[${d.source ?? 'vscode'}] ${d.range.start.line}:${d.range.start.character} ${d.message}`).join(' | ');

/** The range of the `nth` occurrence of `needle` in the document. */
function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" #${nth} in the test file`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + needle.length));
}

/** Every diagnostic (VS Code's and ours) that touches `range`. */
const at = (uri: vscode.Uri, range: vscode.Range) => vscode.languages.getDiagnostics(uri).filter((d) => d.range.intersection(range) !== undefined);

/** Writes `.vscode/mcp.json`, opens it, and returns it once ours is linted and VS Code has reported on every `problem`. */
async function openWith(api: ExtensionApi, text: string, problems: (doc: vscode.TextDocument) => vscode.Range[]): Promise<{ doc: vscode.TextDocument; ranges: vscode.Range[] }> {
  const uri = workspaceUri('.vscode', 'mcp.json');
  await write(uri, text);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  // a document still open from an earlier test picks up the new content from disk a little later
  await waitFor(() => doc.getText() === text, 'the document shows the text written');
  const ranges = problems(doc);
  api.diagnostics.current(doc);
  await waitFor(() => ranges.every((r) => at(uri, r).some((d) => d.source !== OURS)), "VS Code's own diagnostics on every problem", 20000)
    .catch((e: Error) => assert.fail(`${e.message}; have: ${show(vscode.languages.getDiagnostics(uri))}`));
  // both sides settle (VS Code's JSON language server validates again after its first pass)
  await new Promise((r) => setTimeout(r, 1500));
  return { doc, ranges };
}

describe(".vscode/mcp.json: one problem, one diagnostic (VS Code's own schema validates it too)", function () {
  this.timeout(90000);
  let api: ExtensionApi;

  before(async () => {
    api = await activate();
  });
  beforeEach(resetWorkspace);
  after(resetWorkspace);

  it('an unknown field without a did-you-mean, a duplicate key, a schema error: reported once each (by VS Code)', async () => {
    const { doc, ranges } = await openWith(api, [
      '{',
      '  "servers": {',
      '    "a": { "command": "node", "zzz": true },',
      '    "b": { "command": 3 },',
      '    "c": { "command": "node" },',
      '    "c": { "command": "node" }',
      '  },',
      '  "foo": 1',
      '}',
      '',
    ].join('\n'), (d) => [rangeOf(d, '"zzz"'), rangeOf(d, '3'), rangeOf(d, '"c"', 0), rangeOf(d, '"c"', 1), rangeOf(d, '"foo"')]);
    for (const r of ranges) {
      const here = at(doc.uri, r);
      assert.equal(here.length, 1, `one diagnostic for "${doc.getText(r)}" at line ${r.start.line + 1}; have: ${show(here)}`);
    }
  });

  it('a syntax error: reported once (by VS Code)', async () => {
    const uri = workspaceUri('.vscode', 'mcp.json');
    await openWith(api, '{\n  "servers": {\n    "a": { "command": "node" }\n    "b": { "command": "node" }\n  }\n}\n', (d) => [new vscode.Range(0, 0, d.lineCount, 0)]);
    const all = vscode.languages.getDiagnostics(uri);
    assert.equal(all.length, 1, `one diagnostic for the missing comma; have: ${show(all)}`);
  });

  it('a wrong "type", an args string, a misspelt field, a pickString without options: ours is there beside VS Code\'s, with its quick fix', async () => {
    const { doc, ranges } = await openWith(api, [
      '{',
      '  "servers": {',
      '    "a": { "type": "studio", "command": "node", "agrs": ["x.js"] },',
      '    "b": { "command": "node", "args": "x.js --port 1" },',
      '    "c": { "command": "node", "args": ["${input:region}"] }',
      '  },',
      '  "inputs": [{ "id": "region", "type": "pickString", "description": "Region" }]',
      '}',
      '',
    ].join('\n'), (d) => [rangeOf(d, '"studio"'), rangeOf(d, '"x.js --port 1"'), rangeOf(d, '"agrs"'), rangeOf(d, '"pickString"')]);
    const expected = [
      { code: 'type-value', severity: vscode.DiagnosticSeverity.Error, fix: /stdio/ },
      { code: 'value-type', severity: vscode.DiagnosticSeverity.Error, fix: /Split/ },
      { code: 'unknown-field', severity: vscode.DiagnosticSeverity.Error, fix: /Rename "agrs" to "args"/ }, // an error: "node" would start with no arguments
      { code: 'input-options', severity: vscode.DiagnosticSeverity.Error, fix: /promptString/ },
    ];
    for (const [i, want] of expected.entries()) {
      const here = at(doc.uri, ranges[i]);
      const ours = here.find((d) => d.source === OURS && codeOf(d) === want.code);
      assert.ok(ours, `our ${want.code} at line ${ranges[i].start.line + 1}; have: ${show(here)}`);
      assert.equal(ours.severity, want.severity, want.code);
      assert.ok(here.some((d) => d.source !== OURS), `VS Code reports ${want.code}'s problem too (as README's table says); have: ${show(here)}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, ours.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(actions.some((a) => a.edit && want.fix.test(a.title)), `a quick fix for ${want.code} (actions: ${actions.map((a) => a.title).join(', ')})`);
    }
  });
});
