/**
 * OAuth sign-in through the built CLI against a real fixture (test/fixtures/servers/oauth.mjs:
 * the SDK's authorization server and a Streamable HTTP server that wants bearer tokens, on
 * 127.0.0.1), with a redirect-following "browser" as $BROWSER. The last test greps every output
 * of the others for every token, code, verifier and client secret the fixture handed out or got.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES, freePort, ROOT, runCli, startChildServer, writeFiles, type ChildServer, type CliRun } from '../connection/helpers';

const BROWSER = `${process.execPath} ${path.join(ROOT, 'test/conformance/browser.mjs')}`;

describe('CLI OAuth sign-in (fixture authorization server)', function () {
  this.timeout(60_000);
  let server: ChildServer;
  let url: string;
  let tmp: string;
  let work: string;
  let config: string;
  const outputs: string[] = [];
  const secret = `s3cret-${Math.random().toString(36).slice(2)}-confidential`;

  const cli = async (args: string[], env: Record<string, string> = {}, cwd = work): Promise<CliRun> => {
    const r = await runCli(args, cwd, { XDG_CONFIG_HOME: config, BROWSER: '', ...env });
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  before(async () => {
    server = await startChildServer(path.join(FIXTURES, 'oauth.mjs'), [], { CONFIDENTIAL_CLIENT_ID: 'pre-registered', CONFIDENTIAL_CLIENT_SECRET: secret });
    url = `http://127.0.0.1:${server.port}/mcp`;
    tmp = mkdtempSync(path.join(os.tmpdir(), 'mcp-auth-'));
    work = path.join(tmp, 'work');
    config = path.join(tmp, 'config');
    writeFiles(work, { '.vscode/mcp.json': JSON.stringify({ servers: { secure: { type: 'http', url } } }) });
  });

  after(async () => {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('without a terminal or $BROWSER fails at once and says to run auth login', async () => {
    const r = await cli(['call', 'secure', 'whoami', '--verbose']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /needs OAuth sign-in.*run "mcp-devtools auth login secure"/);
    assert.match(r.stderr, /auth "secure": client registration: client id \S+ by dynamic registration/);
    const forced = await cli(['call', 'secure', 'whoami', '--no-auth-flow'], { BROWSER });
    assert.equal(forced.status, 1, forced.stderr);
    assert.match(forced.stderr, /auth login secure/);
  });

  it('signs in through $BROWSER (discovery, registration, PKCE), logs each step with --verbose, and stores the tokens 0600 in the user\'s config folder', async () => {
    const r = await cli(['call', 'secure', 'whoami', '--verbose'], { BROWSER });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /hello \S+ \(mcp\)/, 'the scope of the challenge, not every scope supported');
    for (const step of ['protected resource metadata', 'authorization server metadata', 'authorization request', 'redirect', 'token request']) {
      assert.match(r.stderr, new RegExp(`auth "secure": ${step}:`), `the ${step} step is logged`);
    }
    assert.match(r.stderr, /PKCE S256/);
    const dir = path.join(config, 'mcp-devtools', 'auth');
    const files = readdirSync(dir);
    assert.equal(files.length, 2, 'the server\'s record, and the client registration kept for its authorization server');
    for (const f of files) assert.equal(statSync(path.join(dir, f)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(work), ['.vscode'], 'nothing is written to the workspace');
  });

  it('reuses the stored tokens without a browser, and refreshes them when the server forgot the access token', async () => {
    const again = await cli(['call', 'secure', 'whoami']);
    assert.equal(again.status, 0, again.stderr);
    await fetch(`http://127.0.0.1:${server.port}/__revoke`, { method: 'POST' });
    const refreshed = await cli(['call', 'secure', 'whoami', '--verbose']);
    assert.equal(refreshed.status, 0, refreshed.stderr);
    assert.match(refreshed.stderr, /token refresh: HTTP 200/);
  });

  it('steps up on 403 insufficient_scope: signs in again with the wider scopes and retries the call', async () => {
    const r = await cli(['call', 'secure', 'admin', '--verbose'], { BROWSER });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /admin ok/);
    assert.match(r.stderr, /HTTP 403 insufficient_scope, scope "mcp admin"/);
  });

  it('auth status, logout and login', async () => {
    const status = await cli(['auth', 'status', 'secure']);
    assert.equal(status.status, 0, status.stderr);
    assert.match(status.stdout, /secure {2}signed in to http:\/\/127\.0\.0\.1:\d+\/ {2}client \S+; scopes .*admin/);
    const out = await cli(['auth', 'logout', 'secure']);
    assert.match(out.stdout, /secure {2}signed out/);
    const after = await cli(['auth', 'status', 'secure']);
    assert.equal(after.status, 1);
    assert.match(after.stdout, /not signed in/);
    const noOne = await cli(['auth', 'login', 'secure']);
    assert.equal(noOne.status, 1);
    assert.match(noOne.stderr, /needs someone to answer the consent page/);
    const login = await cli(['auth', 'login', 'secure'], { BROWSER });
    assert.equal(login.status, 0, login.stderr);
    assert.match(login.stdout, /secure {2}signed in to/);
  });

  it('uses a pre-registered confidential client from the config (Gemini CLI oauth: clientId, clientSecret from the env, redirectUri)', async () => {
    const port = await freePort();
    const gemini = path.join(tmp, 'gemini');
    writeFiles(gemini, { '.gemini/settings.json': JSON.stringify({ mcpServers: { conf: { httpUrl: url, oauth: { clientId: 'pre-registered', clientSecret: '$CONF_SECRET', redirectUri: `http://127.0.0.1:${port}/callback` } } } }) });
    const r = await cli(['call', 'conf', 'whoami', '--verbose'], { BROWSER, CONF_SECRET: secret }, gemini);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /hello pre-registered/);
    assert.match(r.stderr, new RegExp(`authorization request: .*client pre-registered, redirect http://127\\.0\\.0\\.1:${port}/callback`));
  });

  it('names the step that failed: metadata without code_challenge_methods_supported', async () => {
    const bad = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(bad.address() as AddressInfo).port}`;
      if (req.url === '/mcp') return void res.writeHead(401, { 'www-authenticate': `Bearer resource_metadata="${base}/.well-known/oauth-protected-resource/mcp"` }).end();
      if (req.url?.startsWith('/.well-known/oauth-protected-resource')) return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ resource: `${base}/mcp`, authorization_servers: [base] }));
      if (req.url === '/.well-known/oauth-authorization-server') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, response_types_supported: ['code'] }));
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => bad.listen(0, '127.0.0.1', r));
    try {
      const dir = path.join(tmp, 'nopkce');
      writeFiles(dir, { '.vscode/mcp.json': JSON.stringify({ servers: { nopkce: { type: 'http', url: `http://127.0.0.1:${(bad.address() as AddressInfo).port}/mcp` } } }) });
      const r = await cli(['call', 'nopkce', 'whoami'], { BROWSER }, dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /failed at the authorization server metadata step: .*has no `code_challenge_methods_supported`: PKCE cannot be verified/);
    } finally {
      bad.close();
    }
  });

  it('refuses a redirect whose state does not match, and says so when consent is refused', async () => {
    const tamper = (flag: string) => `${process.execPath} ${path.join(FIXTURES, 'tamperingBrowser.mjs')} ${flag}`;
    const fresh = { XDG_CONFIG_HOME: path.join(tmp, 'config-tamper') };
    const forged = await cli(['call', 'secure', 'whoami'], { ...fresh, BROWSER: tamper('--forge-state') });
    assert.equal(forged.status, 1, forged.stderr);
    assert.match(forged.stderr, /failed at the redirect step: the redirect's state does not match the request's/);
    const denied = await cli(['call', 'secure', 'whoami'], { ...fresh, BROWSER: tamper('--deny') });
    assert.equal(denied.status, 1, denied.stderr);
    assert.match(denied.stderr, /failed at the redirect step: the authorization server answered "access_denied": the user said no; consent was refused/);
  });

  it('never prints a token, code, verifier or client secret', async () => {
    const issued = (await (await fetch(`http://127.0.0.1:${server.port}/__issued`)).json()) as Record<string, string[]>;
    const values = [...issued.tokens, ...issued.codes, ...issued.verifiers, ...issued.clientSecrets, secret];
    assert.ok(issued.tokens.length >= 6 && issued.codes.length >= 4 && issued.verifiers.length >= 4, JSON.stringify(Object.fromEntries(Object.entries(issued).map(([k, v]) => [k, v.length]))));
    const all = outputs.join('\n');
    for (const v of values) assert.ok(!all.includes(v), `a planted value (${v.slice(0, 3)}…) appears in the CLI output`);
  });
});
