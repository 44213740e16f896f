/**
 * A remote server that goes away: the SDK keeps a Streamable HTTP or SSE transport "open", so
 * the layer pings on a transport error and reconnects when the ping fails.
 */
import * as assert from 'node:assert/strict';
import { ServerRegistry } from '../../../src/core/connection';
import { assertNoChildren, eventually, EVERYTHING, remote, startChildServer, type ChildServer } from './helpers';

describe('connection: a remote server that goes away', function () {
  this.timeout(30_000);
  let server: ChildServer | undefined;
  const registry = new ServerRegistry({ connectTimeoutMs: 10_000, reconnect: { baseMs: 200, maxMs: 1000, maxAttempts: 8 } });

  after(async () => {
    await registry.dispose();
    await server?.stop();
    await assertNoChildren();
  });

  it('Streamable HTTP: the server is killed → reconnecting; it comes back on its port → running', async () => {
    server = await startChildServer(EVERYTHING, ['streamableHttp']);
    const port = server.port;
    const id = '/test/mcp.json#http';
    await registry.setDefinitions([remote('http', 'http', `http://127.0.0.1:${port}/mcp`)]);
    await registry.start(id);
    assert.equal(registry.get(id)?.state.kind, 'running');
    const states: string[] = [];
    registry.events.on('state', (_id, s) => states.push(s.kind === 'error' && s.retry ? 'retry' : s.kind));
    await server.stop();
    await eventually(() => states.includes('retry'), 'a scheduled reconnect', 15_000);
    assert.match(registry.logs(id).map((e) => e.text).join('\n'), /lost the connection/);
    server = await startChildServer(EVERYTHING, ['streamableHttp'], {}, port);
    await eventually(() => registry.get(id)?.state.kind === 'running' && registry.get(id)?.lists.tools.kind === 'loaded', 'running again', 15_000);
  });
});
