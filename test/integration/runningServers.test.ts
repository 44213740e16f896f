/**
 * Issue 8, items 5 and 9: a running server through config edits (a half-typed edit stops nothing;
 * a changed launch restarts it), and its empty list groups.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { formatById } from '../../src/core/config/formats';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';
import { alive } from './processes';

const SCRIPT = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/changing.mjs`;
/** `.mcp.json` (Claude Code, workspace scope) with one server running the `changing` fixture. */
const config = (args: string[] = []) => JSON.stringify({ mcpServers: { changing: { command: 'node', args: [SCRIPT, ...args] } } }, null, 2);

describe('running servers and their config file', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  const file = () => workspaceUri('.mcp.json');
  const snapshot = () => api.live.all().find((s) => s.definition.name === 'changing' && s.definition.file === file().fsPath);
  /** Trusts the server as `text` defines it (a changed launch needs its own trust). */
  const trust = (text: string) => api.live.trust.trust(formatById('claude-code-project').read(text, file().fsPath).servers[0]);
  const hasArg = (arg: string) => {
    const t = snapshot()?.definition.transport;
    return t?.kind === 'stdio' && t.args.some((a) => a.value === arg);
  };
  /** Writes the config, waits until it was read (`until`, given the tree's lines) and the live servers have synced. */
  const edit = async (text: string, until: (lines: string[]) => boolean, what: string) => {
    await write(file(), text);
    await waitFor(async () => until(await treeText(api)), what);
    await api.live.sync();
  };

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await write(file(), config());
    await api.servers.refresh();
    await api.live.sync();
    await trust(config());
    assert.equal(await api.live.start(snapshot()!.id), undefined);
    assert.equal(snapshot()?.state.kind, 'running');
  });
  after(async () => {
    await api.live.stopAll();
    await api.live.trust.reset();
    await resetWorkspace();
    await api.servers.refresh();
  });

  it('a half-typed edit keeps the server running; the fixed file keeps it; a changed launch restarts it', async () => {
    const pid = snapshot()!.info!.pid!;
    // typing a new server above it: `"new": { "command": ` and no more yet
    const broken = config().replace('"mcpServers": {', '"mcpServers": {\n    "new": { "command": ');
    await edit(broken, (l) => l.some((x) => x.includes('JSON syntax error')), 'the file node shows the parse error');
    const lines = await treeText(api);
    assert.ok(lines.some((l) => /^ {4}changing \(stdio · running/.test(l)), `the server is still listed, running:\n${lines.join('\n')}`);
    assert.equal(snapshot()?.state.kind, 'running');
    assert.equal(snapshot()?.info?.pid, pid, 'the same process');

    // fixed, with the same launch: nothing restarts
    await edit(config(), (l) => !l.some((x) => x.includes('JSON syntax error')), 'the parse error is gone');
    await new Promise((r) => setTimeout(r, api.live.relaunchDelayMs + 500));
    assert.equal(snapshot()?.state.kind, 'running');
    assert.equal(snapshot()?.info?.pid, pid, 'still the same process');

    // a changed launch (trusted): restarted once the file parses, with a new process
    await trust(config(['--changed']));
    await edit(config(['--changed']), () => hasArg('--changed'), 'the new launch is read');
    const restarted = await waitFor(() => {
      const s = snapshot();
      return s?.state.kind === 'running' && s.info?.pid !== pid ? s : undefined;
    }, 'the server runs again with the new launch', 20000);
    assert.ok(hasArg('--changed') && restarted.id === snapshot()?.id);
    await waitFor(() => !alive(pid), 'the old process is gone');
  });

  it('a changed launch that is not trusted yet is not started: the server says why', async () => {
    await edit(config(), () => !!snapshot() && !hasArg('--changed'), 'the trusted launch is read');
    if (snapshot()?.state.kind !== 'running') await api.live.start(snapshot()!.id, { ask: false });
    assert.equal(snapshot()?.state.kind, 'running');
    await edit(config(['--untrusted']), () => hasArg('--untrusted'), 'the new launch is read');
    await waitFor(() => snapshot()?.state.kind === 'stopped', 'the old session is stopped');
    const lines = await waitFor(async () => {
      const t = await treeText(api);
      return t.some((l) => l.includes('has not been trusted yet')) ? t : undefined;
    }, 'the reason appears under the server', 10000);
    assert.ok(lines.some((l) => /^ {6}"changing" has not been trusted yet/.test(l)), lines.join('\n'));
    assert.equal(snapshot()?.state.kind, 'stopped');
  });

  it('hides list groups with no items unless mcpDevtools.servers.showEmptyGroups is on', async () => {
    await write(file(), config());
    await api.servers.refresh();
    await api.live.sync();
    await trust(config());
    assert.equal(await api.live.start(snapshot()!.id), undefined);
    const groups = async () => (await treeText(api)).filter((l) => /^ {6}(Tools|Resources|Resource Templates|Prompts) \(/.test(l)).map((l) => l.trim().replace(/^Tools \(\d+\)$/, 'Tools (n)'));
    // the fixture has tools, one resource, no resource templates, and no prompts capability
    assert.deepEqual(await waitFor(async () => ((await groups()).length ? groups() : undefined), 'the groups'), ['Tools (n)', 'Resources (1)']);
    const settings = vscode.workspace.getConfiguration('mcpDevtools.servers');
    await settings.update('showEmptyGroups', true, vscode.ConfigurationTarget.Global);
    try {
      await waitFor(async () => (await groups()).includes('Resource Templates (0)'), 'the empty group shows');
      assert.deepEqual(await groups(), ['Tools (n)', 'Resources (1)', 'Resource Templates (0)']);
    } finally {
      await settings.update('showEmptyGroups', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor(async () => !(await groups()).includes('Resource Templates (0)'), 'hidden again');
  });
});
