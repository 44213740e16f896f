/** WebSocket (`ws://`) to the project's fixture server, with and without the required header. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ServerRegistry } from '../../../src/core/connection';
import { assertNoChildren, FIXTURES, remote, startChildServer, type ChildServer } from './helpers';

describe('connection: WebSocket', function () {
  this.timeout(20_000);
  let ws: ChildServer;
  const registry = new ServerRegistry({ connectTimeoutMs: 10_000 });

  before(async () => {
    ws = await startChildServer(path.join(FIXTURES, 'ws-server.mjs'), [], { REQUIRE_TOKEN: 'ws-token-1234' });
    await registry.setDefinitions([
      remote('ws', 'ws', `ws://127.0.0.1:${ws.port}/`, { Authorization: 'Bearer ws-token-1234' }),
      remote('no-token', 'ws', `ws://127.0.0.1:${ws.port}/`),
      remote('wrong-scheme', 'ws', `http://127.0.0.1:${ws.port}/`),
    ]);
    await registry.startAll();
  });

  after(async () => {
    await registry.dispose();
    await ws?.stop();
    await assertNoChildren();
  });

  it('connects with the configured headers, lists tools and prompts, calls a tool', async () => {
    const s = registry.get('/test/mcp.json#ws');
    assert.equal(s?.state.kind, 'running', JSON.stringify(s?.state));
    assert.equal(s?.info?.transport, 'ws');
    assert.deepEqual(s?.lists.tools.kind === 'loaded' && s.lists.tools.items.map((t) => t.name), ['hello']);
    assert.deepEqual(s?.lists.prompts.kind === 'loaded' && s.lists.prompts.items.map((t) => t.name), ['greeting']);
    assert.deepEqual((await registry.callTool('/test/mcp.json#ws', 'hello')).content, [{ type: 'text', text: 'hello' }]);
  });

  it('a refused upgrade is an error with the HTTP status, and no token in it', () => {
    const s = registry.get('/test/mcp.json#no-token')?.state;
    assert.equal(s?.kind, 'error');
    const message = s?.kind === 'error' ? s.message : '';
    assert.match(message, /WebSocket upgrade refused: HTTP 401/);
    assert.ok(!message.includes('ws-token-1234'));
  });

  it('a ws server with an http URL is told which schemes it takes', () => {
    const s = registry.get('/test/mcp.json#wrong-scheme')?.state;
    assert.match(s?.kind === 'error' ? s.message : '', /needs a ws: or wss: URL, not http:/);
  });
});
