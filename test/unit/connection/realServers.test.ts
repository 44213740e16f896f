/** server-filesystem and server-memory (npm devDependencies) over stdio, in temporary folders. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServerRegistry } from '../../../src/core/connection';
import { assertNoChildren, FILESYSTEM, MEMORY, stdio } from './helpers';

describe('connection: server-filesystem and server-memory', function () {
  this.timeout(20_000);
  let dir: string;
  let registry: ServerRegistry;

  before(async () => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-real-')));
    writeFileSync(path.join(dir, 'hello.txt'), 'hello from the test\n');
    registry = new ServerRegistry({ roots: [dir], connectTimeoutMs: 15_000 });
    await registry.setDefinitions([
      stdio('fs', process.execPath, [FILESYSTEM, dir]),
      stdio('memory', process.execPath, [MEMORY], { MEMORY_FILE_PATH: path.join(dir, 'memory.jsonl') }),
    ]);
    await registry.startAll();
  });

  after(async () => {
    await registry.dispose();
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('server-filesystem: 14 tools, every one with an outputSchema; reads a file in the allowed folder', async () => {
    const s = registry.get('/test/mcp.json#fs');
    assert.equal(s?.state.kind, 'running', JSON.stringify(s?.state));
    const tools = s?.lists.tools.kind === 'loaded' ? s.lists.tools.items : [];
    assert.ok(tools.length >= 14, `${tools.length} tools`);
    assert.ok(tools.every((t) => t.outputSchema), 'every tool has an outputSchema');
    const r = await registry.callTool('/test/mcp.json#fs', 'read_text_file', { path: path.join(dir, 'hello.txt') });
    assert.match(JSON.stringify(r), /hello from the test/);
  });

  it('server-memory: 9 tools with nested schemas; writes its MEMORY_FILE_PATH in the temp folder', async () => {
    const s = registry.get('/test/mcp.json#memory');
    assert.equal(s?.state.kind, 'running', JSON.stringify(s?.state));
    const tools = s?.lists.tools.kind === 'loaded' ? s.lists.tools.items : [];
    assert.equal(tools.length, 9);
    const r = await registry.callTool('/test/mcp.json#memory', 'create_entities', { entities: [{ name: 'Ada', entityType: 'person', observations: ['wrote programs'] }] });
    assert.match(JSON.stringify(r), /Ada/);
  });
});
