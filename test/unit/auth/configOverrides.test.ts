/**
 * The clients' remaining OAuth settings, honoured against a real authorization server
 * (oidc-provider, test/fixtures/servers/oidc.mjs): Claude Code's `oauth.authServerMetadataUrl`
 * (the metadata read from there, not discovered) and Gemini CLI's `oauth.authorizationUrl`,
 * `tokenUrl`, `registrationUrl` (no metadata discovery at all) and `audiences` (sent as `audience`).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { loopbackUserAgent, MemoryAuthStore, type AuthLogEntry } from '../../../src/core/auth';
import type { AuthConfig, ServerDefinition } from '../../../src/core/config/model';
import { ServerRegistry } from '../../../src/core/connection';
import { FIXTURES, remote, startChildServer, type ChildServer } from '../connection/helpers';

function consent(url: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(FIXTURES, 'oidc-consent.mjs'), url.href], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += String(d)));
    p.once('error', reject);
    p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(err.trim() || `exit ${code}`))));
  });
}

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 };
const at = <T>(value: T) => ({ value, range: R });

describe('OAuth settings from the config, honoured (Claude Code authServerMetadataUrl; Gemini CLI endpoints, audiences)', function () {
  this.timeout(60_000);
  let server: ChildServer;
  let base: string;
  let metadataHost: http.Server;
  let metadataUrl: string;
  const registries: ServerRegistry[] = [];

  /** Starts `def` with a fresh store and someone to consent; @returns the state, the log, the consent URLs */
  async function signIn(def: ServerDefinition) {
    const log: AuthLogEntry[] = [];
    const opened: URL[] = [];
    const userAgent = loopbackUserAgent({
      interactive: true,
      async open(u) {
        opened.push(u);
        void consent(u).catch(() => undefined);
      },
    });
    const registry = new ServerRegistry({ reconnect: { maxAttempts: 0 }, auth: (d) => ({ server: d.name, store: new MemoryAuthStore(), userAgent, log: (e) => log.push(e) }) });
    registries.push(registry);
    await registry.setDefinitions([def]);
    const id = registry.all()[0].id;
    await registry.start(id);
    return { state: registry.get(id)!.state, log, opened, registry, id };
  }

  function withAuth(name: string, auth: AuthConfig): ServerDefinition {
    const def = remote(name, 'http', `${base}/mcp`);
    if (def.transport?.kind === 'http') def.transport.auth = auth;
    return def;
  }

  before(async () => {
    server = await startChildServer(path.join(FIXTURES, 'oidc.mjs'), []);
    base = `http://127.0.0.1:${server.port}`;
    // the authorization server's metadata, served somewhere discovery would never look
    const metadata = await (await fetch(`${base}/.well-known/openid-configuration`)).text();
    metadataHost = http.createServer((req, res) => {
      if (req.url === '/custom/metadata') res.writeHead(200, { 'content-type': 'application/json' }).end(metadata);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => metadataHost.listen(0, '127.0.0.1', r));
    metadataUrl = `http://127.0.0.1:${(metadataHost.address() as AddressInfo).port}/custom/metadata`;
  });

  afterEach(async () => {
    for (const r of registries.splice(0)) await r.dispose();
  });

  after(async () => {
    metadataHost?.close();
    await server?.stop();
  });

  it('Claude Code oauth.authServerMetadataUrl: the metadata comes from there, and the sign-in works', async () => {
    const { state, log, registry, id } = await signIn(withAuth('claude', { authServerMetadataUrl: at(metadataUrl) }));
    assert.equal(state.kind, 'running', JSON.stringify(state));
    const md = log.filter((e) => e.step === 'authorization server metadata').map((e) => e.text);
    assert.ok(md.some((t) => t.startsWith(`GET ${metadataUrl} `)), md.join('\n'));
    assert.ok(md.some((t) => t.startsWith(`the config sets metadata from ${metadataUrl}`)), md.join('\n'));
    assert.ok(!md.some((t) => /GET .*\/\.well-known\/(openid-configuration|oauth-authorization-server)/.test(t)), `nothing discovered:\n${md.join('\n')}`);
    const r = await registry.callTool(id, 'whoami', {});
    assert.deepEqual(r.content, [{ type: 'text', text: 'hello test-user (mcp)' }]);
  });

  it('an authServerMetadataUrl that serves no metadata fails at the authorization server metadata step, naming the setting', async () => {
    const { state } = await signIn(withAuth('claude-bad', { authServerMetadataUrl: at(metadataUrl.replace('/custom/metadata', '/nothing')) }));
    assert.equal(state.kind, 'error');
    assert.match(state.kind === 'error' ? state.message : '', /authorization server metadata step: the config's authServerMetadataUrl \S+ did not answer with metadata \(HTTP 404\).*oauth\.authServerMetadataUrl/);
  });

  it('Gemini CLI authorizationUrl, tokenUrl, registrationUrl: no metadata discovery; audiences go out as `audience`', async () => {
    const { state, log, opened } = await signIn(withAuth('gemini', {
      authorizationUrl: at(`${base}/auth`), tokenUrl: at(`${base}/token`), registrationUrl: at(`${base}/reg`), audiences: [at('aud-1'), at('aud-2')],
    }));
    assert.equal(state.kind, 'running', JSON.stringify(state));
    const md = log.filter((e) => e.step === 'authorization server metadata').map((e) => e.text);
    assert.ok(!md.some((t) => /^GET /.test(t)), `no metadata fetched:\n${md.join('\n')}`);
    assert.ok(log.some((e) => e.step === 'client registration' && e.text.startsWith(`POST ${base}/reg`)));
    assert.equal(opened.length, 1);
    assert.equal(opened[0].origin + opened[0].pathname, `${base}/auth`);
    assert.equal(opened[0].searchParams.get('audience'), 'aud-1 aud-2');
  });
});
