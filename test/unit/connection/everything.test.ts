/**
 * server-everything (npm devDependency) over stdio, Streamable HTTP, legacy SSE, and Streamable
 * HTTP falling back to SSE, all on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import { ServerRegistry, type LogEvent, type ServerSnapshot } from '../../../src/core/connection';
import { assertNoChildren, EVERYTHING, remote, startChildServer, stdio, type ChildServer } from './helpers';

/** Checks a server-everything listing: every list loaded, with the things the spec exercises. */
function assertEverything(s: ServerSnapshot | undefined, transport: string): void {
  assert.ok(s);
  assert.equal(s.state.kind, 'running', JSON.stringify(s.state));
  assert.equal(s.info?.transport, transport);
  assert.match(s.info?.serverInfo.name ?? '', /everything/);
  assert.match(s.info?.protocolVersion ?? '', /^\d{4}-\d{2}-\d{2}$/);
  for (const k of ['tools', 'resources', 'resourceTemplates', 'prompts'] as const) assert.equal(s.lists[k].kind, 'loaded', `${k}: ${JSON.stringify(s.lists[k])}`);
  const names = (k: 'tools' | 'prompts') => (s.lists[k].kind === 'loaded' ? s.lists[k].items.map((i) => i.name) : []);
  assert.ok(names('tools').includes('echo'));
  // Roots are declared, so the roots tool is offered; sampling/elicitation are not, so theirs are not.
  assert.ok(names('tools').includes('get-roots-list'));
  assert.ok(!names('tools').some((n) => /sampling|elicitation/.test(n)), names('tools').join());
  assert.ok(names('prompts').includes('simple-prompt'));
  const templates = s.lists.resourceTemplates.kind === 'loaded' ? s.lists.resourceTemplates.items.map((t) => t.uriTemplate) : [];
  assert.ok(templates.some((t) => t.startsWith('demo://resource/dynamic/text/')), templates.join());
}

describe('connection: server-everything', function () {
  this.timeout(30_000);
  let http: ChildServer;
  let sse: ChildServer;
  const registry = new ServerRegistry({ roots: ['/tmp/root-a'], connectTimeoutMs: 15_000 });
  const logs: LogEvent[] = [];
  registry.events.on('log', (_id, e) => logs.push(e));

  before(async () => {
    [http, sse] = await Promise.all([startChildServer(EVERYTHING, ['streamableHttp']), startChildServer(EVERYTHING, ['sse'])]);
    await registry.setDefinitions([
      stdio('stdio', process.execPath, [EVERYTHING, 'stdio']),
      remote('http', 'http', `http://127.0.0.1:${http.port}/mcp`),
      remote('sse', 'sse', `http://127.0.0.1:${sse.port}/sse`),
      remote('fallback', 'http', `http://127.0.0.1:${sse.port}/sse`),
    ]);
    registry.setTrace(true);
    await registry.startAll();
  });

  after(async () => {
    await registry.dispose();
    await Promise.all([http?.stop(), sse?.stop()]);
    await assertNoChildren();
  });

  it('lists tools, resources, templates and prompts over stdio', () => assertEverything(registry.get('/test/mcp.json#stdio'), 'stdio'));
  it('lists them over Streamable HTTP', () => assertEverything(registry.get('/test/mcp.json#http'), 'http'));
  it('lists them over legacy SSE', () => assertEverything(registry.get('/test/mcp.json#sse'), 'sse'));
  it('falls back from Streamable HTTP to SSE for an http server that only speaks SSE', () => assertEverything(registry.get('/test/mcp.json#fallback'), 'sse'));

  it('calls echo, reads a resource and gets a prompt over every transport', async () => {
    for (const name of ['stdio', 'http', 'sse', 'fallback']) {
      const id = `/test/mcp.json#${name}`;
      const r = await registry.callTool(id, 'echo', { message: `hi ${name}` });
      assert.deepEqual(r.content, [{ type: 'text', text: `Echo: hi ${name}` }]);
      const res = await registry.readResource(id, 'demo://resource/dynamic/text/1');
      assert.equal(res.contents.length, 1);
      const p = await registry.getPrompt(id, 'simple-prompt');
      assert.ok(p.messages.length > 0);
    }
  });

  it('answers roots/list with the given folders', async () => {
    const r = await registry.callTool('/test/mcp.json#stdio', 'get-roots-list', {});
    assert.match(JSON.stringify(r.content), /file:\/\/\/tmp\/root-a/);
  });

  it('traces JSON-RPC messages with direction and duration while trace is on', () => {
    const traces = logs.filter((e): e is Extract<LogEvent, { kind: 'trace' }> => e.kind === 'trace');
    assert.ok(traces.some((t) => t.direction === 'send' && t.method === 'initialize'));
    const reply = traces.find((t) => t.direction === 'receive' && t.method === 'tools/list' && t.durationMs !== undefined);
    assert.ok(reply, 'a tools/list response with its duration');
    assert.ok(logs.some((e) => e.kind === 'stderr'), 'stderr lines of the stdio server are captured');
  });
});
