import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server, stdio } from './helpers';

describe('VS Code formats', () => {
  describe('.vscode/mcp.json (JSONC, servers + inputs)', () => {
    const { text, file } = readFixture('vscode/valid/.vscode/mcp.json');

    it('reads every server, in file order, without error despite comments and a trailing comma', () => {
      assert.equal(file.error, undefined);
      assert.equal(file.format, 'vscode-workspace');
      assert.equal(file.scope, 'workspace');
      assert.deepEqual(file.servers.map((s) => [s.name, s.transport?.kind]), [
        ['filesystem', 'stdio'],
        ['github', 'http'],
        ['local-python', 'stdio'],
        ['legacy-sse', 'sse'],
      ]);
    });

    it('keeps variables unresolved and every field at its exact range', () => {
      const fs = server(file, 'filesystem');
      assertRange(text, fs.nameRange, '"filesystem"', '18:4');
      assertRange(text, fs.typeWord?.range, '"stdio"', '19:14');
      const t = stdio(fs);
      assertRange(text, t.command.range, '"npx"', '20:17');
      assert.deepEqual(t.args.map((a) => a.value), ['-y', '@modelcontextprotocol/server-filesystem', '${workspaceFolder}']);
      assertRange(text, t.args[2].range, '"${workspaceFolder}"', '21:64');
      assert.equal(t.env.LOG_LEVEL.value, '${input:log-level}');
      assertRange(text, t.env.LOG_LEVEL.range, '"${input:log-level}"', '23:21');
      assert.equal(fs.range.start.line, 18);
      assert.equal(fs.range.end.line, 25);
    });

    it('reads url and headers of an http server', () => {
      const t = remote(server(file, 'github'), 'http');
      assert.equal(t.url.value, 'https://api.githubcopilot.com/mcp/');
      assertRange(text, t.url.range, '"https://api.githubcopilot.com/mcp/"', '28:13');
      assert.equal(t.headers.Authorization.value, 'Bearer ${input:github-token}');
      assert.equal(t.headers.Authorization.range?.start.line, 30);
    });

    it('reads cwd and envFile, and infers stdio from command without type', () => {
      const py = server(file, 'local-python');
      assert.equal(py.typeWord, undefined);
      const t = stdio(py);
      assert.equal(t.cwd?.value, '${workspaceFolder}/tools/mcp');
      assertRange(text, t.envFile?.range, '"${workspaceFolder}/.env"', '37:17');
    });

    it('reads promptString and pickString inputs', () => {
      assert.deepEqual(
        file.inputs.map((i) => [i.id, i.type, i.password, i.options, i.default]),
        [
          ['github-token', 'promptString', true, undefined, undefined],
          ['log-level', 'pickString', undefined, ['debug', 'info', 'warn'], 'info'],
        ],
      );
      assert.equal(file.inputs[0].range.start.line, 3);
      assert.equal(file.inputs[0].description, 'GitHub personal access token');
    });
  });

  it('reads the user profile mcp.json as user scope', () => {
    const { file } = readFixture('vscode/valid/Code/User/mcp.json');
    assert.equal(file.format, 'vscode-user');
    assert.equal(file.scope, 'user');
    assert.deepEqual(file.servers.map((s) => s.transport?.kind), ['stdio', 'http']);
    assert.equal(stdio(server(file, 'memory')).env.MEMORY_FILE_PATH.value, '${userHome}/.mcp/memory.json');
  });

  it('reads settings.mcp.servers and settings.mcp.inputs of a .code-workspace file', () => {
    const { text, file } = readFixture('vscode/valid/project.code-workspace');
    assert.equal(file.format, 'vscode-code-workspace');
    assert.equal(file.error, undefined);
    const pg = server(file, 'postgres');
    assertRange(text, pg.nameRange, '"postgres"', '12:8');
    assert.equal(stdio(pg).args[2].value, '${input:db-url}');
    assert.deepEqual(file.inputs.map((i) => i.id), ['db-url']);
  });

  it('reads the deprecated mcpServers alias VS Code still accepts, only when servers is absent', () => {
    const fmt = formatById('vscode-workspace');
    const alias = fmt.read('{ "mcpServers": { "a": { "command": "x" } } }', '/w/.vscode/mcp.json');
    assert.deepEqual(alias.servers.map((s) => s.name), ['a']);
    const both = fmt.read('{ "servers": { "b": { "command": "y" } }, "mcpServers": { "a": { "command": "x" } } }', '/w/.vscode/mcp.json');
    assert.deepEqual(both.servers.map((s) => s.name), ['b']);
  });

  it('reads a file that starts with a byte-order mark, offsets unchanged', () => {
    const text = '\uFEFF{ "servers": { "a": { "command": "x" } } }';
    const file = formatById('vscode-workspace').read(text, '/w/.vscode/mcp.json');
    assert.equal(file.error, undefined);
    assert.equal(file.servers[0].nameRange?.offset, text.indexOf('"a"'));
  });

  it('keeps an explicit type whose fields are missing as a server with no transport', () => {
    const file = formatById('vscode-workspace').read('{ "servers": { "a": { "type": "http", "command": "x" }, "b": { "type": "stdio", "url": "http://h" }, "c": 3 } }', '/w/.vscode/mcp.json');
    assert.deepEqual(file.servers.map((s) => [s.name, s.transport]), [['a', undefined], ['b', undefined], ['c', undefined]]);
    assert.equal(file.servers[0].typeWord?.value, 'http');
  });
});
