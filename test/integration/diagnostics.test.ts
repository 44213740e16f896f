import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MCP DevTools');
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const at = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** Opens a file, waits for one of our diagnostics with `code`, and returns it. */
async function diagnosticFor(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return waitFor(() => ours(uri).find((d) => codeOf(d) === code), `a "${code}" diagnostic in ${uri.fsPath} (have: ${ours(uri).map(codeOf).join(', ')})`);
}

/** Applies our quick fix for `diag` through the real code-action provider, saves, and returns the text. */
async function applyQuickFix(uri: vscode.Uri, diag: vscode.Diagnostic): Promise<string> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  // the provider's actions come back converted; ours carry the diagnostic they fix (matched by code and range)
  const action = actions.find((a) => a.edit && (a.diagnostics ?? []).some((d) => codeOf(d) === codeOf(diag) && d.range.isEqual(diag.range)))
    ?? actions.find((a) => a.edit && !a.diagnostics?.length);
  assert.ok(action?.edit, `a quick fix for ${codeOf(diag)} (actions: ${actions.map((a) => a.title).join(', ')})`);
  assert.ok(await vscode.workspace.applyEdit(action.edit));
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  return doc.getText();
}

describe('config diagnostics and quick fixes', () => {
  beforeEach(resetWorkspace);
  after(resetWorkspace);

  it('.vscode/mcp.json: an undefined ${input:…} at its exact range; the fix adds the input and keeps comments', async () => {
    await activate();
    const uri = workspaceUri('.vscode', 'mcp.json');
    await write(uri, [
      '{',
      '  // keep this comment',
      '  "servers": {',
      '    "api": {',
      '      "type": "stdio",',
      '      "command": "node",',
      '      "args": ["server.js"],',
      '      "env": { "API_TOKEN": "${input:api-token}" }',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'));
    const diag = await diagnosticFor(uri, 'input-undefined');
    assert.equal(at(diag), '7:29-7:47', 'the range of "${input:api-token}"');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diag.message, /api-token/);
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /\/\/ keep this comment/);
    assert.match(text, /"inputs": \[/);
    assert.match(text, /"id": "api-token"/);
    await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'input-undefined'), 'the diagnostic clears');
  });

  it('.vscode/mcp.json: npx without -y, fixed by inserting "-y"', async () => {
    await activate();
    const uri = workspaceUri('.vscode', 'mcp.json');
    await write(uri, '{\n  // servers\n  "servers": {\n    "fs": { "command": "npx", "args": ["@modelcontextprotocol/server-filesystem", "."] }\n  }\n}\n');
    const diag = await diagnosticFor(uri, 'npx-yes');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diag.range.start.line, 3);
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /"args": \["-y", "@modelcontextprotocol\/server-filesystem", "\."\]/);
    assert.match(text, /\/\/ servers/);
    await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'npx-yes'), 'the diagnostic clears');
  });

  it('.vscode/mcp.json: a whole command line in "command", split by the fix into "command" and "args" (prepended, comments kept)', async () => {
    await activate();
    const uri = workspaceUri('.vscode', 'mcp.json');
    await write(uri, '{\n  // keep\n  "servers": {\n    "time": { "command": "uvx mcp-server-time --local-timezone=Europe/Paris", "args": ["--verbose"] }\n  }\n}\n');
    const diag = await diagnosticFor(uri, 'command-line');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(at(diag), '3:25-3:76', 'the range of the command string');
    assert.match(diag.message, /looks for a program named "uvx mcp-server-time --local-timezone=Europe\/Paris"/);
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /"time": \{ "command": "uvx", "args": \["mcp-server-time", "--local-timezone=Europe\/Paris", "--verbose"\] \}/);
    assert.match(text, /\/\/ keep/);
    await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'command-line'), 'the diagnostic clears');
  });

  it('.vscode/mcp.json: a hard-coded token, moved by the fix into a password input (the value leaves the file)', async () => {
    await activate();
    const uri = workspaceUri('.vscode', 'mcp.json');
    const token = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    await write(uri, `{\n  // keep\n  "servers": {\n    "gh": { "command": "node", "args": ["s.js"], "env": { "GITHUB_TOKEN": "${token}" } }\n  }\n}\n`);
    const diag = await diagnosticFor(uri, 'secret');
    assert.equal(at(diag), '3:75-3:115', 'the range of the token');
    assert.doesNotMatch(diag.message, new RegExp(token), 'the message never shows the secret');
    const text = await applyQuickFix(uri, diag);
    assert.ok(!text.includes(token), 'the token is gone from the file');
    assert.match(text, /"GITHUB_TOKEN": "\$\{input:github-token\}"/);
    assert.match(text, /"password": true/);
    assert.match(text, /\/\/ keep/);
    await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'secret' || codeOf(d) === 'input-undefined'), 'no secret or undefined-input diagnostic left');
  });

  it('.cursor/mcp.json: the wrong top-level key at its exact range; the fix renames it', async () => {
    await activate();
    const uri = workspaceUri('.cursor', 'mcp.json');
    await write(uri, '{\n  "servers": {\n    "web": { "url": "https://example.com/mcp" }\n  }\n}\n');
    const diag = await diagnosticFor(uri, 'top-level-key');
    assert.equal(at(diag), '1:2-1:11', 'the range of "servers"');
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /"mcpServers": \{/);
    await waitFor(() => ours(uri).length === 0, `no diagnostics left (have: ${ours(uri).map((d) => d.message).join(' | ')})`);
  });

  it('.cursor/mcp.json: an unknown field with a did-you-mean, renamed by the fix', async () => {
    await activate();
    const uri = workspaceUri('.cursor', 'mcp.json');
    await write(uri, '{\n  "mcpServers": {\n    "web": { "url": "https://example.com/mcp", "haeders": { "X-Team": "blue" } }\n  }\n}\n');
    const diag = await diagnosticFor(uri, 'unknown-field');
    assert.equal(diag.range.start.line, 2);
    assert.equal(diag.range.start.character, 47, 'the range of "haeders"');
    assert.match(diag.message, /headers/);
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /"headers": \{ "X-Team": "blue" \}/);
    await waitFor(() => ours(uri).length === 0, 'no diagnostics left');
  });

  it('.mcp.json (Claude Code): a type word the client rejects, fixed to "stdio"', async () => {
    await activate();
    const uri = workspaceUri('.mcp.json');
    await write(uri, '{\n  "mcpServers": {\n    "gh": { "type": "studio", "command": "node", "args": ["server.js"] }\n  }\n}\n');
    const diag = await diagnosticFor(uri, 'type-value');
    assert.equal(at(diag), '2:20-2:28');
    const text = await applyQuickFix(uri, diag);
    assert.match(text, /"type": "stdio"/);
    await waitFor(() => ours(uri).length === 0, 'no diagnostics left');
  });

  it('.codex/config.toml (Codex): npx without -y, fixed in TOML with its comments and tables kept', async () => {
    await activate();
    const uri = workspaceUri('.codex', 'config.toml');
    try {
      const text = '# Codex settings\nmodel = "gpt-5-codex"\n\n[mcp_servers.fs] # the files\ncommand = "npx"\nargs = [\n  "@modelcontextprotocol/server-filesystem", # the package\n  ".",\n]\n\n[mcp_servers.fs.env]\nLOG_LEVEL = "info"\n';
      await write(uri, text);
      const diag = await diagnosticFor(uri, 'npx-yes');
      assert.equal(at(diag), '4:10-4:15', 'the range of "npx"');
      const fixed = await applyQuickFix(uri, diag);
      assert.equal(fixed, text.replace('  "@modelcontextprotocol', '  "-y", "@modelcontextprotocol'));
      await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'npx-yes'), 'the diagnostic clears');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('.codex'), { recursive: true });
    }
  });

  it('.continue/mcpServers/*.yaml (Continue): a type word fixed in YAML, comments and quoting kept', async () => {
    await activate();
    const uri = workspaceUri('.continue', 'mcpServers', 'remote.yaml');
    try {
      const text = '# Continue block\nname: Remote\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: docs # ours\n    type: streamableHttp   # wrong word\n    url: "https://example.com/mcp"\n';
      await write(uri, text);
      const diag = await diagnosticFor(uri, 'type-value');
      assert.equal(at(diag), '6:10-6:24', 'the range of streamableHttp');
      const fixed = await applyQuickFix(uri, diag);
      assert.equal(fixed, text.replace('type: streamableHttp', 'type: streamable-http'));
      await waitFor(() => !ours(uri).some((d) => codeOf(d) === 'type-value'), 'the diagnostic clears');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceUri('.continue'), { recursive: true });
    }
  });

  it('a config nested 3,000 levels deep is one parse-error, an Error where it gets too deep (in VS Code\'s own mcp.json too)', async () => {
    await activate();
    for (const uri of [workspaceUri('.vscode', 'mcp.json'), workspaceUri('.cursor', 'mcp.json')]) {
      const head = '{"servers": {"a": {"command": "node", "args": ';
      await write(uri, head + '['.repeat(3000) + ']'.repeat(3000) + '}}}\n');
      const diag = await diagnosticFor(uri, 'parse-error');
      assert.equal(diag.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(at(diag), `0:${head.length + 97}-0:${head.length + 98}`, 'the bracket that opens level 101');
      assert.match(diag.message, /^Nested more than 100 levels deep at line 1, column \d+: /);
      assert.deepEqual(ours(uri).map(codeOf), ['parse-error']);
    }
    // VS Code's own JSON language server runs out of stack on this file and stalls for a while:
    // leave the workspace as the next tests expect it.
    await resetWorkspace();
  });

  it('lints while typing, before the file is saved', async () => {
    await activate();
    const uri = workspaceUri('.mcp.json');
    await write(uri, '{\n  "mcpServers": {\n    "ok": { "command": "node", "args": ["server.js"] }\n  }\n}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    // the document may still hold what an earlier test wrote until VS Code sees the file change
    await waitFor(() => doc.getText().includes('"ok": { "command"'), 'the document shows the file as written');
    await waitFor(() => ours(uri).length === 0, 'the clean file has no diagnostics');
    await editor.edit((e) => e.replace(new vscode.Range(2, 12, 2, 12), '"url": "http://example.com/mcp", '));
    assert.ok(doc.isDirty);
    const diag = await waitFor(() => ours(uri).find((d) => codeOf(d) === 'transport'), 'a conflicting-transport diagnostic while typing');
    assert.equal(at(diag), '2:4-2:8', 'on the server\'s name');
    // the two fields in conflict, as related information in this document
    assert.deepEqual(diag.relatedInformation?.map((r) => [r.location.uri.toString(), at({ range: r.location.range } as vscode.Diagnostic), r.message]), [
      [uri.toString(), '2:45-2:54', '"command" (server "ok"): the command: a local process'],
      [uri.toString(), '2:12-2:17', '"url" (server "ok"): the URL: a remote server'],
    ]);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('hovers document the keys of a Cursor file from its schema', async () => {
    await activate();
    const uri = workspaceUri('.cursor', 'mcp.json');
    await write(uri, '{\n  "mcpServers": {\n    "web": { "url": "https://example.com/mcp", "headers": {} }\n  }\n}\n');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // The document may still hold what an earlier test wrote until VS Code sees the file change.
    await waitFor(() => doc.getText().includes('"headers"'), 'the document shows the file as written');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 50));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /headers/i);
  });
});
