import * as assert from 'node:assert/strict';
import { formatById } from '../../../src/core/config/formats';
import { assertRange, readFixture, remote, server, stdio } from './helpers';

describe('Claude formats', () => {
  it('Claude Desktop: stdio servers with args over several lines and env', () => {
    const { text, file } = readFixture('claude-desktop/valid/claude_desktop_config.json');
    assert.equal(file.format, 'claude-desktop');
    assert.equal(file.client, 'claude-desktop');
    assert.equal(file.scope, 'user');
    assert.deepEqual(file.servers.map((s) => s.name), ['filesystem', 'sqlite', 'brave-search']);
    const t = stdio(server(file, 'filesystem'));
    assert.equal(t.args.length, 4);
    assertRange(text, t.args[3].range, '"/Users/alice/Downloads"', '8:8');
    assertRange(text, stdio(server(file, 'brave-search')).env.BRAVE_API_KEY.range, '"YOUR_API_KEY_HERE"', '19:25');
  });

  it('Claude Code .mcp.json: ${VAR:-default} kept unresolved; http and sse by type', () => {
    const { text, file } = readFixture('claude-code/valid/.mcp.json');
    assert.equal(file.format, 'claude-code-project');
    assert.equal(file.scope, 'workspace');
    assert.deepEqual(stdio(server(file, 'shared-server')).args, []);
    const api = remote(server(file, 'api-server'), 'http');
    assertRange(text, api.url.range, '"${API_BASE_URL:-https://api.example.com}/mcp"', '9:13');
    assert.equal(api.headers.Authorization.value, 'Bearer ${API_KEY}');
    assert.equal(remote(server(file, 'sentry'), 'sse').url.value, 'https://mcp.sentry.dev/sse');
  });

  describe('Claude Code ~/.claude.json', () => {
    const { text, file } = readFixture('claude-code/valid/.claude.json');

    it('reads user-scope mcpServers and every project’s local-scope servers, tagged with the project', () => {
      assert.equal(file.format, 'claude-code-user');
      assert.deepEqual(file.servers.map((s) => [s.name, s.project]), [
        ['airtable', undefined],
        ['playwright', '/home/alice/src/webapp'],
      ]);
      const pw = server(file, 'playwright');
      assertRange(text, pw.nameRange, '"playwright"', '17:8');
      assert.equal(pw.id, `${file.path}#/home/alice/src/webapp#playwright`);
      assert.equal(server(file, 'airtable').id, `${file.path}#airtable`);
    });

    it('ignores the many other keys of the file', () => {
      const f = formatById('claude-code-user').read('{"numStartups": 1, "projects": {"/p": {"allowedTools": []}, "/q": 3}}', '/h/.claude.json');
      assert.equal(f.error, undefined);
      assert.deepEqual(f.servers, []);
    });
  });

  it('Cursor: url without type is Streamable HTTP; envFile and ${env:} kept', () => {
    const { text, file } = readFixture('cursor/valid/.cursor/mcp.json');
    assert.equal(file.format, 'cursor-project');
    const t = stdio(server(file, 'server-name'));
    assert.equal(t.env.API_KEY.value, '${env:API_KEY}');
    assertRange(text, t.envFile?.range, '".env"', '8:17');
    assert.equal(remote(server(file, 'remote'), 'http').headers.API_KEY.value, '${env:REMOTE_API_KEY}');
    assert.equal(server(file, 'linear').transport?.kind, 'http');
  });

  it('Windsurf: serverUrl, and disabled', () => {
    const { text, file } = readFixture('windsurf/valid/.codeium/windsurf/mcp_config.json');
    assert.equal(file.format, 'windsurf');
    const figma = remote(server(file, 'figma'), 'http');
    assertRange(text, figma.url.range, '"https://mcp.figma.com/mcp"', '11:19');
    assert.equal(server(file, 'github').options.disabled, false);
    assert.equal(server(file, 'puppeteer').options.disabled, true);
    assertRange(text, server(file, 'puppeteer').optionRanges?.disabled, 'true', '19:18');
  });
});
