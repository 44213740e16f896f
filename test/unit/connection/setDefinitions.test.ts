/** Re-read definitions keep a running server unless what it runs changed. */
import * as assert from 'node:assert/strict';
import { ServerRegistry } from '../../../src/core/connection';
import { assertNoChildren, fixture } from './helpers';

describe('connection: setDefinitions', function () {
  this.timeout(20_000);
  let registry: ServerRegistry;
  beforeEach(() => (registry = new ServerRegistry()));
  afterEach(async () => {
    await registry.dispose();
    await assertNoChildren();
  });

  it('a change of options or source ranges is taken in place: the session keeps running', async () => {
    const def = fixture('s', 'changing.mjs');
    await registry.setDefinitions([def]);
    await registry.start(def.id);
    const pid = registry.get(def.id)?.info?.pid;
    assert.ok(pid);
    const moved = { ...def, range: { ...def.range, offset: 40 }, options: { requestTimeoutMs: 5000 } };
    const { changes, interrupted } = await registry.setDefinitions([moved]);
    assert.deepEqual(changes.updated.map((d) => d.id), [def.id]);
    assert.deepEqual(interrupted, []);
    const s = registry.get(def.id);
    assert.equal(s?.state.kind, 'running');
    assert.equal(s?.info?.pid, pid);
    assert.equal(s?.definition, moved, 'the new definition is the one shown');
  });

  it('a changed launch stops the session and replaces the server; `interrupted` names it when it was not stopped', async () => {
    const a = fixture('a', 'changing.mjs');
    const b = fixture('b', 'changing.mjs');
    await registry.setDefinitions([a, b]);
    await registry.start(a.id);
    const { changes, interrupted } = await registry.setDefinitions([fixture('a', 'changing.mjs', [], { X: '1' }), fixture('b', 'changing.mjs', [], { X: '1' })]);
    assert.deepEqual(changes.relaunched.map((d) => d.id), [a.id, b.id]);
    assert.deepEqual(interrupted, [a.id], 'b was stopped: nothing to restart');
    assert.equal(registry.get(a.id)?.state.kind, 'stopped');
    assert.deepEqual(registry.all().map((s) => s.id), [a.id, b.id], 'definition order kept');
  });
});
