import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { RenderedResult } from '../../src/core/results';
import { activate, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';

const ROOT = process.env.MCP_DEVTOOLS_TEST_ROOT ?? '';
const FIXTURE = path.join(ROOT, 'test/fixtures/servers/devloop.mjs');

/** The fixture's source with its SDK imports made absolute, so a copy outside the repository runs. */
function portableSource(): string {
  const sdk = (sub: string) => pathToFileURL(path.join(ROOT, 'node_modules/@modelcontextprotocol/sdk/dist/esm', sub)).href;
  return readFileSync(FIXTURE, 'utf8').replace(/'@modelcontextprotocol\/sdk\/([^']+)'/g, (_m, sub: string) => `'${sdk(sub)}'`);
}

/** Writes `.vscode/mcp.json` with these servers and waits until the live servers know `name`. */
async function configure(api: ExtensionApi, servers: Record<string, unknown>, name: string): Promise<string> {
  await write(workspaceUri('.vscode', 'mcp.json'), JSON.stringify({ servers }, null, 2));
  const id = await waitFor(async () => {
    await api.servers.refresh();
    await api.live.sync();
    return api.live.all().find((s) => s.definition.name === name && (servers[name] as { dev?: unknown }).dev !== undefined && s.definition.dev)?.id;
  }, `server ${name} configured`);
  await api.live.trust.trust(api.live.snapshot(id)!.definition);
  return id;
}

/** What the watch saw and the server's state: the message of a failed wait, so a CI failure says where it stopped. */
function watchReport(api: ExtensionApi, id: string): string {
  const s = api.live.snapshot(id);
  return `state: ${JSON.stringify(s?.state)}, pid ${s?.info?.pid}\nwatch activity:\n  ${api.live.watches.activity(id).join('\n  ') || '(none)'}`;
}

const texts = (r: RenderedResult) => r.parts.map((p) => ('text' in p ? p.text : '')).join('\n');

describe('the developer loop: dev.watch and dev.debug', function () {
  this.timeout(120000);
  let api: ExtensionApi;
  before(async () => {
    api = await activate();
    await resetWorkspace();
  });
  after(async () => {
    await api.live.stopAll();
    vscode.debug.removeBreakpoints(vscode.debug.breakpoints);
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.trust.reset();
  });

  it('editing a watched server\'s source restarts it; the tree shows the new tool marked "added"; History re-runs across the restart', async () => {
    const source = workspaceUri('devloop', 'server.mjs');
    await write(source, portableSource());
    const id = await configure(api, { devloop: { type: 'stdio', command: 'node', args: ['${workspaceFolder}/devloop/server.mjs'], dev: { watch: 'devloop/**/*.mjs' } } }, 'devloop');
    assert.deepEqual(api.live.watches.watched(id)?.globs, ['devloop/**/*.mjs']);
    await api.live.start(id);
    assert.equal(api.live.snapshot(id)?.state.kind, 'running', JSON.stringify(api.live.snapshot(id)?.state));
    // VS Code starts a file watcher asynchronously (in code-server's process): under load a write made right
    // after createFileSystemWatcher can come before it listens. Rewrite the source unchanged until the watch
    // restarts the server once, so the edits below are made while it is known to listen.
    const probePid = api.live.snapshot(id)?.info?.pid;
    let probes = 0;
    await waitFor(async () => {
      const s = api.live.snapshot(id);
      if (s?.state.kind === 'running' && s.info?.pid !== probePid) return true;
      if (probes++ % 20 === 0) await write(source, portableSource());
      return undefined;
    }, 'the watch restarts the server after a rewrite of its source', 30000).catch((e: Error) => {
      throw new Error(`${e.message}\n${watchReport(api, id)}`);
    });
    const firstPid = api.live.snapshot(id)?.info?.pid;
    // a call before the restart, for History
    await api.history.clear();
    await vscode.commands.executeCommand('mcpDevtools.callTool', { serverId: id, toolName: 'hello' });
    const [entry] = await waitFor(() => (api.history.entries().length ? api.history.entries() : undefined), 'a history entry');

    const added = `server.registerTool('goodbye', { description: 'says goodbye' }, async () => ({ content: [{ type: 'text', text: 'bye' }] }));\n// more tools here`;
    await write(source, portableSource().replace('// more tools here', added));
    const lines = await waitFor(async () => {
      const s = api.live.snapshot(id);
      if (s?.state.kind !== 'running' || s.info?.pid === firstPid || !api.live.listChanges(id)) return undefined;
      const t = await treeText(api);
      return t.some((l) => /^ {8}goodbye \(added\)$/.test(l)) ? t : undefined;
    }, 'the restarted server\'s new tool, marked added', 30000).catch((e: Error) => {
      throw new Error(`${e.message}\n${watchReport(api, id)}`);
    });
    assert.ok(lines.some((l) => /^ {8}hello$/.test(l)), `hello unmarked in\n${lines.join('\n')}`);
    const change = api.live.listChanges(id)?.tools.get('goodbye');
    assert.equal(change?.kind, 'added');

    // the History entry names the server by id and the tool by name: it re-runs on the new process
    const r = await vscode.commands.executeCommand<RenderedResult>('mcpDevtools.history.rerun', entry);
    assert.match(texts(r), /hello from devloop/);

    // a restart that fails shows why on the node; the next change retries
    await write(source, 'this is not JavaScript(');
    await waitFor(() => api.live.snapshot(id)?.state.kind === 'error', 'the failed restart is the server\'s error state', 30000);
    const failed = await treeText(api);
    assert.ok(failed.some((l) => /^ {6}Failed to start: .*exited before answering initialize/.test(l)), failed.join('\n'));
    const state = api.live.snapshot(id)?.state;
    assert.ok(state?.kind === 'error' && state.stderrTail.some((l) => /SyntaxError/.test(l)), `its last stderr lines say why (the node's tooltip): ${JSON.stringify(state)}`);
    await write(source, portableSource());
    await waitFor(() => api.live.snapshot(id)?.state.kind === 'running', 'running again after the next change', 30000);
    await waitFor(async () => ((await treeText(api)).some((l) => /^ {8}goodbye \(removed\)$/.test(l)) ? true : undefined), 'goodbye marked removed against the last good lists');

    await vscode.commands.executeCommand('mcpDevtools.stopWatchingServerSource', { serverId: id });
    assert.equal(api.live.watches.watched(id), undefined);
    await api.live.stop(id);
  });

  it('Watch Server Source… watches any stdio server for this window', async () => {
    const id = await configure(api, { plain: { type: 'stdio', command: 'node', args: [FIXTURE], dev: {} } }, 'plain');
    const glob = await vscode.commands.executeCommand<string>('mcpDevtools.watchServerSource', { serverId: id, glob: `${path.dirname(FIXTURE)}/devloop.mjs` });
    assert.ok(glob);
    assert.deepEqual(api.live.watches.watched(id)?.globs, [glob]);
    assert.equal(api.live.watches.watched(id)?.source, 'command');
    const [client] = await api.serversTree.getChildren();
    const [file] = await api.serversTree.getChildren(client);
    const node = (await api.serversTree.getChildren(file)).find((n) => n.kind === 'server' && n.server.id === id)!;
    assert.equal(api.serversTree.getTreeItem(node).contextValue, 'mcpServer:stopped:stdio:watched');
    await vscode.commands.executeCommand('mcpDevtools.stopWatchingServerSource', { serverId: id });
    assert.equal(api.serversTree.getTreeItem(node).contextValue, 'mcpServer:stopped:stdio');
  });

  it('dev.debug node: a breakpoint in the server\'s tool handler is hit from Call Tool; continue, and the call completes', async () => {
    const id = await configure(api, { debugged: { type: 'stdio', command: 'node', args: [FIXTURE], dev: { debug: { type: 'node' } } } }, 'debugged');
    const line = readFileSync(FIXTURE, 'utf8').split('\n').findIndex((l) => l.includes('// breakpoint here'));
    vscode.debug.addBreakpoints([new vscode.SourceBreakpoint(new vscode.Location(vscode.Uri.file(FIXTURE), new vscode.Position(line, 0)))]);
    await api.live.start(id);
    assert.equal(api.live.snapshot(id)?.state.kind, 'running', JSON.stringify(api.live.snapshot(id)?.state));
    assert.ok(api.live.debugSessions.sessionsOf(id).length >= 1, 'a debug session attached');

    const stopped = new Promise<vscode.DebugStackFrame>((resolve) => {
      const sub = vscode.debug.onDidChangeActiveStackItem((item) => {
        if (item instanceof vscode.DebugStackFrame) {
          sub.dispose();
          resolve(item);
        }
      });
    });
    const call = vscode.commands.executeCommand<RenderedResult>('mcpDevtools.callTool', { serverId: id, toolName: 'hello' });
    const frame = await stopped;
    const trace = await frame.session.customRequest('stackTrace', { threadId: frame.threadId, startFrame: 0, levels: 1 }) as { stackFrames: { line: number; source?: { path?: string } }[] };
    assert.equal(trace.stackFrames[0].line, line + 1, 'stopped on the breakpoint\'s line');
    assert.equal(path.basename(trace.stackFrames[0].source?.path ?? ''), 'devloop.mjs');
    await frame.session.customRequest('continue', { threadId: frame.threadId });
    const r = await call;
    assert.match(texts(r), /hello from devloop/);

    await api.live.stop(id);
    await waitFor(() => api.live.debugSessions.sessionsOf(id).length === 0, 'the debug session ends with the server');
  });

  it('dev.debug debugpy without the Python Debugger extension: says so, attaches nothing, throws nothing', async function () {
    if (vscode.extensions.getExtension('ms-python.debugpy')) this.skip();
    const id = api.live.all()[0].id;
    api.live.debugSessions.attach(id, 'py', { type: 'debugpy', host: '127.0.0.1', port: 1 });
    assert.deepEqual(await api.live.debugSessions.settled(id), ['no-debugger-extension']);
    assert.equal(api.live.debugSessions.sessionsOf(id).length, 0);
  });
});
