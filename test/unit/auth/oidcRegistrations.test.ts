/**
 * The core against a real authorization server (oidc-provider in test/fixtures/servers/oidc.mjs,
 * on 127.0.0.1), the sign-in state in the CLI's file store: dynamic registrations are made once per
 * authorization server and redirect URI, and a step-up nobody could consent to is remembered and
 * asked for at the next sign-in. Each "startup" is a new ServerRegistry on the same store, as a new
 * CLI process or a reloaded extension host would be.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AuthRequiredError, clearRecord, FileAuthStore, loopbackUserAgent, readRecord, statusOf, type AuthLogEntry } from '../../../src/core/auth';
import { ServerRegistry } from '../../../src/core/connection';
import { FIXTURES, remote, startChildServer, type ChildServer } from '../connection/helpers';

/** The person at the consent page (test/fixtures/servers/oidc-consent.mjs). */
function consent(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(FIXTURES, 'oidc-consent.mjs'), url.href], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += String(d)));
    p.once('error', reject);
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(err.trim() || `exit ${code}`))));
  });
}

describe('OAuth against oidc-provider: registrations reused, step-up remembered', function () {
  this.timeout(60_000);
  let server: ChildServer;
  let tmp: string;
  let store: FileAuthStore;
  let url: string;
  let consents = 0;
  const log: AuthLogEntry[] = [];
  const registries: ServerRegistry[] = [];

  const issued = async () => (await (await fetch(`http://127.0.0.1:${server.port}/__issued`)).json()) as { registrations: number };

  /** A new "process": a registry on the same store; `interactive` says whether someone can consent. */
  async function startup(interactive: boolean): Promise<{ registry: ServerRegistry; id: string }> {
    const userAgent = loopbackUserAgent({
      interactive,
      async open(u) {
        consents++;
        void consent(u).catch(() => undefined);
      },
    });
    const registry = new ServerRegistry({ reconnect: { maxAttempts: 0 }, auth: (d) => ({ server: d.name, store, userAgent, log: (e) => log.push(e), signInHint: 'sign in first' }) });
    registries.push(registry);
    await registry.setDefinitions([remote('secured', 'http', url)]);
    const id = registry.all()[0].id;
    await registry.start(id);
    return { registry, id };
  }

  before(async () => {
    server = await startChildServer(path.join(FIXTURES, 'oidc.mjs'), []);
    url = `http://127.0.0.1:${server.port}/mcp`;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mcp-oidc-'));
    store = new FileAuthStore(path.join(tmp, 'auth'));
  });

  afterEach(async () => {
    for (const r of registries.splice(0)) await r.dispose();
  });

  after(async () => {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('five startups that meet a 401 with nobody to consent register one client', async () => {
    for (let i = 0; i < 5; i++) {
      const { registry, id } = await startup(false);
      const s = registry.get(id)!.state;
      assert.equal(s.kind === 'error' && s.signInRequired, true, JSON.stringify(s));
    }
    assert.equal((await issued()).registrations, 1);
    assert.equal(log.filter((e) => e.step === 'client registration' && /by dynamic registration/.test(e.text)).length, 1);
  });

  it('signing in, signing out and signing in again reuse that client', async () => {
    const first = await startup(true);
    assert.equal(first.registry.get(first.id)!.state.kind, 'running', JSON.stringify(first.registry.get(first.id)!.state));
    await clearRecord(store, url);
    const again = await startup(true);
    assert.equal(again.registry.get(again.id)!.state.kind, 'running', JSON.stringify(again.registry.get(again.id)!.state));
    assert.equal(consents, 2);
    assert.equal((await issued()).registrations, 1, 'no registration after the sign-out');
    assert.ok(log.some((e) => e.step === 'client registration' && /^reusing client id/.test(e.text)));
  });

  it('registers anew once when the authorization server rejects the client (invalid_client)', async () => {
    await fetch(`http://127.0.0.1:${server.port}/__forget-clients`, { method: 'POST' });
    const { registry, id } = await startup(true);
    assert.equal(registry.get(id)!.state.kind, 'running', JSON.stringify(registry.get(id)!.state));
    assert.equal((await issued()).registrations, 2);
    assert.ok(log.some((e) => e.step === 'cleared' && /client and tokens/.test(e.text)), 'the rejected client was dropped');
    await registry.dispose();
    const next = await startup(false);
    assert.equal(next.registry.get(next.id)!.state.kind, 'running', 'the new tokens are used at the next startup');
    assert.equal((await issued()).registrations, 2);
  });

  it('a step-up nobody could consent to is remembered, and the next sign-in asks for the granted and the challenged scopes', async () => {
    const { registry, id } = await startup(false);
    assert.equal(registry.get(id)!.state.kind, 'running');
    await assert.rejects(registry.callTool(id, 'admin', {}), (e: Error) => {
      assert.ok(e instanceof AuthRequiredError, e.message);
      assert.deepEqual(e.moreAccess, ['admin']);
      assert.match(e.message, /needs more access \(scope "admin"\)/);
      return true;
    });
    assert.equal(registry.get(id)!.state.kind, 'running');
    assert.deepEqual(statusOf(await readRecord(store, url)).moreAccess, ['admin']);
    await registry.dispose();
    const before = consents;
    const next = await startup(true);
    assert.equal(next.registry.get(next.id)!.state.kind, 'running', JSON.stringify(next.registry.get(next.id)!.state));
    assert.equal(consents, before + 1, 'the sign-in consented once more, before connecting');
    const request = log.filter((e) => e.step === 'authorization request').at(-1)!;
    assert.match(request.text, /scopes "mcp admin"/);
    const r = await next.registry.callTool(next.id, 'admin', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'admin ok' }]);
    const status = statusOf(await readRecord(store, url));
    assert.deepEqual([...(status.scopes ?? [])].sort(), ['admin', 'mcp']);
    assert.equal(status.moreAccess, undefined);
    assert.equal((await issued()).registrations, 2, 'the step-up stays within the registration');
  });
});
