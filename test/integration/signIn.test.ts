/**
 * Issue 11, the extension's sign-in in a real VS Code, against a real authorization server:
 * oidc-provider in front of a Streamable HTTP MCP server that checks its tokens and serves RFC
 * 9728 metadata (test/fixtures/servers/oidc.mjs, on 127.0.0.1, started and stopped here). The
 * consent page is answered by a client that follows the authorization server's redirects with
 * its cookies (the fixture's interaction route consents for `test-user`), in place of a browser,
 * in a process of its own: VS Code's proxy resolver logs the URLs an extension host fetches at Debug.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandIds } from '../../src/commandIds';
import type { ExtensionApi } from '../../src/extension';
import { activate, answerConsent, resetWorkspace, treeText, waitFor, workspaceUri, write } from './helpers';

const OIDC = `${process.env.MCP_DEVTOOLS_TEST_ROOT}/test/fixtures/servers/oidc.mjs`;


/** Every file under `dir` (depth-first), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}

describe('signing in to a remote server (issue 11)', function () {
  this.timeout(60000);
  let api: ExtensionApi;
  let child: ChildProcess;
  let base = '';
  let consents = 0;
  const id = () => api.live.all().find((s) => s.definition.name === 'secured')!.id;
  const state = () => api.live.snapshot(id())?.state;

  /** The tooltip of the server node named `name`. */
  async function tooltipOf(name: string): Promise<vscode.MarkdownString | undefined> {
    const walk = async (node: Parameters<typeof api.serversTree.getChildren>[0]): Promise<vscode.MarkdownString | undefined> => {
      for (const c of await api.serversTree.getChildren(node)) {
        if (c.kind === 'server' && c.server.name === name) return api.serversTree.getTreeItem(c).tooltip as vscode.MarkdownString;
        if (c.kind !== 'server') {
          const found = await walk(c);
          if (found) return found;
        }
      }
      return undefined;
    };
    return walk(undefined);
  }

  before(async () => {
    api = await activate();
    await resetWorkspace();
    // the steps of a flow are logged at Debug: let the channels write them
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'debug');
    child = spawn(process.execPath, [OIDC], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
    const port = await new Promise<string>((resolve, reject) => {
      child.once('error', reject);
      child.stdout!.on('data', (d: Buffer) => {
        const m = /listening (\d+)/.exec(String(d));
        if (m) resolve(m[1]);
      });
    });
    base = `http://127.0.0.1:${port}`;
    api.live.signIns.opener = async (url) => {
      consents++;
      void answerConsent(url).catch((e: Error) => console.log(`consent failed: ${e.message}`));
    };
    // the same server under a URL with a variable: its sign-in is kept under the URL it resolves to
    process.env.MCP_DEVTOOLS_TEST_OIDC_PORT = new URL(base).port;
    await write(workspaceUri('.vscode', 'mcp.json'), JSON.stringify({ servers: { secured: { type: 'http', url: `${base}/mcp` }, 'secured-var': { type: 'http', url: 'http://127.0.0.1:${env:MCP_DEVTOOLS_TEST_OIDC_PORT}/mcp' } } }, null, 2));
    await api.servers.refresh();
    await api.live.sync();
    await api.live.trust.trust(api.live.snapshot(id())!.definition);
  });

  after(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
    await api.live.stopAll();
    await api.live.signOutAll();
    await api.live.trust.reset();
    child?.kill();
    delete process.env.MCP_DEVTOOLS_TEST_OIDC_PORT;
    await resetWorkspace();
    await api.servers.refresh();
    await api.live.sync();
  });

  it('a server that answers 401 shows "Sign in required" with a Sign In action, and opens no browser on its own', async () => {
    await api.live.start(id(), { ask: false });
    const s = await waitFor(() => state()?.kind === 'error' && state(), 'the start to fail');
    assert.equal(s.kind === 'error' && s.signInRequired, true, JSON.stringify(s));
    assert.equal(consents, 0, 'no consent page opened at start');
    const lines = await waitFor(async () => {
      const t = await treeText(api);
      return t.some((l) => l.includes('Sign in required')) && t;
    }, 'the Sign in required node');
    assert.ok(lines.some((l) => /secured \(.*sign in required/.test(l)), lines.join('\n'));
    const tooltip = await tooltipOf('secured');
    assert.ok(tooltip?.value.includes('Sign in required') && tooltip.value.includes(`command:${CommandIds.signIn}`), tooltip?.value);
  });

  it('Sign In runs the flow against oidc-provider, starts the server, and a tool call works', async () => {
    void vscode.commands.executeCommand(CommandIds.signIn, { serverId: id() }).then(undefined, (e: Error) => console.log(`signIn failed: ${e.message}`));
    await waitFor(() => consents === 1, 'the consent page to open', 20000).catch((e: Error) => {
      console.log(`state ${JSON.stringify(state())}\n${JSON.stringify(api.live.logEvents(id()).slice(-8), null, 1)}`);
      throw e;
    });
    await waitFor(() => state()?.kind === 'running', `the server to run (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 1);
    const r = await api.live.callTool(id(), 'whoami', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'hello test-user (mcp)' }]);
    const status = await waitFor(() => api.live.signIns.status(id())?.signedIn && api.live.signIns.status(id()), 'the sign-in summary');
    assert.equal(status.issuer, base);
    assert.deepEqual(status.scopes, ['mcp']);
    const tooltip = await waitFor(async () => {
      const t = await tooltipOf('secured');
      return t?.value.includes('Signed in') && t.value;
    }, 'the tooltip to say signed in');
    assert.ok(tooltip.includes(base) && tooltip.includes('`mcp`'), tooltip);
  });

  it('a server whose URL holds a variable finds the sign-in kept under the URL it resolves to', async () => {
    const varId = api.live.all().find((s) => s.definition.name === 'secured-var')!.id;
    await api.live.trust.trust(api.live.snapshot(varId)!.definition);
    await api.live.start(varId, { ask: false });
    await waitFor(() => api.live.snapshot(varId)?.state.kind === 'running', `secured-var to run (state ${JSON.stringify(api.live.snapshot(varId)?.state)})`, 30000);
    assert.equal(consents, 1, 'no consent: the same resolved URL, the same record');
    const status = await waitFor(() => api.live.signIns.status(varId)?.signedIn && api.live.signIns.status(varId), 'the sign-in summary of secured-var');
    assert.equal(status.issuer, base);
    const tooltip = await waitFor(async () => {
      const t = await tooltipOf('secured-var');
      return t?.value.includes('Signed in') && t.value;
    }, 'the tooltip of secured-var to say signed in');
    assert.ok(tooltip.includes(base), tooltip);
    await api.live.stop(varId);
  });

  it('the tokens come from SecretStorage: a restarted server runs without a consent page', async () => {
    await api.live.restart(id());
    await waitFor(() => state()?.kind === 'running', `the server to run again (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 1, 'no second consent');
    const r = await api.live.callTool(id(), 'whoami', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'hello test-user (mcp)' }]);
  });

  it('a tool that needs a wider scope: the node says more access is needed, Sign In asks for it, and the call succeeds', async () => {
    // The fixture answers 403 insufficient_scope, scope="mcp admin" until the token has `admin`.
    // No consent page opens on its own: the call fails, saying what to do, and the node offers Sign In.
    await assert.rejects(api.live.callTool(id(), 'admin', {}), (e: Error) => /needs more access \(scope "admin"\).*Sign In/.test(e.message) || assert.fail(e.message));
    assert.equal(consents, 1, 'no consent page on its own');
    assert.equal(state()?.kind, 'running', 'a 403 is an authorization event, not a lost connection');
    const lines = await waitFor(async () => {
      const t = await treeText(api);
      return t.some((l) => l.includes('More access needed: admin')) && t;
    }, 'the More access needed node');
    assert.ok(lines.some((l) => /secured \(.*more access needed/.test(l)), lines.join('\n'));
    const before = await tooltipOf('secured');
    assert.ok(before?.value.includes('More access needed') && before.value.includes(`command:${CommandIds.signIn}`), before?.value);
    // Sign In: one consent page, for the granted and the challenged scopes
    await vscode.commands.executeCommand(CommandIds.signIn, { serverId: id() });
    await waitFor(() => state()?.kind === 'running', `the server to run (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 2, 'one consent page for the step-up');
    const r = await api.live.callTool(id(), 'admin', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'admin ok' }]);
    const w = await api.live.callTool(id(), 'whoami', {});
    assert.deepEqual(w.content, [{ type: 'text', text: 'hello test-user (mcp admin)' }]);
    // the tooltip's scopes are re-read after the step-up (nothing here refreshes them by hand)
    const tooltip = await waitFor(async () => {
      const t = await tooltipOf('secured');
      return t?.value.includes('`mcp admin`') && !t.value.includes('More access needed') && t.value;
    }, 'the tooltip to show the wider scopes');
    assert.ok(tooltip.includes(base), tooltip);
    assert.ok(!(await treeText(api)).some((l) => l.includes('More access needed')));
  });

  it('Sign Out forgets the tokens: the server asks for sign-in again', async () => {
    const had = await vscode.commands.executeCommand<boolean>(CommandIds.signOut, { serverId: id() });
    assert.equal(had, true);
    await waitFor(() => state()?.kind === 'error' && (state() as { signInRequired?: boolean }).signInRequired, `Sign in required again (state ${JSON.stringify(state())})`, 30000);
    assert.equal(api.live.signIns.status(id())?.signedIn, false);
    assert.equal(consents, 2);
  });

  it('no token, code or verifier appears in any log VS Code wrote', async () => {
    const issued = (await (await fetch(`${base}/__issued`)).json()) as { tokens: string[]; codes: string[]; verifiers: string[] };
    const planted = [...issued.tokens, ...issued.codes, ...issued.verifiers];
    assert.ok(issued.tokens.length >= 2 && issued.codes.length >= 1 && issued.verifiers.length >= 1, JSON.stringify({ t: issued.tokens.length, c: issued.codes.length, v: issued.verifiers.length }));
    // this window's logs: the newest session folder of the test's user data (code-server and VS Code alike)
    const logsRoot = path.join(process.env.MCP_DEVTOOLS_TEST_ROOT!, '.vscode-test', 'user-data', 'logs');
    const session = fs.readdirSync(logsRoot).sort().at(-1)!;
    const files = () => [...filesUnder(path.join(logsRoot, session)), ...filesUnder(os.homedir())].filter((f) => f.endsWith('.log'));
    const serverLog = await waitFor(() => files().find((f) => path.basename(f) === 'MCP secured.log' && fs.readFileSync(f, 'utf8').includes('[auth] token request')), "the server's log with the flow's steps at Debug");
    const text = fs.readFileSync(serverLog, 'utf8');
    for (const step of ['protected resource metadata', 'authorization server metadata', 'client registration', 'authorization request', 'redirect', 'token request']) {
      assert.match(text, new RegExp(`\\[debug\\] \\[auth\\] ${step}: `), `the ${step} step at Debug`);
    }
    const logs = files();
    console.log(`      read ${logs.length} log files`);
    for (const f of logs) {
      const t = fs.readFileSync(f, 'utf8');
      for (const p of planted) assert.ok(!t.includes(p), `${f} holds a planted secret (${p.slice(0, 4)}…)`);
    }
  });
});
