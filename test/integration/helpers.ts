import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerDefinition } from '../../src/core/config/model';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'mcp-devtools.mcp-devtools';

/** Activates the extension under test and returns its test API. */
export async function activate(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

/** The first workspace folder's URI (the harness opens a fresh copy of test/fixtures/workspace). */
export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Polls `check` until it returns a truthy value, at most `timeoutMs`; throws `message` otherwise. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, message: string, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms: ${message}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** The Servers view as text: one line per node, children indented by two spaces. */
export async function treeText(api: ExtensionApi): Promise<string[]> {
  const lines: string[] = [];
  const walk = async (node: Parameters<typeof api.serversTree.getChildren>[0], depth: number) => {
    for (const child of await api.serversTree.getChildren(node)) {
      const item = api.serversTree.getTreeItem(child);
      const label = typeof item.label === 'string' ? item.label : item.label?.label;
      lines.push(`${'  '.repeat(depth)}${label}${item.description ? ` (${item.description})` : ''}`);
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return lines;
}

export const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

/**
 * Puts the workspace back as the fixture has it (test/fixtures/workspace): its config files
 * rewritten, anything else a test created (e.g. `.cursor/`) removed. Tests that edit files call it first.
 */
export async function resetWorkspace(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const fixture = vscode.Uri.file(`${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/workspace`);
  for (const rel of [['.vscode', 'mcp.json'], ['.mcp.json']]) {
    await vscode.workspace.fs.writeFile(workspaceUri(...rel), await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixture, ...rel)));
  }
  try {
    await vscode.workspace.fs.delete(workspaceUri('.cursor'), { recursive: true });
  } catch {
    // not there
  }
}

/**
 * Types `text` with real keystrokes into whatever has focus in the workbench (a QuickPick's input,
 * which no command can fill), once a QuickPick whose title contains `quickInput` shows (if given).
 * Only the code-server harness can (test/harness/code-shim.mjs); under a downloaded VS Code the
 * calling test is skipped.
 */
export async function typeInWorkbench(test: Mocha.Context, text: string, quickInput?: string): Promise<void> {
  if (!process.env.MCP_DEVTOOLS_KEYS) test.skip();
  const done = path.join(mkdtempSync(path.join(tmpdir(), 'mcp-devtools-keys-')), 'done');
  console.log(`__MCP_DEVTOOLS_KEYS__ ${JSON.stringify({ type: text, done, quickInput })}`);
  await waitFor(() => existsSync(done), `the harness typed "${text}"`, 35000);
  // the QuickPick filters on its input event; give the list a moment to re-sort
  await new Promise((r) => setTimeout(r, 300));
}

/**
 * Re-reads the config files, waits for the server `pick` chooses (a name, or a test of its
 * definition), trusts it and starts it. Fails unless it is then running.
 * @returns the server's id
 */
export async function startTrusted(api: ExtensionApi, pick: string | ((d: ServerDefinition) => boolean), what = `server ${String(pick)} configured`): Promise<string> {
  await api.servers.refresh();
  await api.live.sync();
  const chosen = typeof pick === 'string' ? (d: ServerDefinition) => d.name === pick : pick;
  const s = await waitFor(() => api.live.all().find((x) => chosen(x.definition)), what);
  await api.live.trust.trust(s.definition);
  await api.live.start(s.id);
  const state = api.live.snapshot(s.id)?.state;
  assert.equal(state?.kind, 'running', JSON.stringify(state));
  return s.id;
}

/**
 * Answers an authorization server's consent page the way a person would, in a child process
 * (test/fixtures/servers/oidc-consent.mjs). Rejects with its stderr when it fails.
 */
export function answerConsent(url: URL): Promise<void> {
  const script = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/oidc-consent.mjs`;
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [script, url.href], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += String(d)));
    p.once('error', reject);
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(err.trim() || `exit ${code}`))));
  });
}
