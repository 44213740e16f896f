import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { applyFix, at, expectNone, expectOne, P, parseJsonc, pos, run } from './helpers';

describe('lint: per-server rules', () => {
  describe('type-value', () => {
    it('VS Code: "streamableHttp" → "http", with a fix', () => {
      const t = '{\n  "servers": {\n    "r": { "type": "streamableHttp", "url": "https://x.dev/mcp" }\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'type-value', 'error', at(t, '"streamableHttp"'));
      assert.match(f.message, /Use "http"/);
      assert.equal(applyFix(t, f), t.replace('"streamableHttp"', '"http"'));
    });
    it('Cline: "http" → "streamableHttp"; Continue: "streamable_http" → "streamable-http"', () => {
      const t = '{"mcpServers": {"r": {"type": "http", "url": "https://x.dev/mcp"}}}';
      assert.match(expectOne(run(t, P.cline), 'type-value', 'error', at(t, '"http"')).message, /"streamableHttp"/);
      const y = 'mcpServers:\n  - name: r\n    type: streamable_http\n    url: https://x.dev/mcp\n';
      assert.match(expectOne(run(y, P.continue), 'type-value', 'error', '3:11').message, /"streamable-http"/);
    });
    it('a typo of an accepted word ("studio") is fixed to the word it resembles', () => {
      const t = '{"mcpServers": {"gh": {"type": "studio", "command": "node"}}}';
      const f = expectOne(run(t, P.claudeCode), 'type-value', 'error', at(t, '"studio"'));
      assert.match(f.message, /Use "stdio"/);
      assert.equal(applyFix(t, f), t.replace('"studio"', '"stdio"'));
    });
    it('Gemini has no "stdio" word: the fix removes "type"', () => {
      const t = '{"mcpServers": {"s": {"type": "stdio", "command": "node"}}}';
      const f = expectOne(run(t, P.gemini), 'type-value', 'error', at(t, '"stdio"'));
      assert.deepEqual(parseJsonc(applyFix(t, f)), { mcpServers: { s: { command: 'node' } } });
    });
    it('passes the client\'s own words', () => {
      expectNone(run('{"servers": {"r": {"type": "sse", "url": "https://x.dev/sse"}}}', P.vscode), 'type-value');
      expectNone(run('{"mcpServers": {"r": {"type": "streamableHttp", "url": "https://x.dev/mcp"}}}', P.cline), 'type-value');
    });
  });

  describe('transport', () => {
    it('no transport: error at the server name', () => {
      const t = '{\n  "servers": {\n    "empty": { "args": [] }\n  }\n}';
      expectOne(run(t, P.vscode), 'transport', 'error', at(t, '"empty"'));
    });
    it('command and url together: error at the server name, the two fields as related information', () => {
      const t = '{\n  "mcpServers": {\n    "x": {\n      "command": "node",\n      "url": "https://x.dev/mcp"\n    }\n  }\n}';
      const f = expectOne(run(t, P.cursor), 'transport', 'error', at(t, '"x"'));
      assert.deepEqual(f.related?.map((r) => [pos({ ...f, range: r.range }), r.message]), [
        [at(t, '"command"'), '"command" (server "x"): the command: a local process'],
        [at(t, '"url"'), '"url" (server "x"): the URL: a remote server'],
      ]);
    });
    it('a whole-server problem in a Continue YAML list is on the server\'s name', () => {
      const y = 'name: b\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - name: both\n    command: node\n    url: https://x.dev/mcp\n';
      const f = expectOne(run(y, P.continue), 'transport', 'error', '5:11');
      assert.deepEqual(f.related?.map((r) => r.range.start.line + 1), [6, 7]);
    });
    it('serverUrl in Cursor: error with a rename fix; fine in Windsurf', () => {
      const t = '{"mcpServers": {"x": {"serverUrl": "https://x.dev/mcp"}}}';
      const f = expectOne(run(t, P.cursor), 'transport', 'error', at(t, '"serverUrl"'));
      assert.equal(applyFix(t, f), t.replace('"serverUrl"', '"url"'));
      expectNone(run(t, P.windsurf), 'transport');
    });
    it('a remote server in Claude Desktop; two URL keys in Gemini; a type that contradicts the fields', () => {
      const d = '{"mcpServers": {"x": {"url": "https://x.dev/mcp"}}}';
      assert.match(expectOne(run(d, P.claudeDesktop), 'transport', 'error', at(d, '"url"')).message, /stdio servers only/);
      const g = '{"mcpServers": {"x": {"url": "https://x.dev/sse", "httpUrl": "https://x.dev/mcp"}}}';
      const two = expectOne(run(g, P.gemini), 'transport', 'error', at(g, '"x"'));
      assert.deepEqual(two.related?.map((r) => pos({ ...two, range: r.range })), [at(g, '"url"'), at(g, '"httpUrl"')]);
      const v = '{"servers": {"x": {"type": "stdio", "url": "https://x.dev/mcp"}}}';
      expectOne(run(v, P.vscode), 'transport', 'error', at(v, '"stdio"'));
    });
    it('passes one transport per server', () => {
      expectNone(run('{"servers": {"a": {"command": "node"}, "b": {"type": "http", "url": "https://x.dev/mcp"}}}', P.vscode), 'transport');
    });
  });

  describe('url', () => {
    it('malformed URL: error at the value', () => {
      const t = '{"servers": {"r": {"type": "http", "url": "example.com/mcp"}}}';
      assert.match(expectOne(run(t, P.vscode), 'url', 'error', at(t, '"example.com')).message, /https:\/\/example\.com\/mcp/);
    });
    it('plain http to a remote host: warning, fix to https', () => {
      const t = '{"servers": {"r": {"type": "http", "url": "http://mcp.example.com/mcp"}}}';
      const f = expectOne(run(t, P.vscode), 'url', 'warning', at(t, '"http://'));
      assert.equal(applyFix(t, f), t.replace('http://mcp', 'https://mcp'));
    });
    it('a scheme the client cannot use', () => {
      const t = '{"mcpServers": {"r": {"url": "ftp://x.dev/mcp"}}}';
      expectOne(run(t, P.claudeCode), 'url', 'error', at(t, '"ftp'));
    });
    it('passes https, loopback http, unix sockets in VS Code, and variables', () => {
      for (const u of ['https://x.dev/mcp', 'http://localhost:3000/mcp', 'http://127.0.0.1:8080/mcp', 'http://[::1]:9/mcp', 'unix:///tmp/mcp.sock', '${input:url}']) {
        expectNone(run(`{"servers": {"r": {"type": "http", "url": ${JSON.stringify(u)}}}, "inputs": [{"id": "url", "type": "promptString"}]}`, P.vscode), 'url');
      }
    });
  });

  describe('value-type', () => {
    it('args as one string: error, fix splits it', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "args": "server.js --port \\"30 00\\""}}}';
      const f = expectOne(run(t, P.claudeCode), 'value-type', 'error', at(t, '"server.js'));
      assert.deepEqual((parseJsonc(applyFix(t, f)) as { mcpServers: { a: { args: string[] } } }).mcpServers.a.args, ['server.js', '--port', '30 00']);
    });
    it('a number in env: error outside VS Code (fix quotes it), fine in VS Code', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "env": {"PORT": 8080}}}}';
      const f = expectOne(run(t, P.claudeCode), 'value-type', 'error', at(t, '8080'));
      assert.equal(applyFix(t, f), t.replace('8080', '"8080"'));
      expectNone(run('{"servers": {"a": {"command": "node", "env": {"PORT": 8080, "X": null}}}}', P.vscode), 'value-type');
    });
    it('passes arrays of strings and string maps', () => expectNone(run('{"mcpServers": {"a": {"command": "node", "args": ["a"], "env": {"A": "1"}}}}', P.cursor), 'value-type'));
  });

  describe('npx-yes', () => {
    it('warns at the command and inserts "-y" first', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "npx", "args": ["@scope/pkg", "--flag"] } // c\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'npx-yes', 'warning', at(t, '"npx"'));
      const fixed = applyFix(t, f);
      assert.ok(fixed.includes('"args": ["-y", "@scope/pkg", "--flag"] } // c'));
    });
    it('creates args when there are none', () => {
      const t = '{"mcpServers": {"a": {"command": "npx"}}}';
      const f = expectOne(run(t, P.cursor), 'npx-yes', 'warning', at(t, '"npx"'));
      assert.deepEqual((parseJsonc(applyFix(t, f)) as { mcpServers: { a: { args: string[] } } }).mcpServers.a.args, ['-y']);
    });
    it('passes -y and --yes', () => {
      expectNone(run('{"mcpServers": {"a": {"command": "npx", "args": ["-y", "p"]}, "b": {"command": "npx", "args": ["--yes", "p"]}}}', P.cursor), 'npx-yes');
    });
  });

  describe('timeout-unit', () => {
    it('Cline timeout 60000 (seconds): warning, fix 60', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "timeout": 60000}}}';
      const f = expectOne(run(t, P.cline), 'timeout-unit', 'warning', at(t, '60000'));
      assert.equal(applyFix(t, f), t.replace('60000', '60'));
    });
    it('Gemini timeout 30 (milliseconds): warning, fix 30000', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "timeout": 30}}}';
      const f = expectOne(run(t, P.gemini), 'timeout-unit', 'warning', at(t, '30}'));
      assert.equal(applyFix(t, f), t.replace(': 30}', ': 30000}'));
    });
    it('Continue connectionTimeout 30 (milliseconds, as the reader counts it): warning, did you mean 30000', () => {
      const t = 'mcpServers:\n  - name: a\n    command: node\n    connectionTimeout: 30\n';
      const f = expectOne(run(t, P.continue), 'timeout-unit', 'warning', at(t, '30\n'));
      assert.match(f.message, /Continue counts this field in milliseconds.*Did you mean 30000/);
      expectNone(run(t.replace(': 30\n', ': 30000\n'), P.continue), 'timeout-unit');
    });
    it('passes plausible values', () => {
      expectNone(run('{"mcpServers": {"a": {"command": "node", "timeout": 60}}}', P.cline), 'timeout-unit');
      expectNone(run('{"mcpServers": {"a": {"command": "node", "timeout": 30000}}}', P.gemini), 'timeout-unit');
    });
  });

  describe('server-name', () => {
    it('Codex rejects a dotted name: error at the table key', () => {
      const t = '[mcp_servers."docs.internal"]\ncommand = "node"\n';
      expectOne(run(t, P.codex), 'server-name', 'error', at(t, '"docs.internal"'));
    });
    it('an empty name is an error everywhere; padded names a warning', () => {
      const t = '{"servers": {"": {"command": "node"}, " a ": {"command": "node"}}}';
      const f = run(t, P.vscode).filter((x) => x.code === 'server-name');
      assert.deepEqual(f.map((x) => [x.severity, x.range.start.character + 1]), [['error', Number(at(t, '""').split(':')[1])], ['warning', Number(at(t, '" a "').split(':')[1])]]);
    });
    it('passes ordinary names', () => expectNone(run('[mcp_servers.my-server_2]\ncommand = "node"\n', P.codex), 'server-name'));
  });

  describe('env-name', () => {
    it('warns about a non-portable name, errors on "="', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "env": {"MY-VAR": "1", "A=B": "2"}}}}';
      const f = run(t, P.claudeCode).filter((x) => x.code === 'env-name');
      assert.deepEqual(f.map((x) => [x.severity, `${x.range.start.line + 1}:${x.range.start.character + 1}`]), [['warning', at(t, '"MY-VAR"')], ['error', at(t, '"A=B"')]]);
    });
    it('passes identifiers', () => expectNone(run('{"mcpServers": {"a": {"command": "node", "env": {"_A1": "1", "GITHUB_TOKEN_FILE": "x"}}}}', P.claudeCode), 'env-name'));
  });

  describe('command-not-found', () => {
    it('warns at the command, says which PATH was searched and hints at nvm and absolute paths', () => {
      const t = '{"servers": {"a": {"command": "mcp-nowhere"}}}';
      const f = expectOne(run(t, P.vscode), 'command-not-found', 'warning', at(t, '"mcp-nowhere"'));
      assert.match(f.message, /\/usr\/local\/bin:\/usr\/bin/);
      assert.match(f.message, /nvm/);
      assert.match(f.message, /absolute path/);
    });
    it("searches the server's own env.PATH when it sets one", () => {
      const seen: string[] = [];
      const t = '{"servers": {"a": {"command": "tool", "env": {"PATH": "/opt/tool/bin"}}}}';
      const f = run(t, P.vscode, { which: (_c, p) => (seen.push(p), null) }).find((x) => x.code === 'command-not-found');
      assert.deepEqual(seen, ['/opt/tool/bin']);
      assert.match(f?.message ?? '', /its env\.PATH: \/opt\/tool\/bin/);
    });
    it('uses the real `which` with an explicit PATH by default', () => {
      const t = '{"servers": {"a": {"command": "node"}}}';
      expectNone(run(t, P.vscode, { which: undefined, env: { PATH: path.dirname(process.execPath) } }), 'command-not-found');
      assert.equal(run(t, P.vscode, { which: undefined, env: { PATH: '/nonexistent-dir' } }).filter((x) => x.code === 'command-not-found').length, 1);
    });
    it('passes found commands and commands with variables', () => {
      expectNone(run('{"servers": {"a": {"command": "node"}, "b": {"command": "${workspaceFolder}/bin/x"}}}', P.vscode), 'command-not-found');
    });
  });
});
