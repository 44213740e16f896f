/**
 * The core without the CLI: a ServerRegistry with sign-in options (an in-memory store and a
 * loopback user agent whose "browser" follows redirects) against the OAuth fixture server. A 401
 * or 403 in the middle of a session is an authorization event: the request is authorized and
 * re-sent, and the server stays running.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loopbackUserAgent, MemoryAuthStore, type AuthLogEntry } from '../../../src/core/auth';
import { ServerRegistry } from '../../../src/core/connection';
import { FIXTURES, remote, startChildServer, type ChildServer } from '../connection/helpers';

describe('OAuth in the core: mid-session authorization', function () {
  this.timeout(60_000);
  let server: ChildServer;
  let registry: ServerRegistry;
  const log: AuthLogEntry[] = [];
  let consents = 0;

  before(async () => {
    server = await startChildServer(path.join(FIXTURES, 'oauth.mjs'), []);
    const userAgent = loopbackUserAgent({
      interactive: true,
      async open(url) {
        consents++;
        await (await fetch(url, { redirect: 'follow' })).arrayBuffer();
      },
    });
    registry = new ServerRegistry({ reconnect: { maxAttempts: 0 }, auth: (d) => ({ server: d.name, store: new MemoryAuthStore(), userAgent, log: (e) => log.push(e) }) });
    await registry.setDefinitions([remote('secure', 'http', `http://127.0.0.1:${server.port}/mcp`)]);
  });

  after(async () => {
    await registry?.dispose();
    await server?.stop();
  });

  it('signs in on connect, then survives a revoked token (refresh) and a step-up (new consent) without leaving running', async () => {
    const id = registry.all()[0].id;
    await registry.start(id);
    assert.equal(registry.get(id)?.state.kind, 'running', JSON.stringify(registry.get(id)?.state));
    assert.equal(consents, 1);
    await fetch(`http://127.0.0.1:${server.port}/__revoke`, { method: 'POST' });
    const who = await registry.callTool(id, 'whoami', {});
    assert.match(JSON.stringify(who.content), /hello/);
    assert.ok(log.some((e) => e.step === 'token refresh'), 'the revoked token was refreshed');
    const admin = await registry.callTool(id, 'admin', {});
    assert.match(JSON.stringify(admin.content), /admin ok/);
    assert.equal(consents, 2, 'the step-up asked for consent once more');
    assert.equal(registry.get(id)?.state.kind, 'running');
  });
});
