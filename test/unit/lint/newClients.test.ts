import * as assert from 'node:assert/strict';
import { applyFix, at, expectNone, expectOne, P, parseJsonc, run } from './helpers';

/** After applying `fix`, the file lints with no error. */
const clean = (text: string, path: string) => assert.deepEqual(run(text, path).filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`), []);

describe('lint: Kiro, Zed, GitHub Copilot CLI, Roo Code, OpenCode, VS Code settings.json', () => {
  describe('OpenCode', () => {
    it('a command string with args beside it (pasted from another client): one error, the fix writes one array and removes args', () => {
      const t = '{\n  "mcp": {\n    "fs": {\n      "type": "local",\n      "command": "npx",\n      "args": ["-y", "@modelcontextprotocol/server-filesystem", "."]\n    }\n  }\n}';
      const found = run(t, P.opencode);
      const f = expectOne(found, 'value-type', 'error', at(t, '"npx"'));
      expectNone(found, 'schema');
      expectNone(found, 'unknown-field');
      const fixed = applyFix(t, f);
      assert.deepEqual(parseJsonc(fixed), { mcp: { fs: { type: 'local', command: ['npx', '-y', '@modelcontextprotocol/server-filesystem', '.'] } } });
      clean(fixed, P.opencode);
    });

    it('"env" is an unknown field OpenCode refuses the file over: an error, renamed to "environment"', () => {
      const t = '{"mcp": {"a": {"type": "local", "command": ["node", "s.js"], "env": {"X": "1"}}}}';
      const f = expectOne(run(t, P.opencode), 'unknown-field', 'error', at(t, '"env"'));
      assert.match(f.message, /OpenCode refuses to load/);
      assert.deepEqual(parseJsonc(applyFix(t, f)), { mcp: { a: { type: 'local', command: ['node', 's.js'], environment: { X: '1' } } } });
    });

    it('${X} and $X are not expanded: rewritten as {env:X}; {env:X} passes', () => {
      const t = '{"mcp": {"a": {"type": "remote", "url": "https://x.dev/mcp", "headers": {"Authorization": "Bearer ${TOKEN}"}}}}';
      const f = expectOne(run(t, P.opencode), 'variable-syntax', 'warning', at(t, '${TOKEN}'));
      const fixed = applyFix(t, f);
      assert.ok(fixed.includes('"Bearer {env:TOKEN}"'));
      expectNone(run(fixed, P.opencode), 'variable-syntax');
    });

    it('type words are local and remote ("http" → "remote"); npx without -y inside the command array is fixed there', () => {
      const t = '{"mcp": {"r": {"type": "http", "url": "https://x.dev/mcp"}, "l": {"type": "local", "command": ["npx", "pkg"]}}}';
      const found = run(t, P.opencode);
      assert.equal(applyFix(t, expectOne(found, 'type-value', 'error', at(t, '"http"'))), t.replace('"http"', '"remote"'));
      const npx = expectOne(found, 'npx-yes', 'warning', at(t, '"npx"'));
      assert.deepEqual((parseJsonc(applyFix(t, npx)) as { mcp: { l: { command: string[] } } }).mcp.l.command, ['npx', '-y', 'pkg']);
    });

    it('command-not-found looks at the first item of the command array', () => {
      const t = '{"mcp": {"l": {"type": "local", "command": ["nosuchprogram", "x"]}}}';
      expectOne(run(t, P.opencode), 'command-not-found', 'warning', at(t, '"nosuchprogram"'));
    });

    it('{env:X} is a reference, not a hard-coded secret', () => {
      expectNone(run('{"mcp": {"a": {"type": "remote", "url": "https://x.dev/mcp", "headers": {"API_KEY": "{env:SOME_LONG_API_KEY_NAME}"}}}}', P.opencode), 'secret');
    });

    it('only the mcp key is linted: the rest of opencode.json is OpenCode\'s', () => {
      const t = '{"$schema": "https://opencode.ai/config.json", "theme": "x", "agent": {"a": {"whatever": 1}}, "mcp": {}}';
      assert.deepEqual(run(t, P.opencode), []);
    });
  });

  describe('Roo Code', () => {
    it('a url without type: an error with a fix that adds "streamable-http"', () => {
      const t = '{\n  "mcpServers": {\n    "r": { "url": "https://x.dev/mcp" }\n  }\n}';
      const f = expectOne(run(t, P.roo), 'transport', 'error', at(t, '"url"'));
      const fixed = applyFix(t, f);
      assert.deepEqual(parseJsonc(fixed), { mcpServers: { r: { url: 'https://x.dev/mcp', type: 'streamable-http' } } });
      clean(fixed, P.roo);
    });

    it('autoApprove is Cline\'s word: renamed to alwaysAllow; strict JSON; timeout in seconds', () => {
      const t = '{"mcpServers": {"l": {"command": "node", "autoApprove": ["a"], "timeout": 30000}}}';
      const found = run(t, P.roo);
      assert.match(expectOne(found, 'unknown-field', 'warning', at(t, '"autoApprove"')).message, /Did you mean "alwaysAllow"/);
      assert.match(expectOne(found, 'timeout-unit', 'warning', at(t, '30000')).message, /Did you mean 30\?/);
      assert.match(expectOne(run('{"mcpServers": {} // note\n}', P.roo), 'strict-json', 'error', '1:19').message, /Roo Code rejects the whole file/);
    });

    it('${env:X} passes, ${X} is rewritten', () => {
      const t = '{"mcpServers": {"l": {"command": "node", "env": {"A": "${env:A}", "B": "${B}"}}}}';
      const f = expectOne(run(t, P.roo), 'variable-syntax', 'warning', at(t, '${B}'));
      assert.ok(applyFix(t, f).includes('"${env:B}"'));
    });
  });

  describe('Kiro and GitHub Copilot CLI: ${VAR}', () => {
    it('Kiro: ${env:X} → ${X}; a type field is unknown to Kiro', () => {
      const t = '{"mcpServers": {"a": {"type": "stdio", "command": "node", "env": {"K": "${env:K}"}}}}';
      const found = run(t, P.kiro);
      assert.ok(applyFix(t, expectOne(found, 'variable-syntax', 'warning', at(t, '${env:K}'))).includes('"${K}"'));
      expectOne(found, 'unknown-field', 'warning', at(t, '"type"'));
    });

    it('Copilot CLI: "streamable-http" → "http"; "local" and "stdio" both pass', () => {
      const t = '{"mcpServers": {"r": {"type": "streamable-http", "url": "https://x.dev/mcp", "tools": ["*"]}, "a": {"type": "local", "command": "node", "tools": ["*"]}, "b": {"type": "stdio", "command": "node"}}}';
      const f = expectOne(run(t, P.copilotCli), 'type-value', 'error', at(t, '"streamable-http"'));
      clean(applyFix(t, f), P.copilotCli);
    });
  });

  describe('Zed', () => {
    it('servers under "mcpServers" in Zed\'s settings: renamed to "context_servers"; other settings are not linted', () => {
      const t = '{\n  "theme": "One Dark",\n  "vim_mode": true,\n  "mcpServers": { "a": { "command": "node" } }\n}';
      const f = expectOne(run(t, P.zed), 'top-level-key', 'error', at(t, '"mcpServers"'));
      const fixed = applyFix(t, f);
      assert.deepEqual(run(fixed, P.zed), []);
    });

    it('the 2025 command object and an extension\'s server (settings only) are valid; timeout counts seconds', () => {
      const t = '{"context_servers": {"a": {"command": {"path": "node", "args": ["s.js"]}}, "b": {"settings": {}}, "c": {"command": "node", "timeout": 60000}}}';
      const found = run(t, P.zed);
      expectNone(found, 'transport');
      expectNone(found, 'schema');
      expectOne(found, 'timeout-unit', 'warning', at(t, '60000'));
    });

    it('Zed expands no variables', () => {
      const t = '{"context_servers": {"a": {"command": "node", "env": {"K": "${K}"}}}}';
      assert.match(expectOne(run(t, P.zed), 'variable-syntax', 'warning', at(t, '${K}')).message, /Zed does not expand/);
    });
  });

  describe("VS Code's legacy settings.json key", () => {
    it('lints mcp.servers and mcp.inputs like .vscode/mcp.json, nothing else of the file', () => {
      const t = '{\n  "editor.fontSize": "not a number but not ours",\n  "mcp": {\n    "inputs": [],\n    "servers": { "gh": { "command": "npx", "args": ["-y", "x"], "env": { "T": "${input:tok}" } } }\n  }\n}';
      const found = run(t, P.vscodeSettings);
      expectOne(found, 'input-undefined', 'error', at(t, '${input:tok}', 1, 0));
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.code)));
    });
  });
});
