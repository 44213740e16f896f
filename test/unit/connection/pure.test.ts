import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { backoffDelay, bindContext, collectPages, listItems, mergeEnv, Redactor, REDACTED, resolveLaunch, resolverFor, ServerState, VariableError, type VariableContext } from '../../../src/core/connection';
import { describeListError } from '../../../src/core/connection/lists';
import { describeSpawnError } from '../../../src/core/connection/spawnErrors';
import { describeRemoteError, shouldFallBackToSse } from '../../../src/core/connection/transports';
import { remote, stdio } from './helpers';

describe('connection: state, backoff, pages', () => {
  it('backs off 1 s doubling to 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n)), [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });

  it('state helpers: start/stop only where they make sense; a scheduled retry is active', () => {
    const retrying: ServerState = { kind: 'error', message: 'x', stderrTail: [], retry: { attempt: 1, maxAttempts: 5, at: 0 } };
    const final: ServerState = { kind: 'error', message: 'x', stderrTail: [] };
    assert.equal(ServerState.canBeStarted(ServerState.stopped), true);
    assert.equal(ServerState.canBeStarted(final), true);
    assert.equal(ServerState.canBeStarted(retrying), false);
    assert.equal(ServerState.canBeStopped(retrying), true);
    assert.equal(ServerState.label(retrying), 'reconnecting');
    assert.equal(ServerState.label({ kind: 'running', since: 0 }), 'running');
    assert.deepEqual(listItems({ kind: 'loading', previous: [1] }), [1]);
    assert.deepEqual(listItems({ kind: 'error', message: 'x' }), []);
  });

  it('follows nextCursor across pages and stops a looping cursor', async () => {
    const pages: Record<string, { items: number[]; nextCursor?: string }> = { '': { items: [1], nextCursor: 'a' }, a: { items: [2], nextCursor: 'b' }, b: { items: [3] } };
    assert.deepEqual(await collectPages(async (c) => pages[c ?? '']), [1, 2, 3]);
    await assert.rejects(collectPages(async () => ({ items: [1], nextCursor: 'same' })), /cursor "same" twice/);
  });

  it('summarizes a schema-breaking result by path', () => {
    const zod = new Error(JSON.stringify([{ path: ['tools', 0, 'name'], message: 'expected string' }]));
    assert.equal(describeListError('tools', zod), 'tools/list returned a malformed result: tools.0.name: expected string');
    assert.match(describeListError('resourceTemplates', Object.assign(new Error('MCP error -32601: nope'), { code: -32601 })), /^resources\/templates\/list failed/);
  });
});

describe('connection: redaction', () => {
  it('hides known secrets, bearer tokens, URL passwords and key-like query parameters', () => {
    const r = new Redactor(['s3cr3t-value', 'ab']);
    assert.equal(r.size, 1, 'too-short secrets are ignored');
    const out = r.redact('token s3cr3t-value; Authorization: Bearer abcdefghijkl; https://me:pw@host/x?api_key=zzz&page=2');
    assert.ok(!out.includes('s3cr3t-value') && !out.includes('abcdefghijkl') && !out.includes(':pw@') && !out.includes('zzz'), out);
    assert.match(out, /page=2/);
    assert.deepEqual(r.redactHeaders({ Authorization: 'x', Accept: 'json' }), { Authorization: REDACTED, Accept: 'json' });
  });

  it('hides well-known token formats even when nothing marks them as secret (hard-coded in args)', () => {
    const out = new Redactor([]).redact('npx server --key ghp_abcdefghijklmnopqrstuvwxyz0123 --openai sk-proj-abcdefghijklmnopqrstuvwx --aws AKIAABCDEFGHIJKLMNOP --page 2');
    assert.ok(!/ghp_a|sk-proj-a|AKIAA/.test(out), out);
    assert.match(out, /--page 2/);
  });
});

describe('connection: variables and launch', () => {
  const ctx: VariableContext = { env: { HOME_DIR: '/h', EMPTY: '', TOKEN: 'tok-123456' }, workspaceFolder: '/ws/proj', userHome: '/home/me', input: async (id, server) => (id === 'key' && server.name ? 'input-secret' : undefined) };
  const r = (client: Parameters<typeof resolverFor>[0], text: string) => resolverFor(client).resolve(text, bindContext(ctx, stdio('x', 'node', [])), new Set());

  it('VS Code: env, workspaceFolder, userHome, input; unknown variables stay', async () => {
    assert.equal(await r('vscode', '${env:HOME_DIR}/${workspaceFolderBasename}:${userHome}:${input:key}:${unknown}:${env:MISSING}.'), '/h/proj:/home/me:input-secret:${unknown}:.');
    await assert.rejects(r('vscode', '${input:other}'), (e: Error) => e instanceof VariableError && /not answered/.test(e.message));
  });

  it('Claude Code: ${VAR} and ${VAR:-default}; a missing variable without default is an error', async () => {
    assert.equal(await r('claude-code', '${HOME_DIR}|${EMPTY:-dflt}|${NOPE:-x-y}'), '/h|dflt|x-y');
    await assert.rejects(r('claude-code', 'a ${NOPE} b'), /NOPE is not set.*\$\{NOPE:-default\}/);
  });

  it('Gemini: $VAR and ${VAR}; other clients: literal', async () => {
    assert.equal(await r('gemini', '$HOME_DIR/${TOKEN}/$NOPE'), '/h/tok-123456/${NOPE}');
    assert.equal(await r('claude-desktop', '${env:HOME_DIR}'), '${env:HOME_DIR}');
  });

  it('each client by its dialect: Cursor as VS Code without inputs, Windsurf ${env:} only, Continue secrets, Cline and Codex literal', async () => {
    const text = '${env:HOME_DIR}|${workspaceFolder}|${userHome}';
    assert.equal(await r('cursor', text), '/h|/ws/proj|/home/me');
    assert.equal(await r('cursor', '${input:key}'), '${input:key}');
    assert.equal(await r('windsurf', text), '/h|${workspaceFolder}|${userHome}');
    for (const client of ['cline', 'codex'] as const) assert.equal(await r(client, text), text);
    await assert.rejects(r('continue', '${{ secrets.NOPE }}'), /not answered/);
  });

  it('Kiro and Copilot CLI ${VAR} only; Roo Code ${env:} and ${workspaceFolder}; OpenCode {env:}; Zed literal', async () => {
    for (const client of ['kiro', 'copilot-cli'] as const) assert.equal(await r(client, '${TOKEN}|$HOME_DIR|${env:HOME_DIR}|${NOPE}'), 'tok-123456|$HOME_DIR|${env:HOME_DIR}|${NOPE}');
    assert.equal(await r('roo', '${env:HOME_DIR}|${workspaceFolder}|${TOKEN}'), '/h|/ws/proj|${TOKEN}');
    assert.equal(await r('opencode', '{env:TOKEN}|{env:NOPE}|${TOKEN}|{file:~/k}'), 'tok-123456||${TOKEN}|{file:~/k}');
    assert.equal(await r('zed', '${TOKEN}'), '${TOKEN}');
  });

  it('resolves a stdio launch: envFile then env, relative cwd, null unsets; every value is a secret', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-launch-'));
    try {
      writeFileSync(path.join(dir, '.env'), 'FROM_FILE=file-value\nBOTH=file\n');
      const def = stdio('s', 'node', ['${workspaceFolder}/x.js'], { BOTH: 'env-${input:key}', GONE: null }, { cwd: { value: 'sub' }, envFile: { value: '${workspaceFolder}/.env' } });
      const { launch, secrets } = await resolveLaunch(def, { ...ctx, workspaceFolder: dir });
      assert.equal(launch.kind, 'stdio');
      if (launch.kind !== 'stdio') return;
      assert.deepEqual(launch.args, [`${dir}/x.js`]);
      assert.equal(launch.cwd, path.join(dir, 'sub'));
      assert.deepEqual(launch.env, { FROM_FILE: 'file-value', BOTH: 'env-input-secret', GONE: null });
      assert.ok(secrets.includes('input-secret') && secrets.includes('file-value') && secrets.includes('env-input-secret'));
      assert.deepEqual(mergeEnv({ GONE: 'x', KEEP: 'k' }, launch.env), { KEEP: 'k', FROM_FILE: 'file-value', BOTH: 'env-input-secret' });
      await assert.rejects(resolveLaunch(stdio('s', 'node', [], {}, { envFile: { value: 'missing.env' } }), { ...ctx, workspaceFolder: dir }), /cannot read envFile .*missing\.env: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolves a remote launch; credential headers are secrets', async () => {
    const { launch, secrets } = await resolveLaunch(remote('h', 'http', 'http://127.0.0.1:1/${env:HOME_DIR}', { Authorization: 'Bearer ${env:TOKEN}', Accept: 'text/plain' }), ctx);
    assert.deepEqual(launch, { kind: 'http', url: 'http://127.0.0.1:1//h', headers: { Authorization: 'Bearer tok-123456', Accept: 'text/plain' } });
    assert.ok(secrets.includes('Bearer tok-123456') && secrets.includes('tok-123456') && !secrets.includes('text/plain'));
  });
});

describe('connection: error messages', () => {
  const enoent = Object.assign(new Error('spawn npx ENOENT'), { code: 'ENOENT' });

  it('spawn ENOENT of a Node tool names the PATH and the nvm/fnm pitfall', () => {
    const m = describeSpawnError(enoent, { kind: 'stdio', command: 'npx', args: [], env: {} }, '/usr/bin:/bin');
    assert.match(m, /^spawn npx ENOENT — the PATH searched was \/usr\/bin:\/bin; try an absolute path .*nvm\/fnm/);
    assert.match(describeSpawnError(enoent, { kind: 'stdio', command: '/opt/x/server', args: [], env: {} }, ''), /\/opt\/x\/server does not exist/);
    assert.match(describeSpawnError(Object.assign(new Error('x'), { code: 'EACCES' }), { kind: 'stdio', command: './s.sh', args: [], env: {} }, ''), /not executable; run `chmod \+x`/);
  });

  it('falls back to SSE on 4xx other than 401/403 only', () => {
    assert.deepEqual([400, 404, 405, 401, 403, 500, undefined].map((code) => shouldFallBackToSse({ code })), [true, true, true, false, false, false, false]);
  });

  it('names refused connections and HTTP statuses', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    assert.match(describeRemoteError(refused, 'http://127.0.0.1:9/mcp'), /connection refused — is the server running/);
    assert.match(describeRemoteError({ code: 401, message: 'x' }, 'http://h/mcp'), /wants credentials; set an "Authorization" header/);
  });
});
