/**
 * The VS Code-side stores (History, last arguments, server trust) under plain node: each takes a
 * Memento-shaped store and imports `vscode` for types only, so a stand-in is enough.
 */
import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { REDACTED } from '../../../src/core/secrets';
import { renderToolResult } from '../../../src/core/results';
import { trustFingerprint } from '../../../src/core/trust';
import { LastArguments } from '../../../src/calls/lastArguments';
import { CallHistory } from '../../../src/history/callHistory';
import { ServerTrust, type TrustHost } from '../../../src/servers/trust';
import type { HistoryEntry } from '../../../src/core/history';
import { FakeMemento } from './memento';

const tick = () => new Promise((r) => setImmediate(r));

describe('CallHistory (workspaceState stand-in)', () => {
  const redact = (_id: string, text: string) => text.replaceAll('sk-live-1234567890', '<masked>');
  const call = (name: string, args: Record<string, unknown> = {}, text = 'ok', isError = false) => ({
    kind: 'tool' as const,
    serverId: 'srv-1',
    server: 'everything',
    name,
    arguments: args,
    rendered: renderToolResult({ content: [{ type: 'text', text }], isError }, { durationMs: 5 }),
  });

  it('records newest first, redacts arguments and results, and fires onDidChange', async () => {
    const state = new FakeMemento();
    const h = new CallHistory(state, redact, () => ({ maxEntries: 10, maxResultBytes: 1_000_000 }));
    let fired = 0;
    const sub = h.onDidChange(() => fired++);
    h.record(call('first'));
    h.record(call('echo', { apiKey: 'abc', message: 'key sk-live-1234567890' }, 'said sk-live-1234567890'));
    await tick();
    const [e, older] = h.entries();
    assert.equal(e.name, 'echo');
    assert.equal(older.name, 'first');
    assert.equal(e.arguments.apiKey, REDACTED);
    assert.ok(!JSON.stringify(e.arguments).includes('sk-live-1234567890'), 'no secret in the stored arguments');
    assert.ok(e.result && !JSON.stringify(e.result).includes('sk-live-1234567890'), 'the stored result is redacted');
    assert.equal(e.status, 'ok');
    assert.equal(fired, 2);
    sub.dispose();
    h.record(call('after'));
    await tick();
    assert.equal(fired, 2, 'a disposed listener is not called');
  });

  it('keeps at most maxEntries (read at each record) and stores an error result as error', async () => {
    let maxEntries = 3;
    const h = new CallHistory(new FakeMemento(), redact, () => ({ maxEntries, maxResultBytes: 1_000_000 }));
    for (let i = 0; i < 5; i++) h.record(call(`t${i}`));
    await tick();
    assert.deepEqual(h.entries().map((e: HistoryEntry) => e.name), ['t4', 't3', 't2']);
    maxEntries = 1;
    h.record(call('boom', {}, 'it failed', true));
    await tick();
    assert.deepEqual(h.entries().map((e) => [e.name, e.status]), [['boom', 'error']]);
  });

  it('keeps a result larger than maxResultBytes cut to it, and says so', async () => {
    const h = new CallHistory(new FakeMemento(), redact, () => ({ maxEntries: 10, maxResultBytes: 1000 }));
    h.record(call('big', {}, 'x'.repeat(5000)));
    await tick();
    const [e] = h.entries();
    assert.ok(e.result?.cut, 'marked as cut');
    assert.ok(JSON.stringify(e.result).length < 2000, 'stored within about maxResultBytes');
  });

  it('clear() empties it and fires', async () => {
    const h = new CallHistory(new FakeMemento(), redact, () => ({ maxEntries: 10, maxResultBytes: 1000 }));
    h.record(call('a'));
    await tick();
    let fired = 0;
    h.onDidChange(() => fired++);
    await h.clear();
    assert.deepEqual(h.entries(), []);
    assert.equal(fired, 1);
  });
});

describe('LastArguments (workspaceState stand-in)', () => {
  it('remembers per server, kind and name; survives a new instance over the same state', async () => {
    const state = new FakeMemento();
    const a = new LastArguments(state);
    await a.set('everything', 'tool', 'echo', { message: 'hi' });
    await a.set('everything', 'prompt', 'echo', { x: '1' });
    const b = new LastArguments(state);
    assert.deepEqual(b.get('everything', 'tool', 'echo'), { message: 'hi' });
    assert.deepEqual(b.get('everything', 'prompt', 'echo'), { x: '1' });
    assert.equal(b.get('other', 'tool', 'echo'), undefined);
  });

  it('keeps the 200 most recently set, a re-set one counting as new', async () => {
    const a = new LastArguments(new FakeMemento());
    for (let i = 0; i < 200; i++) await a.set('s', 'tool', `t${i}`, i);
    await a.set('s', 'tool', 't0', 'again');
    await a.set('s', 'tool', 'new', 'n');
    assert.equal(a.get('s', 'tool', 't0'), 'again', 're-set: kept');
    assert.equal(a.get('s', 'tool', 't1'), undefined, 'the oldest goes first');
    assert.equal(a.get('s', 'tool', 't2'), 2);
    assert.equal(a.get('s', 'tool', 'new'), 'n');
  });
});

describe('ServerTrust (globalState stand-in)', () => {
  const def = (json: string) => formatById('vscode-workspace').read(`{"servers": {"s": ${json}}}`, '/ws/.vscode/mcp.json').servers[0];
  const node = def('{"command": "node", "args": ["server.js"], "env": {"API_TOKEN": "sk-live-1234567890"}}');
  const variables = { env: {}, userHome: '/home/me', workspaceFolder: '/ws' };
  function setup(answer: string | undefined, trusted = true) {
    const state = new FakeMemento();
    const asked: { message: string; detail: string; actions: string[] }[] = [];
    const host: TrustHost = {
      isTrusted: () => trusted,
      relativePath: (f) => f.replace('/ws/', ''),
      dialog: async (message, detail, actions) => (asked.push({ message, detail, actions }), answer),
    };
    return { state, asked, trust: new ServerTrust(state, variables, host) };
  }

  it('user-scope servers start without asking', async () => {
    const { trust, asked } = setup(undefined);
    assert.deepEqual(await trust.allow(node, 'user', { ask: true }), { allowed: true });
    assert.equal(asked.length, 0);
  });

  it('asks once for a workspace server, shows what runs with secrets masked, remembers by fingerprint', async () => {
    const { trust, asked, state } = setup('Trust and Start');
    assert.deepEqual(await trust.allow(node, 'workspace', { ask: true }), { allowed: true });
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /Start MCP server "s" from \.vscode\/mcp\.json\?/);
    assert.match(asked[0].detail, /node server\.js/);
    assert.ok(!asked[0].detail.includes('sk-live-1234567890'), 'the dialog never shows a secret');
    assert.deepEqual(await trust.allow(node, 'workspace', { ask: true }), { allowed: true });
    assert.equal(asked.length, 1, 'the answer is remembered');
    assert.deepEqual(state.get('mcpDevtools.trustedServers'), { [trustFingerprint(node)]: true });
    // a changed launch is a new decision
    const changed = def('{"command": "node", "args": ["other.js"]}');
    assert.equal((await trust.allow(changed, 'workspace', { ask: false })).allowed, false);
  });

  it('"Do Not Run" is remembered; a cancelled dialog is not; reset() forgets every decision', async () => {
    const never = setup('Do Not Run');
    assert.equal((await never.trust.allow(node, 'workspace', { ask: true })).allowed, false);
    assert.match((await never.trust.allow(node, 'workspace', { ask: true })).reason ?? '', /You chose not to run "s"/);
    assert.equal(never.asked.length, 1);
    assert.equal(await never.trust.reset(), 1);
    assert.equal(never.state.get('mcpDevtools.trustedServers'), undefined);

    const cancelled = setup(undefined);
    assert.deepEqual(await cancelled.trust.allow(node, 'workspace', { ask: true }), { allowed: false, reason: 'Start cancelled.' });
    assert.equal(cancelled.state.updates, 0, 'nothing stored');
  });

  it('in Restricted Mode no workspace server starts and nothing is asked', async () => {
    const { trust, asked } = setup('Trust and Start', false);
    const v = await trust.allow(node, 'workspace', { ask: true });
    assert.equal(v.allowed, false);
    assert.match(v.reason ?? '', /Restricted Mode/);
    assert.equal(asked.length, 0);
  });

  it('allowMany: one dialog for every undecided workspace server; decided and user ones pass through', async () => {
    const { trust, asked } = setup('Trust and Start All');
    const other = def('{"command": "python", "args": ["-m", "srv"]}');
    const decided = def('{"command": "deno", "args": ["run", "x.ts"]}');
    await trust.trust(decided);
    const r = await trust.allowMany([
      { id: 'a', def: node, scope: 'workspace' },
      { id: 'b', def: other, scope: 'workspace' },
      { id: 'c', def: decided, scope: 'workspace' },
      { id: 'u', def: other, scope: 'user' },
    ], { ask: true });
    assert.equal(asked.length, 1);
    assert.match(asked[0].message, /Start 2 MCP servers/);
    assert.deepEqual(r.allowed.sort(), ['a', 'b', 'c', 'u']);
    assert.equal(r.refused.size, 0);
  });

  it('allowMany with ask: false refuses the undecided ones with a reason, never asks', async () => {
    const { trust, asked } = setup('Trust and Start All');
    const r = await trust.allowMany([{ id: 'a', def: node, scope: 'workspace' }], { ask: false });
    assert.deepEqual(r.allowed, []);
    assert.match(r.refused.get('a') ?? '', /has not been trusted yet/);
    assert.equal(asked.length, 0);
  });
});
