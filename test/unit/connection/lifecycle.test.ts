/**
 * The server lifecycle: start/stop/restart, list_changed, server logs, resources/updated, reconnect
 * with backoff, giving up after the last try, whole-tree kills, dispose, declined requests.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServerRegistry, type LogEvent } from '../../../src/core/connection';
import { isAlive } from '../../../src/core/connection/processTree';
import { assertNoChildren, eventually, fixture, stateOf } from './helpers';

const ID = '/test/mcp.json#s';
const toolNames = (r: ServerRegistry) => {
  const l = r.get(ID)?.lists.tools;
  return l?.kind === 'loaded' ? l.items.map((t) => t.name) : [];
};
const text = (r: { content: unknown }) => (r.content as { text: string }[])[0].text;

describe('connection: lifecycle', function () {
  this.timeout(20_000);
  let dir: string;
  let registry: ServerRegistry;
  const logs: LogEvent[] = [];

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-life-'));
    logs.length = 0;
    registry = new ServerRegistry({ roots: [dir], reconnect: { baseMs: 50, maxMs: 200, maxAttempts: 3 } });
    registry.events.on('log', (_id, e) => logs.push(e));
  });

  afterEach(async () => {
    await registry.dispose();
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('start → running → stop → stopped, with state events in order; restart gives a new process', async () => {
    const states: string[] = [];
    registry.events.on('state', (_id, s) => states.push(s.kind));
    await registry.setDefinitions([fixture('s', 'changing.mjs')]);
    await registry.start(ID);
    const pid = registry.get(ID)?.info?.pid;
    assert.ok(pid && isAlive(pid));
    assert.equal(registry.get(ID)?.info?.instructions, 'Call add-tool to grow the list.');
    await registry.restart(ID);
    const pid2 = registry.get(ID)?.info?.pid;
    assert.ok(pid2 && pid2 !== pid && !isAlive(pid));
    await registry.stop(ID);
    assert.ok(!isAlive(pid2));
    assert.deepEqual(states, ['starting', 'running', 'stopped', 'starting', 'running', 'stopped']);
  });

  it('re-lists tools on tools/list_changed; relays server logs and resources/updated', async () => {
    await registry.setDefinitions([fixture('s', 'changing.mjs')]);
    await registry.start(ID);
    assert.ok(!toolNames(registry).includes('extra-1'));
    await registry.callTool(ID, 'add-tool');
    await eventually(() => toolNames(registry).includes('extra-1'), 'extra-1 in the tool list');
    await registry.callTool(ID, 'log', { message: 'careful now' });
    await eventually(() => logs.some((e) => e.kind === 'server' && e.level === 'warning' && e.text === 'careful now'), 'the server log event');
    const updated: string[] = [];
    registry.events.on('resourceUpdated', (_id, uri) => updated.push(uri));
    await registry.client(ID).subscribeResource({ uri: 'fixture://counter' });
    await eventually(() => updated.includes('fixture://counter'), 'resources/updated');
  });

  it('a restart while the lists are loading: the new session loads its own lists', async () => {
    await registry.setDefinitions([fixture('s', 'huge.mjs', ['--page-size', '100'])]);
    let restarted: Promise<void> | undefined;
    registry.events.on('lists', (_id, kind) => {
      const l = registry.get(ID)?.lists.tools;
      if (kind === 'tools' && l?.kind === 'loading' && !restarted) restarted = registry.restart(ID);
    });
    await registry.start(ID);
    await eventually(() => restarted !== undefined, 'the restart');
    await restarted;
    const l = registry.get(ID)?.lists.tools;
    assert.equal(l?.kind === 'loaded' && l.items.length, 10_000);
  });

  it('declines sampling and elicitation with a clear message (capabilities not declared)', async () => {
    await registry.setDefinitions([fixture('s', 'changing.mjs')]);
    await registry.start(ID);
    assert.match(text(await registry.callTool(ID, 'sample')), /declined: .*does not support sampling .* yet/);
    assert.match(text(await registry.callTool(ID, 'elicit')), /declined: .*does not support elicitation .* yet/);
  });

  it('reconnects after an unexpected exit, with a new process and fresh lists', async () => {
    await registry.setDefinitions([fixture('s', 'changing.mjs')]);
    await registry.start(ID);
    const pid = registry.get(ID)?.info?.pid;
    const kinds: string[] = [];
    registry.events.on('state', (_id, s) => kinds.push(s.kind === 'error' && s.retry ? `retry${s.retry.attempt}` : s.kind));
    await registry.callTool(ID, 'exit');
    await eventually(() => stateOf(registry, ID) === 'running' && registry.get(ID)?.info?.pid !== pid && toolNames(registry).length > 0, 'running again');
    assert.deepEqual(kinds, ['retry1', 'starting', 'running']);
    assert.ok(logs.some((e) => e.kind === 'lifecycle' && /exited unexpectedly \(exit code 7\)/.test(e.text)));
  });

  it('gives up after the last reconnect attempt: error with the last stderr lines', async () => {
    const marker = path.join(dir, 'crash');
    await registry.setDefinitions([fixture('s', 'changing.mjs', [], { CRASH_FILE: marker })]);
    await registry.start(ID);
    writeFileSync(marker, '');
    const attempts: number[] = [];
    registry.events.on('state', (_id, s) => s.kind === 'starting' && attempts.push(s.attempt));
    await registry.callTool(ID, 'exit');
    await eventually(() => { const s = registry.get(ID)?.state; return s?.kind === 'error' && !s.retry; }, 'the final error');
    const s = registry.get(ID)?.state;
    assert.deepEqual(attempts, [1, 2, 3]);
    assert.ok(s?.kind === 'error');
    assert.match(s.message, /gave up after 3 reconnect attempts; last stderr: fixture changing: <redacted> exists, exiting/);
    assert.ok(s.stderrTail.length > 0);
    // CRASH_FILE is an env value, so it is redacted like any other.
    assert.ok(!s.message.includes(marker));
  });

  it('stop kills the whole process tree, grandchildren included', async () => {
    await registry.setDefinitions([fixture('s', 'spawner.mjs')]);
    await registry.start(ID);
    let grandchild = 0;
    await eventually(() => logs.some((e) => { const m = e.kind === 'stderr' && /grandchild pid (\d+)/.exec(e.text); if (m) grandchild = Number(m[1]); return !!m; }), 'the grandchild pid');
    assert.ok(isAlive(grandchild));
    await registry.stop(ID);
    assert.ok(!isAlive(grandchild), 'the grandchild is gone');
  });

  it('dispose while starting and while waiting to reconnect leaves no process behind', async () => {
    await registry.setDefinitions([fixture('s', 'changing.mjs'), fixture('t', 'hang.mjs')]);
    void registry.startAll();
    await new Promise((r) => setTimeout(r, 100));
    await registry.dispose();
    assert.equal(registry.all().length, 0);
  });

  it('never shows env values: redacted in stderr, errors and traces', async () => {
    registry.setTrace(true);
    await registry.setDefinitions([fixture('s', 'changing.mjs', [], { SECRET_TOKEN: 'very-secret-value-42' })]);
    await registry.start(ID);
    await registry.callTool(ID, 'log', { message: 'echo very-secret-value-42' });
    await eventually(() => logs.some((e) => e.kind === 'server'), 'the server log');
    const all = logs.map((e) => e.text).join('\n');
    assert.match(all, /SECRET_TOKEN=<redacted>/);
    assert.ok(!all.includes('very-secret-value-42'));
  });
});
