import * as assert from 'node:assert/strict';
import { readJsonServers } from '../../../src/core/config/jsonReader';

const read = (text: string, topLevelKey = 'servers') =>
  readJsonServers(text, { path: '/ws/.vscode/mcp.json', client: 'vscode', scope: 'workspace', topLevelKey });

describe('readJsonServers', () => {
  it('reads stdio and http servers with ranges, keeping comments and variables', () => {
    const text = `{
  // a comment
  "servers": {
    "fs": { "type": "stdio", "command": "npx", "args": ["-y", "pkg", "\${workspaceFolder}"], "env": { "A": "\${input:tok}" } },
    "remote": { "type": "http", "url": "https://example.com/mcp", "headers": { "X": "1" } },
  },
  "inputs": [{ "type": "promptString", "id": "tok", "password": true }]
}`;
    const file = read(text);
    assert.equal(file.error, undefined);
    assert.deepEqual(file.servers.map((s) => s.name), ['fs', 'remote']);
    const [fs, remote] = file.servers;
    assert.equal(fs.transport?.kind, 'stdio');
    assert.equal(fs.nameRange?.start.line, 3);
    assert.equal(fs.nameRange?.start.character, 4);
    if (fs.transport?.kind !== 'stdio') throw new Error('stdio expected');
    assert.deepEqual(fs.transport.args.map((a) => a.value), ['-y', 'pkg', '${workspaceFolder}']);
    assert.equal(fs.transport.env.A.value, '${input:tok}');
    assert.equal(remote.transport?.kind, 'http');
    assert.deepEqual(file.inputs.map((i) => [i.id, i.password]), [['tok', true]]);
  });

  it('reports a syntax error with its position and keeps what it recovered', () => {
    const file = read('{\n  "servers": {\n    "a": { "command": "x" }\n    "b": { "command": "y" }\n  }\n}');
    assert.match(file.error?.message ?? '', /comma expected/);
    assert.equal(file.error?.range?.start.line, 3);
    assert.ok(file.servers.length >= 1);
  });

  it('never throws on empty or non-object input', () => {
    for (const t of ['', '[]', '42', 'null', '{"servers": 3}', '{"servers": {"a": 1}}']) {
      const file = read(t);
      assert.ok(Array.isArray(file.servers));
    }
    assert.match(read('').error?.message ?? '', /empty/);
    assert.match(read('[]').error?.message ?? '', /object/);
  });

  it('reads the mcpServers key of Claude Code files; url-only means http, ws:// means ws', () => {
    const file = read('{"mcpServers": {"h": {"url": "http://127.0.0.1:3001/mcp"}, "w": {"url": "ws://127.0.0.1:9/"}, "s": {"type": "sse", "url": "http://127.0.0.1/sse"}}}', 'mcpServers');
    assert.deepEqual(file.servers.map((s) => s.transport?.kind), ['http', 'ws', 'sse']);
  });
});
