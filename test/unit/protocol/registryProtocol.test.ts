/**
 * The protocol log fed by a real server over stdio (server-everything): initialize and tools/call
 * paired with durations and sizes, a secret in the arguments masked, the bound from the registry
 * option and its live change.
 */
import * as assert from 'node:assert/strict';
import { ServerRegistry } from '../../../src/core/connection';
import { REDACTED } from '../../../src/core/secrets';
import { assertNoChildren, EVERYTHING, stdio } from '../connection/helpers';

const ID = '/test/mcp.json#everything';

describe('protocol: a real server\'s messages in the registry', function () {
  this.timeout(30_000);
  let registry: ServerRegistry;

  afterEach(async () => {
    await registry.dispose();
    await assertNoChildren();
  });

  it('keeps initialize and tools/call with their responses, durations and sizes; masks the planted secrets', async () => {
    registry = new ServerRegistry();
    let events = 0;
    registry.events.on('message', (id) => id === ID && events++);
    await registry.setDefinitions([stdio('everything', process.execPath, [EVERYTHING, 'stdio'], { API_TOKEN: 'env-secret-value-42' })]);
    await registry.start(ID);
    await registry.callTool(ID, 'echo', { message: 'ghp_0123456789abcdefghijABCDEFGHIJ012345 and env-secret-value-42', apiKey: 'plain-key-1234' });
    const records = registry.protocol(ID)!.records();
    assert.equal(events, records.length, 'one event per message kept');
    const init = records.find((r) => r.method === 'initialize' && r.kind === 'request')!;
    assert.equal(init.direction, 'sent');
    const initAnswer = records.find((r) => r.seq === init.pair)!;
    assert.equal(initAnswer.kind, 'response');
    assert.equal(initAnswer.direction, 'received');
    assert.ok(init.durationMs !== undefined && init.durationMs >= 0);
    const call = records.find((r) => r.method === 'tools/call' && r.kind === 'request')!;
    const answer = records.find((r) => r.seq === call.pair)!;
    assert.equal(answer.method, 'tools/call');
    assert.ok(answer.durationMs !== undefined && answer.durationMs >= 0);
    assert.ok(call.sizeBytes > 100 && answer.sizeBytes > 50);
    for (const r of [call, answer]) {
      assert.ok(!r.json.includes('ghp_0123') && !r.json.includes('env-secret-value-42') && !r.json.includes('plain-key-1234'), r.json);
    }
    assert.ok(call.json.includes(`"apiKey":"${REDACTED}"`), call.json);
    assert.ok(records.some((r) => r.method === 'notifications/initialized'));
  });

  it('keeps at most protocolCapacity messages; setProtocolCapacity(0) stops keeping', async () => {
    registry = new ServerRegistry({ protocolCapacity: 3 });
    await registry.setDefinitions([stdio('everything', process.execPath, [EVERYTHING, 'stdio'])]);
    await registry.start(ID);
    const log = registry.protocol(ID)!;
    assert.equal(log.size, 3);
    assert.ok(log.dropped > 0);
    registry.setProtocolCapacity(0);
    await registry.client(ID).ping();
    assert.equal(log.size, 0);
  });
});
