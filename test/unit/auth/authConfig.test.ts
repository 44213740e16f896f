/**
 * Each client's OAuth settings read from its own config format (VS Code `oauth.clientId`, Gemini
 * CLI `oauth {...}`, Cursor `auth {...}`, Claude Code `oauth {clientId, callbackPort}`, Codex
 * `scopes`), resolved into the launch with the secret collected for redaction; a hard-coded
 * client secret is linted; and the sign-in store writes files 0600 under `$XDG_CONFIG_HOME`.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { authStoreDir, FileAuthStore } from '../../../src/core/auth';
import { formatForPath } from '../../../src/core/config/formats';
import type { ServerDefinition } from '../../../src/core/config/model';
import { resolveLaunch } from '../../../src/core/connection';
import { lint } from '../../../src/core/lint';

const ENV = { platform: 'linux' as const, home: '/home/u' };

function read(file: string, text: string): ServerDefinition {
  const format = formatForPath(file, ENV);
  assert.ok(format, file);
  const s = format.read(text, file).servers[0];
  assert.ok(s, `a server in ${file}`);
  return s;
}

const authOf = (d: ServerDefinition) => (d.transport?.kind === 'http' || d.transport?.kind === 'sse' ? d.transport.auth : undefined);
const values = (d: ServerDefinition) => Object.fromEntries(Object.entries(authOf(d) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => x.value) : v.value]));

describe('OAuth settings in each client\'s config', () => {
  it('VS Code: oauth.clientId', () => {
    const d = read('/w/.vscode/mcp.json', '{"servers":{"s":{"type":"http","url":"https://x/mcp","oauth":{"clientId":"abc"}}}}');
    assert.deepEqual(values(d), { clientId: 'abc' });
    assert.ok(authOf(d)!.clientId!.range, 'with its source range');
  });

  it('Gemini CLI: oauth {enabled, clientId, clientSecret, scopes, redirectUri}', () => {
    const d = read('/w/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x/mcp","oauth":{"enabled":true,"clientId":"c","clientSecret":"$SECRET","scopes":["a","b"],"redirectUri":"http://127.0.0.1:7777/cb"}}}}');
    assert.deepEqual(values(d), { clientId: 'c', clientSecret: '$SECRET', scopes: ['a', 'b'], redirectUri: 'http://127.0.0.1:7777/cb', enabled: true });
  });

  it('Cursor: auth {CLIENT_ID, CLIENT_SECRET, scopes}', () => {
    const d = read('/w/.cursor/mcp.json', '{"mcpServers":{"s":{"url":"https://x/mcp","auth":{"CLIENT_ID":"c","CLIENT_SECRET":"${env:S}","scopes":["x"]}}}}');
    assert.deepEqual(values(d), { clientId: 'c', clientSecret: '${env:S}', scopes: ['x'] });
  });

  it('Claude Code: oauth {clientId, callbackPort, scopes as one string}', () => {
    const d = read('/w/.mcp.json', '{"mcpServers":{"s":{"type":"http","url":"https://x/mcp","oauth":{"clientId":"c","callbackPort":8123,"scopes":"read  write"}}}}');
    assert.deepEqual(values(d), { clientId: 'c', callbackPort: 8123, scopes: ['read', 'write'] });
  });

  it('Codex: scopes', () => {
    const d = read('/w/.codex/config.toml', '[mcp_servers.s]\nurl = "https://x/mcp"\nscopes = ["read", "write"]\n');
    assert.deepEqual(values(d), { scopes: ['read', 'write'] });
  });

  it('resolves the settings into the launch; the client secret joins the secrets to redact', async () => {
    const d = read('/w/.cursor/mcp.json', '{"mcpServers":{"s":{"url":"https://x/mcp","auth":{"CLIENT_ID":"c","CLIENT_SECRET":"${env:S}"}}}}');
    const r = await resolveLaunch(d, { env: { S: 'the-secret-value' }, userHome: '/home/u', input: async () => '' });
    assert.deepEqual((r.launch as { auth?: unknown }).auth, { clientId: 'c', clientSecret: 'the-secret-value' });
    assert.ok(r.secrets.includes('the-secret-value'));
  });

  it('Claude Code: oauth.authServerMetadataUrl; Gemini CLI: authorizationUrl, tokenUrl, registrationUrl, audiences, tokenParamName', () => {
    const c = read('/w/.mcp.json', '{"mcpServers":{"s":{"type":"http","url":"https://x/mcp","oauth":{"authServerMetadataUrl":"https://auth.x/.well-known/oauth-authorization-server"}}}}');
    assert.deepEqual(values(c), { authServerMetadataUrl: 'https://auth.x/.well-known/oauth-authorization-server' });
    const g = read('/w/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x/mcp","oauth":{"authorizationUrl":"https://a.x/authorize","tokenUrl":"https://a.x/token","registrationUrl":"https://a.x/register","audiences":["api://x"],"tokenParamName":"token"}}}}');
    assert.deepEqual(values(g), { authorizationUrl: 'https://a.x/authorize', tokenUrl: 'https://a.x/token', registrationUrl: 'https://a.x/register', audiences: ['api://x'], tokenParamName: 'token' });
  });

  it('resolves the endpoint URLs and audiences into the launch', async () => {
    const d = read('/w/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x/mcp","oauth":{"authorizationUrl":"$AS/authorize","tokenUrl":"$AS/token","audiences":["$AUD"],"tokenParamName":"t"}}}}');
    const r = await resolveLaunch(d, { env: { AS: 'https://a.x', AUD: 'api://x' }, userHome: '/home/u', input: async () => '' });
    assert.deepEqual((r.launch as { auth?: unknown }).auth, { authorizationUrl: 'https://a.x/authorize', tokenUrl: 'https://a.x/token', audiences: ['api://x'] });
  });

  it('lints the OAuth URLs and settings (the oauth-settings rule)', () => {
    const codes = (file: string, text: string) => lint(text, file).filter((f) => f.code === 'oauth-settings').map((f) => `${f.severity}: ${f.message}`);
    const gemini = codes('/w/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x/mcp","oauth":{"authorizationUrl":"auth.x/authorize","registrationUrl":"http://auth.example.com/reg","tokenParamName":"t"}}}}');
    assert.equal(gemini.length, 4, gemini.join('\n'));
    for (const re of [
      /^error: mcpServers\.s\.oauth\.authorizationUrl is not an absolute http\(s\) URL/,
      /^warning: .*registrationUrl uses plain http:\/\/ to auth\.example\.com/,
      /^warning: .*authorizationUrl is set without "tokenUrl"/,
      /^info: .*tokenParamName: MCP DevTools sends the token in the Authorization header/,
    ]) assert.ok(gemini.some((m) => re.test(m)), `${re}\n${gemini.join('\n')}`);
    assert.deepEqual(codes('/w/.gemini/settings.json', '{"mcpServers":{"s":{"httpUrl":"https://x/mcp","oauth":{"authorizationUrl":"https://a.x/authorize","tokenUrl":"https://a.x/token","redirectUri":"http://127.0.0.1:7777/cb"}}}}'), []);
    const claude = codes('/w/.mcp.json', '{"mcpServers":{"s":{"type":"http","url":"https://x/mcp","oauth":{"authServerMetadataUrl":"not a url"}}}}');
    assert.equal(claude.length, 1, claude.join('\n'));
    assert.match(claude[0], /authServerMetadataUrl is not an absolute http\(s\) URL/);
  });

  it('lints a hard-coded client secret (the secret rule)', () => {
    const text = '{"mcpServers":{"s":{"url":"https://x/mcp","auth":{"CLIENT_ID":"c","CLIENT_SECRET":"Zq8mN2vX7pL4kR9tW3yB6cF1hJ5sD0gA"}}}}';
    const findings = lint(text, '/w/.cursor/mcp.json');
    const f = findings.find((x) => x.code === 'secret');
    assert.ok(f, JSON.stringify(findings.map((x) => x.code)));
    assert.match(f.message, /auth\.CLIENT_SECRET|CLIENT_SECRET/);
    assert.ok(!f.message.includes('Zq8mN2vX7pL4kR9tW3yB6cF1hJ5sD0gA'));
  });
});

describe('FileAuthStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'mcp-store-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives in $XDG_CONFIG_HOME/mcp-devtools/auth, else ~/.config/mcp-devtools/auth', () => {
    assert.equal(authStoreDir({ XDG_CONFIG_HOME: '/x/cfg' }, '/home/u'), path.join('/x/cfg', 'mcp-devtools', 'auth'));
    assert.equal(authStoreDir({}, '/home/u'), path.join('/home/u', '.config', 'mcp-devtools', 'auth'));
    assert.equal(authStoreDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u'), path.join('/home/u', '.config', 'mcp-devtools', 'auth'), 'a relative XDG_CONFIG_HOME is ignored (XDG spec)');
  });

  it('writes each entry 0600 in a 0700 folder, reads it back, lists and deletes keys', async () => {
    const store = new FileAuthStore(path.join(dir, 'auth'));
    await store.set('k1', 'v1');
    await store.set('k2', 'v2');
    assert.equal(await store.get('k1'), 'v1');
    assert.deepEqual(await store.keys(), ['k1', 'k2']);
    assert.equal(statSync(path.join(dir, 'auth')).mode & 0o777, 0o700);
    for (const k of ['k1', 'k2']) {
      const file = (store as unknown as { file(k: string): string }).file(k);
      assert.equal(statSync(file).mode & 0o777, 0o600);
    }
    await store.delete('k1');
    assert.equal(await store.get('k1'), undefined);
    assert.deepEqual(await store.keys(), ['k2']);
  });
});
