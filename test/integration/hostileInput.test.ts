/**
 * Issue 10, defects 1-3 in a real VS Code: secrets written in a config's args, URL, env and headers
 * appear in no diagnostic, quick fix, tooltip or trust dialog; a hostile server's text in a
 * tooltip is untrusted Markdown (no command links, no HTML).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { activate, resetWorkspace, waitFor, workspaceUri, write } from './helpers';

const HOSTILE = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/hostile-text.mjs`;
const GH = 'ghp_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2';
const ARG_SECRET = 'argSecret' + 'Value7Hq2Lm9Xz';
const ENV_SECRET = 'envSecret' + 'Value8Yu3Io6Pq';
const HEADER_SECRET = 'headerSecret' + 'Value1Qa7Zx5';
const URL_PW = 'urlPassword' + '5Rk3Jd6Pe';
const QUERY_KEY = 'queryKey' + 'Value2Ws9Fg4';
const SECRETS = [GH, ARG_SECRET, ENV_SECRET, HEADER_SECRET, URL_PW, QUERY_KEY];

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

function assertNoSecret(text: string, what: string): void {
  for (const s of SECRETS) assert.ok(!text.includes(s), `${what} shows ${s.slice(0, 6)}…:\n${text}`);
}

describe('under hostile input (issue 10)', function () {
  this.timeout(90000);
  let api: ExtensionApi;
  const file = () => workspaceUri('.vscode', 'mcp.json');

  /** The tooltip of the server node named `name`, anywhere in the Servers view. */
  async function tooltipOf(name: string): Promise<vscode.MarkdownString> {
    const walk = async (node: Parameters<typeof api.serversTree.getChildren>[0]): Promise<vscode.MarkdownString | undefined> => {
      for (const child of await api.serversTree.getChildren(node)) {
        if (child.kind === 'server' && child.server.name === name) return api.serversTree.getTreeItem(child).tooltip as vscode.MarkdownString;
        if (child.kind !== 'server') {
          const found = await walk(child);
          if (found) return found;
        }
      }
      return undefined;
    };
    return waitFor(() => walk(undefined), `the server node "${name}"`);
  }

  before(async () => {
    api = await activate();
    await resetWorkspace();
    await write(file(), JSON.stringify({
      servers: {
        hostile: { type: 'stdio', command: 'node', args: [HOSTILE, '--token', ARG_SECRET, GH], env: { API_TOKEN: ENV_SECRET } },
        remote: { type: 'http', url: `http://alice:${URL_PW}@127.0.0.1:9/mcp?api_key=${QUERY_KEY}`, headers: { 'X-Api-Key': HEADER_SECRET } },
      },
    }, null, 2));
    await api.servers.refresh();
    await api.live.sync();
  });
  after(async () => {
    await api.live.stopAll();
    await api.live.trust.reset();
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('diagnostics and their quick fixes hold none of the secrets (defect 1)', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file()));
    const found = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(file()).filter((x) => x.source === 'MCP DevTools' && codeOf(x) === 'secret');
      return d.length >= 3 && d;
    }, 'secret diagnostics');
    for (const d of found) {
      assertNoSecret(d.message, 'a diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', file(), d.range, vscode.CodeActionKind.QuickFix.value);
      assert.ok(actions.some((a) => a.title.startsWith('Move into input')), actions.map((a) => a.title).join(', '));
      for (const a of actions) for (const [, edits] of a.edit?.entries() ?? []) for (const e of edits) assertNoSecret(e.newText, `the quick fix "${a.title}"`);
    }
  });

  it('tooltips and the trust dialog show args, URL, env and headers redacted (defect 2)', async () => {
    for (const name of ['hostile', 'remote']) assertNoSecret((await tooltipOf(name)).value, `the tooltip of ${name}`);
    assert.match((await tooltipOf('hostile')).value, /--token <redacted> <redacted>/);
    assert.match((await tooltipOf('remote')).value, /alice:<redacted>@127\.0\.0\.1:9\/mcp\?api_key=<redacted>/);
    const dialog = api.live.trust.dialog;
    const shown: string[] = [];
    api.live.trust.dialog = async (_message, detail) => {
      shown.push(detail);
      return undefined; // cancelled
    };
    try {
      await api.live.trust.reset();
      for (const name of ['hostile', 'remote']) await api.live.start(api.live.all().find((s) => s.definition.name === name)!.id);
    } finally {
      api.live.trust.dialog = dialog;
    }
    assert.equal(shown.length, 2, 'asked for each');
    for (const detail of shown) assertNoSecret(detail, 'the trust dialog');
  });

  it("a hostile server's tooltip is untrusted Markdown: its command link and HTML do nothing (defect 3)", async () => {
    const s = api.live.all().find((x) => x.definition.name === 'hostile')!;
    await api.live.trust.trust(s.definition);
    await api.live.start(s.id);
    assert.equal(api.live.snapshot(s.id)?.state.kind, 'running', JSON.stringify(api.live.snapshot(s.id)?.state));
    const tooltip = await waitFor(async () => {
      const t = await tooltipOf('hostile');
      return t.value.includes('instructions') && t;
    }, 'the instructions in the tooltip');
    assert.ok(tooltip.value.includes('command:workbench.action.terminal.new'), 'the link is there, as text of untrusted Markdown');
    assert.notEqual(tooltip.isTrusted, true, 'untrusted: command links do not run');
    assert.notEqual(tooltip.supportHtml, true, 'no HTML');
    assertNoSecret(tooltip.value, 'the running server\'s tooltip');
  });
});
