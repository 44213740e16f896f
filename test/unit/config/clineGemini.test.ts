import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server } from './helpers';

describe('Cline format', () => {
  const { text, file } = readFixture('cline/valid/cline_mcp_settings.json');

  it('normalizes timeout from seconds to milliseconds, with the range of the number', () => {
    assert.equal(file.format, 'cline');
    const weather = server(file, 'weather');
    assert.equal(weather.options.requestTimeoutMs, 120_000);
    assertRange(text, weather.optionRanges?.requestTimeoutMs, '120', '10:17');
    assert.equal(server(file, 'remote-http').options.requestTimeoutMs, 30_000);
  });

  it('reads disabled and autoApprove', () => {
    assert.deepEqual(server(file, 'weather').options.autoApprove, ['get_forecast']);
    assert.deepEqual(server(file, 'remote-sse').options, { disabled: true, autoApprove: [] });
  });

  it('a url with no type is SSE; streamableHttp is Streamable HTTP', () => {
    assert.equal(remote(server(file, 'remote-sse'), 'sse').headers['X-Client'].value, 'cline');
    assert.equal(server(file, 'remote-http').transport?.kind, 'http');
    assert.equal(server(file, 'remote-http').typeWord?.value, 'streamableHttp');
  });

  it('reads the legacy transportType key', () => {
    const f = formatById('cline').read('{"mcpServers": {"a": {"transportType": "stdio", "command": "node"}, "b": {"transportType": "sse", "url": "http://h/sse"}}}', '/x/cline_mcp_settings.json');
    assert.deepEqual(f.servers.map((s) => [s.transport?.kind, s.typeWord?.value]), [['stdio', 'stdio'], ['sse', 'sse']]);
  });
});

describe('Gemini CLI format', () => {
  const { text, file } = readFixture('gemini/valid/.gemini/settings.json');

  it('keeps timeout in milliseconds and reads cwd, $VAR and ${VAR} unresolved', () => {
    assert.equal(file.format, 'gemini-project');
    const py = server(file, 'pythonTools');
    assert.equal(py.options.requestTimeoutMs, 15_000);
    assertRange(text, py.optionRanges?.requestTimeoutMs, '15000', '11:17');
    assert.equal(py.transport?.kind === 'stdio' && py.transport.cwd?.value, './mcp-servers/python');
    assert.equal(py.transport?.kind === 'stdio' && py.transport.env.DATABASE_URL.value, '$DB_CONNECTION_STRING');
  });

  it('httpUrl is Streamable HTTP, url is SSE unless type says http, tcp is a WebSocket', () => {
    assertRange(text, remote(server(file, 'httpServer'), 'http').url.range, '"http://localhost:3000/mcp"', '15:17');
    remote(server(file, 'sseServer'), 'sse');
    remote(server(file, 'typedHttp'), 'http');
    assert.equal(remote(server(file, 'socket'), 'ws').url.value, 'ws://localhost:9000');
  });

  it('reads includeTools, excludeTools and trust', () => {
    assert.deepEqual(server(file, 'pythonTools').options.includeTools, ['safe_tool', 'file_reader']);
    assert.deepEqual(server(file, 'sseServer').options, { excludeTools: ['dangerous_tool'], trust: true });
  });

  it('reads the user file as user scope', () => {
    const f = formatById('gemini-user').read('{"mcpServers": {"a": {"command": "x", "timeout": "soon"}}}', '/h/.gemini/settings.json');
    assert.equal(f.scope, 'user');
    assert.equal(f.servers[0].options.requestTimeoutMs, undefined, 'a non-number timeout is left to the linter');
  });
});
