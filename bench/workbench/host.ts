/**
 * The extension-host half of the workbench benchmark (bench/workbench.bench.mjs): loaded as the
 * `extensionTestsPath` of one fresh workbench window, it reads this window's figures and prints them
 * as one `__MCP_DEVTOOLS_BENCH__ {json}` line on the console, which the driver collects.
 *
 * - Activation: the times the extension host reported to the workbench for this extension
 *   (`$onDidActivateExtension`: load code, call activate, finish activate), read from the workbench's
 *   own "Developer: Startup Performance" report (the `perf:Startup Performance` document, table
 *   "Extension Activation Stats"). "Developer: Show Running Extensions" shows load code + call activate.
 *   Beside it, the `require` of the main module alone, from the extension host's performance marks.
 * - Tree: the user-scope config the driver wrote names a server with 1,000 tools. It is started, and
 *   once its tools are loaded (the server's node shows "Tools (1000)"), the time for the Servers tree's
 *   `getChildren` of the Tools group plus `getTreeItem` of each of its 1,000 children: what VS Code asks
 *   of the provider when the group is expanded, timed inside the extension host.
 */
import * as vscode from 'vscode';

const EXTENSION_ID = 'mcp-devtools.mcp-devtools';
const PERF_URI = vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' });
const TOOLS = Number(process.env.MCP_DEVTOOLS_BENCH_TOOLS ?? 1000);
const SERVER = process.env.MCP_DEVTOOLS_BENCH_SERVER ?? 'huge';

/** The part of the test API this benchmark uses (kept structural so a reshaped API still fits). */
interface BenchApi {
  serversTree: vscode.TreeDataProvider<unknown>;
}

async function waitFor<T>(check: () => T | undefined | PromiseLike<T | undefined>, what: string, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Milliseconds of `require` of the extension's main module alone: between the extension host's
 * performance marks `code/extHost/willLoadExtensionCode/<id>` and `didLoadExtensionCode/<id>`
 * (its own `MonacoPerformanceMarks`, `Date.now()` resolution). "Load code" also holds what the host
 * awaits before that (its localized messages), time that goes to other extensions while it waits.
 */
function requireMs(): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (name: string) => marks.find((m) => m.name === `code/extHost/${name}/${EXTENSION_ID}`)?.startTime;
  const [will, did] = [at('willLoadExtensionCode'), at('didLoadExtensionCode')];
  return will !== undefined && did !== undefined ? did - will : undefined;
}

/** This extension's row of "Extension Activation Stats": milliseconds, as the workbench recorded them. */
async function activationTimes(): Promise<{ loadCode: number; callActivate: number; finishActivate: number; eager: boolean; event: string }> {
  // The report's document provider exists once the report was shown (it is a lazy workbench contribution).
  await vscode.commands.executeCommand('perfview.show');
  const doc = await waitFor(() => vscode.workspace.openTextDocument(PERF_URI).then((d) => d, () => undefined), 'the Startup Performance report', 10000);
  // The report starts as "Loading..." and is written once the workbench reaches its last startup phase.
  return waitFor(() => {
    // a Markdown table row: | Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |
    const cells = doc.getText().split('\n').map((l) => l.split('|').slice(1, -1).map((c) => c.trim())).find((c) => c[0] === EXTENSION_ID);
    if (!cells) return undefined;
    const [, eager, loadCode, callActivate, finishActivate, event] = cells;
    return { loadCode: Number(loadCode), callActivate: Number(callActivate), finishActivate: Number(finishActivate), eager: eager === 'true', event };
  }, 'the Startup Performance report to list this extension', 60000).catch((e: Error) => {
    throw new Error(`${e.message}; the report reads:\n${doc.getText().slice(0, 3000)}`);
  });
}

type Item = vscode.TreeItem;
const labelOf = (item: Item) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

async function children(tree: vscode.TreeDataProvider<unknown>, node?: unknown): Promise<{ node: unknown; item: Item }[]> {
  const nodes = (await tree.getChildren(node)) ?? [];
  return Promise.all(nodes.map(async (n) => ({ node: n, item: await tree.getTreeItem(n) })));
}

/** Milliseconds for the first render of the Tools group of a running server with {@link TOOLS} tools. */
async function treeFirstRender(api: BenchApi): Promise<number> {
  const tree = api.serversTree;
  const server = await waitFor(async () => {
    for (const client of await children(tree)) {
      for (const file of await children(tree, client.node)) {
        const found = (await children(tree, file.node)).find((s) => labelOf(s.item) === SERVER);
        if (found) return found;
      }
    }
    return undefined;
  }, `the server "${SERVER}" in the Servers tree`);
  await vscode.commands.executeCommand('mcpDevtools.startServer', server.node);
  const toolsGroup = await waitFor(async () => {
    const group = (await children(tree, server.node)).find((c) => labelOf(c.item).startsWith('Tools ('));
    return group && labelOf(group.item) === `Tools (${TOOLS})` ? group.node : undefined;
  }, `"${SERVER}" running with its ${TOOLS} tools listed`);

  const t0 = performance.now();
  const nodes = (await tree.getChildren(toolsGroup)) ?? [];
  const items = await Promise.all(nodes.map((n) => tree.getTreeItem(n)));
  const ms = performance.now() - t0;
  if (items.length !== TOOLS) throw new Error(`the Tools group has ${items.length} children, expected ${TOOLS}`);
  return ms;
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<BenchApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  // The workspace has a .vscode/mcp.json: the extension activates by itself (workspaceContains), as for a user.
  await waitFor(() => (ext.isActive ? true : undefined), 'the extension to activate', 60000);
  const api = await ext.activate();
  // the tree first: the report opens an editor, which the tree's figure should not share the host with
  const treeMs = await treeFirstRender(api);
  await vscode.commands.executeCommand('mcpDevtools.stopAllServers');
  const activation = { ...(await activationTimes()), requireMs: requireMs() };
  console.log(`__MCP_DEVTOOLS_BENCH__ ${JSON.stringify({ activation, treeMs })}`);
}
