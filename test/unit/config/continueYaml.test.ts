import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server, stdio } from './helpers';

const read = (text: string) => formatById('continue-project').read(text, '/w/.continue/mcpServers/x.yaml');

describe('Continue YAML', () => {
  describe('~/.continue/config.yaml', () => {
    const { text, file } = readFixture('continue/valid/.continue/config.yaml');

    it('reads the mcpServers list, named by each item’s name', () => {
      assert.equal(file.error, undefined);
      assert.equal(file.format, 'continue-user');
      assert.equal(file.scope, 'user');
      assert.deepEqual(file.servers.map((s) => [s.name, s.transport?.kind]), [
        ['SQLite MCP', 'stdio'],
        ['Remote Search', 'http'],
        ['Legacy Events', 'sse'],
      ]);
    });

    it('ranges: the name value, the command, block-list args, env values', () => {
      const sqlite = server(file, 'SQLite MCP');
      assertRange(text, sqlite.nameRange, 'SQLite MCP', '10:10');
      const t = stdio(sqlite);
      assertRange(text, t.command.range, 'npx', '11:13');
      assertRange(text, t.args[2].range, '"/path/to/your/database.db"', '15:8');
      assertRange(text, t.env.LOG_LEVEL.range, 'info', '17:17');
      assert.equal(sqlite.range.start.line, 10);
    });

    it('connectionTimeout is milliseconds; streamable-http and requestOptions.headers', () => {
      assert.equal(server(file, 'SQLite MCP').options.startupTimeoutMs, 30_000);
      assertRange(text, server(file, 'SQLite MCP').optionRanges?.startupTimeoutMs, '30000', '18:23');
      const t = remote(server(file, 'Remote Search'), 'http');
      assert.equal(t.headers.Authorization.value, 'Bearer ${{ secrets.SEARCH_TOKEN }}');
      assert.equal(server(file, 'Remote Search').typeWord?.value, 'streamable-http');
    });
  });

  it('reads a .continue/mcpServers block file', () => {
    const { file } = readFixture('continue/valid/.continue/mcpServers/playwright.yaml');
    assert.equal(file.format, 'continue-project');
    assert.deepEqual(stdio(server(file, 'Browser search')).args.map((a) => a.value), ['@playwright/mcp@latest']);
  });

  it('reads a Claude-style JSON file in .continue/mcpServers', () => {
    const { file } = readFixture('continue/valid/.continue/mcpServers/github.json');
    assert.equal(file.format, 'continue-project-json');
    assert.equal(file.client, 'continue');
    assert.equal(stdio(server(file, 'github')).env.GITHUB_PERSONAL_ACCESS_TOKEN.value, '${{ secrets.GITHUB_TOKEN }}');
  });

  it('reads an mcpServers map (Claude style) written as YAML', () => {
    const text = 'mcpServers:\n  fetch:\n    command: uvx\n    args: [mcp-server-fetch]\n';
    const file = read(text);
    assertRange(text, server(file, 'fetch').nameRange, 'fetch', '1:2');
    assertRange(text, stdio(server(file, 'fetch')).args[0].range, 'mcp-server-fetch', '3:11');
  });

  it('names an item without name by its index, so it is still listed', () => {
    const file = read('mcpServers:\n  - command: x\n');
    assert.deepEqual(file.servers.map((s) => [s.name, s.nameRange]), [['#0', undefined]]);
  });

  it('resolves aliases to their anchor’s value', () => {
    const file = read('x: &args [a, b]\nmcpServers:\n  - name: s\n    command: c\n    args: *args\n');
    assert.deepEqual(stdio(server(file, 's')).args.map((a) => a.value), ['a', 'b']);
  });

  it('does not blow up on an alias bomb, and says the file was cut short', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(10).fill(i === 1 ? '*a' : `*a${i - 1}`).join(', ')}]`);
    const file = read(`${levels.join('\n')}\nmcpServers:\n  - name: s\n    command: c\n    args: *a8\n`);
    assert.ok(Array.isArray(file.servers));
    assert.match(file.error?.message ?? '', /expands to more than 50,000 values .* aliases/);
  });

  it('reports a syntax error with its range and keeps what the parser recovered', () => {
    const text = 'mcpServers:\n  - name: ok\n    command: x\n  - name: [broken\n';
    const file = read(text);
    assert.match(file.error?.message ?? '', /YAML syntax error/);
    assert.ok(file.error?.range);
    assert.equal(server(file, 'ok').transport?.kind, 'stdio');
  });

  it('reports empty and non-mapping documents', () => {
    assert.match(read('').error?.message ?? '', /empty/);
    assert.match(read('- a\n- b\n').error?.message ?? '', /list/);
    assert.match(read('just text').error?.message ?? '', /mapping/);
  });
});
