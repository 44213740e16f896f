/**
 * Issue 11's "reload the extension host and still be signed in", in a real new extension host:
 * phase 1 signs in to oidc-provider (test/fixtures/servers/oidc.mjs, started by run.mjs so that it
 * outlives the window) and calls a tool; the harness then loads the workbench again on the same
 * user data (a new window, a new extension host: Developer: Reload Window); phase 2 finds the
 * server signed in from SecretStorage with no consent page and no new client registration, steps
 * up through the redirect registered before the reload, and signs out.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CommandIds } from '../../../src/commandIds';
import type { ExtensionApi } from '../../../src/extension';
import { activate, answerConsent, treeText, waitFor, workspaceUri, write } from '../helpers';

const BASE = process.env.MCP_DEVTOOLS_OIDC_BASE!;
const PHASE = Number(process.env.MCP_DEVTOOLS_RELOAD_PHASE ?? '0');


const registrations = async () => ((await (await fetch(`${BASE}/__issued`)).json()) as { registrations: number }).registrations;

describe(`reload the window and still be signed in (issue 11), phase ${PHASE}`, function () {
  this.timeout(60000);
  let api: ExtensionApi;
  let consents = 0;
  const id = () => api.live.all().find((s) => s.definition.name === 'secured')!.id;
  const state = () => api.live.snapshot(id())?.state;

  before(async function () {
    if (!BASE || !PHASE) this.skip(); // only under run.mjs's reload suite
    api = await activate();
    api.live.signIns.opener = async (url) => {
      consents++;
      void answerConsent(url).catch((e: Error) => console.log(`consent failed: ${e.message}`));
    };
    console.log(`      remoteName ${vscode.env.remoteName ?? '(none)'}`);
  });

  it('phase 1: signs in and calls a tool', async function () {
    if (PHASE !== 1) this.skip();
    await write(workspaceUri('.vscode', 'mcp.json'), JSON.stringify({ servers: { secured: { type: 'http', url: `${BASE}/mcp` } } }, null, 2));
    await api.servers.refresh();
    await api.live.sync();
    await api.live.trust.trust(api.live.snapshot(id())!.definition);
    await vscode.commands.executeCommand(CommandIds.signIn, { serverId: id() });
    await waitFor(() => state()?.kind === 'running', `the server to run (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 1);
    const r = await api.live.callTool(id(), 'whoami', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'hello test-user (mcp)' }]);
    assert.equal(await registrations(), 1);
  });

  it('phase 2: the new extension host runs the server from SecretStorage, with no consent and no new registration', async function () {
    if (PHASE !== 2) this.skip();
    await api.servers.refresh();
    await api.live.sync();
    await api.live.start(id(), { ask: false });
    await waitFor(() => state()?.kind === 'running', `the server to run after the reload (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 0, 'no consent page after the reload');
    const r = await api.live.callTool(id(), 'whoami', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'hello test-user (mcp)' }]);
    const status = await waitFor(() => api.live.signIns.status(id())?.signedIn && api.live.signIns.status(id()), 'the sign-in summary');
    assert.equal(status.issuer, BASE);
    assert.equal(await registrations(), 1);
  });

  it('phase 2: a step-up after the reload goes through the redirect registered before it', async function () {
    if (PHASE !== 2) this.skip();
    await assert.rejects(api.live.callTool(id(), 'admin', {}), /needs more access/);
    await waitFor(async () => (await treeText(api)).some((l) => l.includes('More access needed: admin')), 'the More access needed node');
    await vscode.commands.executeCommand(CommandIds.signIn, { serverId: id() });
    await waitFor(() => state()?.kind === 'running', `the server to run (state ${JSON.stringify(state())})`, 30000);
    assert.equal(consents, 1);
    const r = await api.live.callTool(id(), 'admin', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'admin ok' }]);
    assert.equal(await registrations(), 1, 'the client registered before the reload, with its redirect');
  });

  it('phase 2: Sign Out, and the server asks for sign-in again', async function () {
    if (PHASE !== 2) this.skip();
    assert.equal(await vscode.commands.executeCommand<boolean>(CommandIds.signOut, { serverId: id() }), true);
    await waitFor(() => state()?.kind === 'error' && (state() as { signInRequired?: boolean }).signInRequired, `Sign in required (state ${JSON.stringify(state())})`, 30000);
    await api.live.stopAll();
    await api.live.trust.reset();
  });
});
