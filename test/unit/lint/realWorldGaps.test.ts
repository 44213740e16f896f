/**
 * Issue 14, item 1: gaps found by linting real-world configs. Each gap has a broken file and a valid
 * one under test/fixtures/lint/gaps/<gap>/: the broken one gets exactly the finding the gap asks for
 * (where, how severe, its fix or related fields), the valid one none of it.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lintFile, type Finding } from '../../../src/core/lint';
import { applyFix, at, DET, expectNone, expectOne, only, P, parseJsonc, pos, run } from './helpers';

const GAPS = path.resolve(__dirname, '../../../../test/fixtures/lint/gaps');
const file = (rel: string) => path.join(GAPS, rel);
const text = (rel: string) => readFileSync(file(rel), 'utf8');
const lintGap = (rel: string) => lintFile(file(rel), DET);
const errors = (f: Finding[]) => f.filter((x) => x.severity === 'error').map((x) => `${x.code} ${pos(x)}: ${x.message}`);

describe("lint: gaps found by linting real-world configs (issue 14)", () => {
  describe("Windsurf's mcp_config.json anywhere", () => {
    it('a broken copy outside ~/.codeium/windsurf is linted as Windsurf (not "unknown format")', async () => {
      const f = await lintGap('windsurf-anywhere/broken/mcp_config.json');
      expectNone(f, 'unknown-format');
      assert.match(expectOne(f, 'transport', 'error', at(text('windsurf-anywhere/broken/mcp_config.json'), '"httpUrl"')).message, /Windsurf does not read "httpUrl".*"serverUrl"/);
    });
    it('a valid copy lints clean', async () => {
      assert.deepEqual((await lintGap('windsurf-anywhere/valid/mcp_config.json')).map((x) => x.code), []);
    });
  });

  describe('command-line: a whole command line in "command"', () => {
    const rel = 'command-line/broken/.vscode/mcp.json';
    it('flags each one at the command, with a fix that splits it into command + args (prepended to existing args)', async () => {
      const t = text(rel);
      const f = only(await lintGap(rel), 'command-line');
      assert.deepEqual(f.map(pos), [at(t, '"npx -y'), at(t, '"uvx'), at(t, '"python')]);
      assert.ok(f.every((x) => x.severity === 'error'));
      assert.match(f[0].message, /looks for a program named "npx -y @modelcontextprotocol\/server-everything"/);
      const servers = (s: string) => (parseJsonc(s) as { servers: Record<string, unknown> }).servers;
      assert.deepEqual(servers(applyFix(t, f[0])).everything, { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] });
      assert.deepEqual(servers(applyFix(t, f[1])).time, { command: 'uvx', args: ['mcp-server-time', '--local-timezone=Europe/Paris', '--verbose'] });
      assert.deepEqual(servers(applyFix(t, f[2])).quoted, { command: 'python', args: ['my server.py', '--port', '3000'] });
      assert.ok(applyFix(t, f[0]).includes("// copied from a README's one-liner"), 'the comment is kept');
      // once split, the file has no command-line finding, and npx is checked as npx again
      const after = run(applyFix(t, f[0]), P.vscode);
      assert.deepEqual(only(after, 'command-line').length, 2);
    });
    it('command-not-found does not report the same string again', async () => {
      expectNone(await lintGap(rel), 'command-not-found');
    });
    it('leaves alone paths with spaces (Windows, macOS apps), and a whole string that is an existing file', async () => {
      const f = await lintGap('command-line/valid/.vscode/mcp.json');
      expectNone(f, 'command-line');
      assert.deepEqual(errors(f), []);
      const exists = run('{"servers": {"a": {"command": "/opt/My Tools/server"}}}', P.vscode, { which: (c) => (c === '/opt/My Tools/server' ? c : null) });
      expectNone(exists, 'command-line');
      // an absolute program that exists, followed by arguments, is a command line
      const t = '{"servers": {"a": {"command": "/usr/bin/python3 server.py"}}}';
      expectOne(run(t, P.vscode, { which: (c) => (c === '/usr/bin/python3' ? c : null) }), 'command-line', 'error', at(t, '"/usr/bin/python3'));
    });
    it('a leading NAME=value is named as an environment variable; no fix', () => {
      const t = '{"mcpServers": {"a": {"command": "API_KEY=x node server.js"}}}';
      const f = expectOne(run(t, P.claudeCode), 'command-line', 'error', at(t, '"API_KEY'));
      assert.match(f.message, /"API_KEY=…" is not an environment variable here. Move it into "env"/);
      assert.equal(f.fixes, undefined);
    });
  });

  describe('input-options: VS Code pickString inputs without options', () => {
    it('flags a pickString with no options and one with an empty list; the fix makes it a promptString', async () => {
      const rel = 'pick-string/broken/.vscode/mcp.json';
      const t = text(rel);
      const f = only(await lintGap(rel), 'input-options');
      assert.deepEqual(f.map((x) => [pos(x), x.severity]), [[at(t, '"pickString"'), 'error'], [at(t, '"options"'), 'error']]);
      assert.match(f[0].message, /Input "region" is a "pickString" but has no "options"/);
      assert.match(f[1].message, /Input "tier" .* empty "options"/);
      const fixed = parseJsonc(applyFix(t, f[0])) as { inputs: { type: string }[] };
      assert.equal(fixed.inputs[0].type, 'promptString');
    });
    it('passes a pickString with options', async () => {
      expectNone(await lintGap('pick-string/valid/.vscode/mcp.json'), 'input-options');
    });
  });

  describe('server-name: names a client rejects or mangles', () => {
    it('Claude Code: characters "claude mcp add" refuses, and "__"; a rename fix', async () => {
      const rel = 'server-name/broken/cc/.mcp.json';
      const t = text(rel);
      const f = only(await lintGap(rel), 'server-name');
      assert.deepEqual(f.map((x) => [pos(x), x.severity]), [[at(t, '"Astro docs"'), 'warning'], [at(t, '"my__server"'), 'warning']]);
      assert.match(f[0].message, /Names can only contain letters, numbers, hyphens, and underscores.*e\.g\. to "Astro-docs"/);
      assert.match(f[1].message, /splits "mcp__<server>__<tool>" on "__".*"my_server"/);
      assert.ok(applyFix(t, f[0]).includes('"Astro-docs": {'));
      expectNone(await lintGap('server-name/valid/cc/.mcp.json'), 'server-name');
    });
    it('Gemini CLI: characters its API refuses in "<server>__<tool>", and "__"; dots are fine', async () => {
      const rel = 'server-name/broken/.gemini/settings.json';
      const t = text(rel);
      const f = only(await lintGap(rel), 'server-name');
      assert.deepEqual(f.map((x) => [pos(x), x.severity]), [[at(t, '"google workspace"'), 'warning'], [at(t, '"a__b"'), 'warning']]);
      assert.match(f[0].message, /Gemini API accepts only letters, digits/);
      expectNone(await lintGap('server-name/valid/.gemini/settings.json'), 'server-name');
    });
    it('Cursor: a name that alone reaches its 60-character limit for server + tool names', () => {
      const long = 'company-internal-knowledge-base-search-and-retrieval-server-v2';
      const t = `{"mcpServers": {"${long}": {"command": "node"}, "kb": {"command": "node"}}}`;
      const f = expectOne(run(t, P.cursor), 'server-name', 'warning', at(t, `"${long}"`));
      assert.match(f.message, /60 characters/);
      assert.ok(applyFix(t, f).includes('"company-internal-knowledge-bas"'));
    });
    it('Codex keeps its error; clients with nothing documented (Cursor, VS Code) say nothing of a dotted name', () => {
      const t = '[mcp_servers."docs.internal"]\ncommand = "node"\n';
      assert.match(expectOne(run(t, P.codex), 'server-name', 'error', at(t, '"docs.internal"')).message, /Codex rejects it/);
      expectNone(run('{"mcpServers": {"docs.internal": {"command": "node"}}}', P.cursor), 'server-name');
      expectNone(run('{"servers": {"docs.internal": {"command": "node"}}}', P.vscode), 'server-name');
    });
  });

  describe('transport: a whole-server problem on the server\'s key, the fields as related information', () => {
    it('a command and a URL; no transport at all', async () => {
      const rel = 'whole-server/broken/.cursor/mcp.json';
      const t = text(rel);
      const f = only(await lintGap(rel), 'transport');
      assert.deepEqual(f.map(pos), [at(t, '"confused"'), at(t, '"empty"')]);
      assert.deepEqual(f[0].related?.map((r) => pos({ ...f[0], range: r.range })), [at(t, '"command"'), at(t, '"url"')]);
      assert.equal(f[1].related, undefined);
      expectNone(await lintGap('whole-server/valid/.cursor/mcp.json'), 'transport');
    });
  });

  describe('unknown-field: a typo that breaks the server is the one error, on the typo', () => {
    it('"comand", "ulr", "arg": one error each, with the rename; no "no transport", no npx-yes', async () => {
      const rel = 'typo/broken/.cursor/mcp.json';
      const t = text(rel);
      const f = await lintGap(rel);
      assert.deepEqual(errors(f).map((e) => e.split(':')[0] + ':' + e.split(':')[1]), [`unknown-field ${at(t, '"comand"')}`, `unknown-field ${at(t, '"ulr"')}`, `unknown-field ${at(t, '"arg"')}`]);
      assert.deepEqual(f.map((x) => x.code), ['unknown-field', 'unknown-field', 'unknown-field']);
      const fixed = f.reduceRight((acc, x) => applyFix(acc, x), t);
      assert.deepEqual(run(fixed, path.join(GAPS, 'typo/valid/.cursor/mcp.json')), []);
      assert.deepEqual(parseJsonc(fixed), parseJsonc(text('typo/valid/.cursor/mcp.json')));
    });
    it('a typo beside a field the server has stays a warning, and the other problem is still reported', () => {
      const t = '{"mcpServers": {"a": {"command": "node", "comand": "x"}, "b": {"ulr": "https://x.dev", "args": []}}}';
      const f = run(t, P.cursor);
      // "comand" beside "command": a warning; "ulr" in a server with no transport: the error is the typo's
      assert.deepEqual(only(f, 'unknown-field').map((x) => [pos(x), x.severity]), [[at(t, '"comand"'), 'warning'], [at(t, '"ulr"'), 'error']]);
      expectNone(f, 'transport');
      // with no did-you-mean, "no transport" is still reported
      expectOne(run('{"mcpServers": {"b": {"zzz": 1}}}', P.cursor), 'transport', 'error', '1:17');
    });
    it('a schema-required field misspelt (Continue "nmae") is one error on the typo, not also "missing name"', () => {
      const y = 'name: b\nversion: 0.0.1\nschema: v1\nmcpServers:\n  - nmae: db\n    command: node\n';
      const f = run(y, P.continue);
      expectOne(f, 'unknown-field', 'error', '5:5');
      expectNone(f, 'schema');
    });
  });
});
