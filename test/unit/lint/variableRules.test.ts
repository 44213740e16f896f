import * as assert from 'node:assert/strict';
import { applyFix, at, expectNone, expectOne, P, parseJsonc, run } from './helpers';

type VsFile = { servers: Record<string, { env?: Record<string, string>; headers?: Record<string, string> }>; inputs?: { id: string; type: string; password?: boolean }[] };

describe('lint: variables, inputs and secrets', () => {
  describe('input-undefined', () => {
    const t = '{\n  // comment kept\n  "servers": {\n    "gh": { "command": "node", "env": { "API_TOKEN": "${input:gh-token}" } }\n  }\n}';
    it('is an error at the reference itself', () => {
      expectOne(run(t, P.vscode), 'input-undefined', 'error', at(t, '${input:gh-token}'));
    });
    it('the fix adds a password input (creating "inputs") and keeps the comment', () => {
      const fixed = applyFix(t, run(t, P.vscode).find((f) => f.code === 'input-undefined')!);
      assert.ok(fixed.includes('// comment kept'));
      const v = parseJsonc(fixed) as VsFile;
      assert.deepEqual(v.inputs?.map((i) => [i.id, i.type, i.password]), [['gh-token', 'promptString', true]]);
      expectNone(run(fixed, P.vscode), 'input-undefined');
    });
    it('appends to an existing "inputs" array', () => {
      const u = '{\n  "inputs": [\n    { "type": "promptString", "id": "a" }\n  ],\n  "servers": { "s": { "command": "node", "args": ["${input:a}", "${input:b}"] } }\n}';
      const fixed = applyFix(u, expectOne(run(u, P.vscode), 'input-undefined', 'error', at(u, '${input:b}')));
      assert.deepEqual((parseJsonc(fixed) as VsFile).inputs?.map((i) => i.id), ['a', 'b']);
    });
    it('passes a declared input', () => {
      expectNone(run('{"servers": {"s": {"command": "node", "args": ["${input:a}"]}}, "inputs": [{"type": "promptString", "id": "a"}]}', P.vscode), 'input-undefined');
    });
  });

  describe('input-unused', () => {
    it('warns at the id and removes the input', () => {
      const t = '{\n  "inputs": [\n    { "type": "promptString", "id": "old" }\n  ],\n  "servers": { "s": { "command": "node" } }\n}';
      const f = expectOne(run(t, P.vscode), 'input-unused', 'warning', at(t, '"old"'));
      assert.deepEqual((parseJsonc(applyFix(t, f)) as VsFile).inputs, []);
    });
    it('passes a used input', () => {
      expectNone(run('{"servers": {"s": {"command": "node", "env": {"A": "${input:a}"}}}, "inputs": [{"type": "promptString", "id": "a"}]}', P.vscode), 'input-unused');
    });
  });

  describe('variable-syntax', () => {
    it('Claude Code: ${env:X} → ${X}, fixed in place', () => {
      const t = '{"mcpServers": {"a": {"type": "http", "url": "https://x.dev/mcp", "headers": {"Authorization": "Bearer ${env:API_TOKEN}"}}}}';
      const f = expectOne(run(t, P.claudeCode), 'variable-syntax', 'warning', at(t, '${env:'));
      assert.equal(applyFix(t, f), t.replace('${env:API_TOKEN}', '${API_TOKEN}'));
    });
    it('VS Code: $HOME and ${HOME} → ${env:HOME}', () => {
      const t = '{"servers": {"a": {"command": "node", "args": ["$HOME/x", "${HOME}/y"]}}}';
      const f = run(t, P.vscode).filter((x) => x.code === 'variable-syntax');
      assert.deepEqual(f.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1}`), [at(t, '$HOME'), at(t, '${HOME}')]);
      assert.equal(applyFix(t, f[0]), t.replace('$HOME/x', '${env:HOME}/x'));
    });
    it('Claude Desktop expands nothing: warning without a fix', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "env": {"A": "${HOME}"}}}}';
      const f = expectOne(run(t, P.claudeDesktop), 'variable-syntax', 'warning', at(t, '${HOME}'));
      assert.equal(f.fixes, undefined);
    });
    it("passes each client's own syntax", () => {
      expectNone(run('{"servers": {"a": {"command": "node", "args": ["${workspaceFolder}", "${env:HOME}", "${userHome}"]}}}', P.vscode), 'variable-syntax');
      expectNone(run('{"mcpServers": {"a": {"command": "node", "args": ["${HOME}", "${X:-d}"]}}}', P.claudeCode), 'variable-syntax');
      expectNone(run('{"mcpServers": {"a": {"command": "node", "args": ["$HOME", "${HOME}"]}}}', P.gemini), 'variable-syntax');
      expectNone(run('{"mcpServers": {"a": {"command": "node", "args": ["${env:HOME}", "${workspaceFolder}"]}}}', P.cursor), 'variable-syntax');
      expectNone(run('{"servers": {"a": {"command": "bash", "args": ["-c", "exec $HOME/bin/server"]}}}', P.vscode), 'variable-syntax');
    });
  });

  describe('secret', () => {
    const token = 'ghp_' + 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE3fG5';
    it('VS Code: warns at the value without printing it; the fix moves it into a password input', () => {
      const t = `{\n  // keep\n  "servers": {\n    "gh": { "command": "node", "env": { "GITHUB_TOKEN": "${token}" } }\n  }\n}`;
      const f = expectOne(run(t, P.vscode), 'secret', 'warning', at(t, token));
      assert.ok(!f.message.includes(token.slice(4, 12)), f.message);
      assert.match(f.message, /GitHub token/);
      const fixed = applyFix(t, f);
      assert.ok(fixed.includes('// keep') && !fixed.includes(token));
      const v = parseJsonc(fixed) as VsFile;
      assert.equal(v.servers.gh.env?.GITHUB_TOKEN, '${input:github-token}');
      assert.deepEqual(v.inputs?.map((i) => [i.id, i.password]), [['github-token', true]]);
      assert.deepEqual(run(fixed, P.vscode).filter((x) => x.severity !== 'info').map((x) => x.code), []);
    });
    it('the VS Code fix works when "inputs" comes first and the file is one line', () => {
      const t = `{"inputs": [], "servers": {"gh": {"type": "http", "url": "https://x.dev/mcp", "headers": {"Authorization": "Bearer ${token}"}}}}`;
      const fixed = applyFix(t, run(t, P.vscode).find((x) => x.code === 'secret')!);
      const v = parseJsonc(fixed) as VsFile;
      assert.equal(v.servers.gh.headers?.Authorization, 'Bearer ${input:gh-auth}');
      assert.deepEqual(v.inputs?.map((i) => i.id), ['gh-auth']);
    });
    it('Claude Code and Cursor: the fix is an env reference in their syntax', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "env": {"OPENAI_API_KEY": "sk-proj-abcdefghijklmnopqrstuvwxyz012345"}}}}';
      assert.equal(applyFix(t, expectOne(run(t, P.claudeCode), 'secret', 'warning', at(t, '"sk-', 1, 1))), t.replace(/sk-proj-\w+/, '${OPENAI_API_KEY}'));
      assert.equal(applyFix(t, run(t, P.cursor).find((x) => x.code === 'secret')!), t.replace(/sk-proj-\w+/, '${env:OPENAI_API_KEY}'));
    });
    it('Continue: checks requestOptions.headers and advises a ${{ secrets.NAME }} reference', () => {
      const t = `mcpServers:\n  - name: gh\n    type: streamable-http\n    url: https://x.dev/mcp\n    requestOptions:\n      headers:\n        Authorization: Bearer ${token}\n`;
      // a plain YAML scalar is its value as written: the finding covers the token, not the whole value
      const f = expectOne(run(t, P.continue), 'secret', 'warning', at(t, token));
      assert.ok(!f.message.includes(token.slice(4, 12)), f.message);
      assert.match(f.message, /mcpServers\[0\]\.requestOptions\.headers\.Authorization: it looks like a GitHub token/);
      assert.match(f.message, /write "\$\{\{ secrets\.GH_TOKEN \}\}" here/);
    });
    it('finds high-entropy values under secret-looking names and tokens in args', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "args": ["--api-key", "Zx8Qw2Lp9Vb4Nm7Kd3Rt"], "env": {"DB_PASSWORD": "h7Gk2Lq9Xw4Zp8Vn"}}}}';
      const f = run(t, P.claudeCode).filter((x) => x.code === 'secret');
      assert.deepEqual(f.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1}`), [at(t, 'Zx8Q'), at(t, 'h7Gk')]);
    });
    it('passes references, placeholders and ordinary values', () => {
      expectNone(run('{"servers": {"a": {"command": "node", "env": {"TOKEN": "${input:t}", "API_KEY": "your-api-key-here", "KEY_FILE": "/etc/keys/a.pem", "LOG_LEVEL": "debug"}}}, "inputs": [{"type": "promptString", "id": "t"}]}', P.vscode), 'secret');
      expectNone(run('{"mcpServers": {"a": {"type": "http", "url": "https://x.dev", "headers": {"Authorization": "Bearer ${TOKEN}"}}}}', P.claudeCode), 'secret');
    });
  });
});
