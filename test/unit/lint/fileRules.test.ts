import * as assert from 'node:assert/strict';
import { applyFix, at, expectNone, expectOne, P, parseJsonc, run } from './helpers';

describe('lint: file-level rules', () => {
  describe('syntax', () => {
    it('reports a missing comma at its position', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "node" }\n    "b": { "command": "node" }\n  }\n}';
      expectOne(run(t, P.vscode), 'syntax', 'error', at(t, '"b"'));
    });
    it('reports an empty file and a non-object top level', () => {
      expectOne(run('  \n', P.cursor), 'syntax', 'error', '1:1');
      expectOne(run('[1, 2]', P.cursor), 'syntax', 'error', '1:1');
    });
    it('reports TOML and YAML syntax errors', () => {
      const toml = '[mcp_servers.a]\ncommand = "x"\ncommand = "y"\n';
      const t = run(toml, P.codex).filter((f) => f.code === 'syntax');
      assert.deepEqual(t.map((f) => [f.severity, f.range.start.line + 1]), [['error', 3]]);
      const yaml = 'mcpServers:\n  - name: a\n    command: [unclosed\n';
      const y = run(yaml, P.continue).filter((f) => f.code === 'syntax');
      assert.deepEqual(y.map((f) => [f.severity, f.range.start.line + 1]), [['error', 4]]); // the yaml parser notices at the end of the flow
    });
    it('passes valid JSONC, TOML and YAML', () => {
      expectNone(run('{\n  // ok\n  "servers": { "a": { "command": "node", }, },\n}', P.vscode), 'syntax');
      expectNone(run('[mcp_servers.a]\ncommand = "node"\n', P.codex), 'syntax');
      expectNone(run('mcpServers:\n  - name: a\n    command: node\n', P.continue), 'syntax');
    });
  });

  describe('strict-json', () => {
    const t = '{\n  // my servers\n  "mcpServers": {\n    "a": { "command": "node" },\n  }\n}';
    it('is an error for comments and trailing commas in Claude Desktop and Cline', () => {
      for (const p of [P.claudeDesktop, P.cline]) {
        const f = run(t, p).filter((x) => x.code === 'strict-json');
        assert.deepEqual(f.map((x) => [x.severity, `${x.range.start.line + 1}:${x.range.start.character + 1}`]), [['error', at(t, '// my')], ['error', at(t, '},', 1, 1)]]);
      }
    });
    it('is a warning in clients whose tolerance is undocumented (Cursor), nothing in VS Code', () => {
      assert.ok(run(t, P.cursor).filter((x) => x.code === 'strict-json').every((x) => x.severity === 'warning'));
      expectNone(run(t.replace('mcpServers', 'servers'), P.vscode), 'strict-json');
    });
    it('fixes remove the comment and the trailing comma, leaving strict JSON', () => {
      let text = t;
      for (let f = run(text, P.claudeDesktop).find((x) => x.code === 'strict-json'); f; f = run(text, P.claudeDesktop).find((x) => x.code === 'strict-json')) text = applyFix(text, f);
      assert.deepEqual(JSON.parse(text), { mcpServers: { a: { command: 'node' } } });
    });
    it('passes strict JSON', () => expectNone(run('{"mcpServers": {"a": {"command": "node"}}}', P.claudeDesktop), 'strict-json'));
  });

  describe('duplicate-key', () => {
    it('warns at the second key and names the line of the first', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "node" },\n    "a": { "command": "npx", "args": ["-y", "x"] }\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'duplicate-key', 'warning', at(t, '"a"', 2));
      assert.match(f.message, /line 3/);
    });
    it('passes distinct keys', () => expectNone(run('{"servers": {"a": {"command": "node"}, "b": {"command": "node"}}}', P.vscode), 'duplicate-key'));
  });

  describe('top-level-key', () => {
    it('is an error for "servers" in .cursor/mcp.json, with a rename fix that keeps comments', () => {
      const t = '{\n  // team servers\n  "servers": {\n    "a": { "command": "node" }\n  }\n}';
      const f = expectOne(run(t, P.cursor), 'top-level-key', 'error', at(t, '"servers"'));
      const fixed = applyFix(t, f);
      assert.equal(fixed, t.replace('"servers"', '"mcpServers"'));
      expectNone(run(fixed, P.cursor), 'top-level-key');
    });
    it('is a warning for "mcpServers" in .vscode/mcp.json (deprecated alias)', () => {
      const t = '{ "mcpServers": { "a": { "command": "node" } } }';
      const f = expectOne(run(t, P.vscode), 'top-level-key', 'warning', at(t, '"mcpServers"'));
      assert.deepEqual(parseJsonc(applyFix(t, f)), { servers: { a: { command: 'node' } } });
    });
    it('still checks the servers under the wrong key', () => {
      const t = '{ "servers": { "a": { "command": "npx", "args": ["x"] } } }';
      expectOne(run(t, P.cursor), 'npx-yes', 'warning', at(t, '"npx"'));
    });
    it('passes the right key, and Gemini\'s own "mcp" settings object', () => {
      expectNone(run('{ "mcpServers": { "a": { "command": "node" } } }', P.cursor), 'top-level-key');
      expectNone(run('{ "mcp": { "allowed": ["a"] }, "mcpServers": { "a": { "command": "node" } } }', P.gemini), 'top-level-key');
      expectNone(run('{ "mcp": { "excluded": ["a"] } }', P.gemini), 'top-level-key');
    });
  });

  describe('schema', () => {
    it('reports a wrongly typed value at the value', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "node", "cwd": 42 }\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'schema', 'error', at(t, '42'));
      assert.match(f.message, /servers\.a\.cwd must be string, not number 42/);
    });
    it('reports a missing required field at the object key and an out-of-range value', () => {
      const t = '{\n  "servers": { "a": { "command": "node", "args": ["${input:x}"] } },\n  "inputs": [ { "type": "promptString" } ]\n}';
      const f = expectOne(run(t, P.vscode), 'schema', 'error', at(t, '{ "type": "promptString"'));
      assert.match(f.message, /missing the required field "id"/);
      const c = '{"mcpServers": {"a": {"command": "node", "timeout": 0}}}';
      expectOne(run(c, P.cline), 'schema', 'error', at(c, '0}'));
    });
    it('passes a valid file', () => expectNone(run('{"servers": {"a": {"type": "stdio", "command": "node", "cwd": "${workspaceFolder}"}}}', P.vscode), 'schema'));
  });

  describe('unknown-field', () => {
    it('warns with a did-you-mean and renames the key', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "node", "args": ["x.js"], "evn": {} } // keep me\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'unknown-field', 'warning', at(t, '"evn"'));
      assert.match(f.message, /Did you mean "env"\?/);
      assert.ok(applyFix(t, f).includes('"env": {} } // keep me'));
    });
    it('is an error when the server needs the misspelt field ("arg" with no "args"), and renames it', () => {
      const t = '{\n  "servers": {\n    "a": { "command": "node", "arg": ["x.js"] } // keep me\n  }\n}';
      const f = expectOne(run(t, P.vscode), 'unknown-field', 'error', at(t, '"arg"'));
      assert.match(f.message, /Did you mean "args"\?/);
      const fixed = applyFix(t, f);
      assert.ok(fixed.includes('"args": ["x.js"] } // keep me'));
      expectNone(run(fixed, P.vscode), 'unknown-field');
    });
    it('maps another client\'s word (environment → env) and is an error in Codex', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "environment": {"A": "1"}}}}';
      assert.match(expectOne(run(t, P.claudeCode), 'unknown-field', 'warning', at(t, '"environment"')).message, /"env"/);
      const toml = '[mcp_servers.a]\ncommand = "node"\ntool_timout_sec = 5\n';
      assert.match(expectOne(run(toml, P.codex), 'unknown-field', 'error', '3:1').message, /tool_timeout_sec/);
    });
    it('passes known fields', () => expectNone(run('{"mcpServers": {"a": {"command": "node", "args": [], "env": {}, "timeout": 60, "autoApprove": []}}}', P.cline), 'unknown-field'));
  });
});
