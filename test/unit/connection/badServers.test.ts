/**
 * Misbehaving servers: servers that exit at once, write non-JSON to stdout, never answer
 * `initialize`, return malformed results, or list 10,000 tools. Each ends in a clear error state
 * or a correct listing, and a good server started beside them is unaffected.
 */
import * as assert from 'node:assert/strict';
import { ServerRegistry, type ServerSnapshot } from '../../../src/core/connection';
import * as path from 'node:path';
import { assertNoChildren, FIXTURES, fixture, stdio } from './helpers';

const id = (name: string) => `/test/mcp.json#${name}`;

function errorOf(s: ServerSnapshot | undefined): string {
  assert.equal(s?.state.kind, 'error', JSON.stringify(s?.state));
  return s.state.kind === 'error' ? s.state.message : '';
}

describe('connection: bad servers', function () {
  // Generous timeouts: the machine may be loaded, and no test here measures time.
  this.timeout(90_000);
  const registry = new ServerRegistry({ connectTimeoutMs: 40_000, reconnect: { maxAttempts: 0 } });
  /** The order in which servers entered `starting` and left it (running or error). */
  const transitions: string[] = [];

  before(async () => {
    await registry.setDefinitions([
      fixture('good', 'changing.mjs'),
      fixture('crash', 'crash.mjs'),
      fixture('garbage', 'garbage.mjs'),
      { ...fixture('garbage-only', 'garbage.mjs', ['--only']), options: { startupTimeoutMs: 10_000 } },
      fixture('malformed', 'malformed.mjs'),
      fixture('huge', 'huge.mjs'),
      fixture('paged', 'huge.mjs', ['--page-size', '250']),
      stdio('missing', 'surely-not-a-command-mcp', ['x']),
      stdio('bad-cwd', process.execPath, [path.join(FIXTURES, 'crash.mjs')], {}, { cwd: { value: '/nonexistent/folder' } }),
      { ...fixture('hang', 'hang.mjs'), options: { startupTimeoutMs: 1500 } },
    ]);
    registry.events.on('state', (serverId: string, s: { kind: string }) => {
      if (s.kind === 'starting' || s.kind === 'running' || s.kind === 'error') transitions.push(`${s.kind === 'starting' ? 'start' : 'end'} ${serverId}`);
    });
    await registry.startAll();
  });

  after(async () => {
    await registry.dispose();
    await assertNoChildren();
  });

  it('a server that exits at once: its exit code and stderr', () => {
    const s = registry.get(id('crash'));
    assert.match(errorOf(s), /exited before answering initialize \(exit code 3\)/);
    assert.deepEqual(s?.state.kind === 'error' && s.state.stderrTail, ['fixture crash: missing API_KEY, cannot start']);
  });

  it('a server that writes non-JSON to stdout and then behaves: listed, the garbage logged', () => {
    const s = registry.get(id('garbage'));
    assert.equal(s?.state.kind, 'running');
    assert.equal(s?.lists.tools.kind === 'loaded' && s.lists.tools.items[0].name, 'ok');
    assert.ok(registry.logs(id('garbage')).some((e) => e.kind === 'lifecycle' && e.level === 'warning' && /not valid JSON/.test(e.text)));
  });

  it('a server that only writes non-JSON: the timeout says so, and what to do', () => {
    assert.match(errorOf(registry.get(id('garbage-only'))), /did not answer initialize within 10 s — the server wrote something that is not JSON-RPC to stdout .*log to stderr/);
  });

  it('a server that never answers initialize: the connect timeout', () => {
    assert.match(errorOf(registry.get(id('hang'))), /hang\.mjs did not answer initialize within 1\.5 s/);
  });

  it('malformed results: that list is an error naming the bad fields, the others load', () => {
    const s = registry.get(id('malformed'));
    assert.equal(s?.state.kind, 'running');
    assert.equal(s?.lists.tools.kind, 'error');
    assert.match(s?.lists.tools.kind === 'error' ? s.lists.tools.message : '', /^tools\/list returned a malformed result: tools\.0\.name: .*; tools\.0\.inputSchema/);
    assert.equal(s?.lists.prompts.kind === 'loaded' && s.lists.prompts.items.length, 1);
  });

  it('10,000 tools in one page and in 40 pages of 250: every one listed', () => {
    for (const name of ['huge', 'paged']) {
      const s = registry.get(id(name));
      assert.equal(s?.lists.tools.kind, 'loaded');
      const tools = s?.lists.tools.kind === 'loaded' ? s.lists.tools.items : [];
      assert.equal(tools.length, 10_000);
      assert.equal(new Set(tools.map((t) => t.name)).size, 10_000);
    }
  });

  it('a missing command: spawn ENOENT with the PATH searched and what to do', () => {
    assert.match(errorOf(registry.get(id('missing'))), /^spawn surely-not-a-command-mcp ENOENT — the PATH searched was .+; try an absolute path/);
  });

  it('a missing cwd is named as such, not as a missing command', () => {
    assert.match(errorOf(registry.get(id('bad-cwd'))), /working directory \/nonexistent\/folder does not exist/);
  });

  it('the good server beside them is running with its lists, and all of them started together, not one after another', async () => {
    const s = registry.get(id('good'));
    assert.equal(s?.state.kind, 'running');
    assert.ok(s?.lists.tools.kind === 'loaded' && s.lists.tools.items.length >= 5);
    assert.deepEqual((await registry.callTool(id('good'), 'add-tool')).content, [{ type: 'text', text: 'extra-1' }]);
    // Every server enters `starting` before the first one finishes, so a hanging server costs
    // one timeout for the whole set, not one per server (the order shows it, without a clock).
    const firstEnd = transitions.findIndex((t) => t.startsWith('end '));
    assert.ok(firstEnd > 0, transitions.join(', '));
    assert.equal(new Set(transitions.slice(0, firstEnd)).size, 10, transitions.join(', '));
  });
});
