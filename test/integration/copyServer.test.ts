/**
 * Issue 14, item 4: MCP: Copy Server to… — a server of .vscode/mcp.json (with ${env:…},
 * ${workspaceFolder} and a VS Code input) copied into Claude Code's .mcp.json and Codex's
 * .codex/config.toml: a diff preview first, and nothing written until its question is answered
 * Copy (the test presses the notification's primary button with VS Code's own command); the result
 * lints clean; a dismissed question writes nothing.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lint } from '../../src/core/lint';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

type Copied = { file: string; name: string; notes: string[] } | undefined;

const read = async (uri: vscode.Uri) => {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
};

/** The preview diff's tab, when it shows: the file ↔ its text with the server copied in. */
const previewTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'mcp-devtools-copy');

/**
 * Runs Copy Server to… with `arg`; once its diff shows, checks the target is as it was (nothing
 * written before the answer) and that the diff's right side is what gets written, then answers the
 * notification as a person would: its primary button (`notification.acceptPrimaryAction`, VS
 * Code's command for Ctrl+Shift+A), or dismissing it (`notifications.clearAll`).
 */
async function copyThroughPreview(arg: Record<string, unknown>, target: vscode.Uri, answer: 'copy' | 'dismiss'): Promise<{ copied: Copied; shown: string }> {
  await vscode.commands.executeCommand('notifications.clearAll');
  const before = await read(target);
  let done: { value: Copied } | undefined;
  const pending = vscode.commands.executeCommand<Copied>('mcpDevtools.copyServerTo', arg).then((value) => (done = { value }));
  const tab = await waitFor(() => previewTab(), 'the diff preview shows', 30000);
  const shown = (await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).modified)).getText();
  assert.equal(await read(target), before, 'nothing is written while the preview is up');
  assert.equal(done, undefined, 'the command waits for the answer');
  await waitFor(async () => {
    if (done) return done;
    if (answer === 'copy') {
      // the newest toast, focused, is the question (focusing puts it ahead of any other notification)
      await vscode.commands.executeCommand('notifications.focusToasts');
      await vscode.commands.executeCommand('notification.acceptPrimaryAction');
    } else await vscode.commands.executeCommand('notifications.clearAll');
    return done;
  }, `the question is answered (${answer})`, 30000);
  await pending;
  assert.equal(previewTab(), undefined, 'the diff is closed after the answer');
  return { copied: done!.value, shown };
}

describe('MCP: Copy Server to… (with the diff preview)', function () {
  this.timeout(120000);
  let api: ExtensionApi;
  let fsId: string;

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await write(workspaceUri('.vscode', 'mcp.json'), `{
  // copied by the copy test
  "inputs": [{ "id": "api-key", "type": "promptString", "description": "The API key", "password": true }],
  "servers": {
    "fs": {
      "type": "stdio",
      "command": "node",
      "args": ["${process.env.MCP_DEVTOOLS_TEST_ROOT}/node_modules/@modelcontextprotocol/server-filesystem/dist/index.js", "\${workspaceFolder}"],
      "env": { "LOG_LEVEL": "\${env:LOG_LEVEL}", "API_KEY": "\${input:api-key}" }
    }
  }
}
`);
    await api.servers.refresh();
    await api.live.sync();
    fsId = (await waitFor(() => api.live.all().find((s) => s.definition.name === 'fs' && s.definition.client === 'vscode'), 'fs is configured')).id;
  });
  after(async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    try {
      await vscode.workspace.fs.delete(workspaceUri('.codex'), { recursive: true });
    } catch {
      // not there
    }
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('to Claude Code: the diff first; after Copy, .mcp.json has ${LOG_LEVEL}, keeps its server, lints clean; the input became a variable with a note', async () => {
    const target = workspaceUri('.mcp.json');
    const { copied, shown } = await copyThroughPreview({ serverId: fsId, to: 'claude-code-project' }, target, 'copy');
    assert.equal(copied?.name, 'fs');
    assert.equal(copied?.file, target.fsPath);
    const text = (await read(target))!;
    assert.equal(text, shown, 'what the diff showed is what was written');
    const json = JSON.parse(text) as { mcpServers: Record<string, { args?: string[]; env?: Record<string, string> }> };
    assert.deepEqual(Object.keys(json.mcpServers), ['memory', 'fs'], 'the server that was there stays');
    assert.deepEqual(json.mcpServers.fs.env, { LOG_LEVEL: '${LOG_LEVEL}', API_KEY: '${API_KEY}' });
    assert.equal(json.mcpServers.fs.args?.[1], workspaceUri().fsPath, '${workspaceFolder} resolved');
    assert.ok(copied!.notes.some((n) => /input "api-key" \(The API key\) became the environment variable API_KEY/.test(n)), copied!.notes.join('\n'));
    assert.deepEqual(lint(text, target.fsPath).filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`), []);
    await waitFor(() => api.live.all().some((s) => s.definition.name === 'fs' && s.definition.client === 'claude-code'), 'the Servers view shows the copy');
  });

  it('to Codex, a file not there yet: created as [mcp_servers.fs] with env_vars after Copy, lints clean', async () => {
    const target = workspaceUri('.codex', 'config.toml');
    const { copied } = await copyThroughPreview({ serverId: fsId, to: 'codex-project' }, target, 'copy');
    assert.equal(copied?.name, 'fs');
    const text = (await read(target))!;
    assert.match(text, /^\[mcp_servers\.fs\]$/m);
    assert.match(text, /^env_vars = \[ "LOG_LEVEL", "API_KEY" \]$/m);
    assert.deepEqual(lint(text, target.fsPath).filter((f) => f.severity !== 'info').map((f) => `${f.code}: ${f.message}`), []);
  });

  it('a dismissed question writes nothing', async () => {
    const target = workspaceUri('.cursor', 'mcp.json');
    const { copied } = await copyThroughPreview({ serverId: fsId, to: 'cursor-project' }, target, 'dismiss');
    assert.equal(copied, undefined);
    assert.equal(await read(target), undefined);
  });
});
