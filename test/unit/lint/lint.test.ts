import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_FORMATS, formatById } from '../../../src/core/config/formats';
import { describeKey, lint, lintFile, RULE_DOCS, ruleTableMarkdown, schemaForClient, VSCODE_OVERLAP, vscodeFileOptions } from '../../../src/core/lint';
import { RULES } from '../../../src/core/lint/rules';
import { DET, P, run } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');

describe('lint(): entry point', () => {
  it('has a docs entry per rule: unique code, severity, description', () => {
    const codes = RULE_DOCS.map((d) => d.code);
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(RULES.length >= 19);
    for (const d of RULE_DOCS) {
      assert.match(d.code, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(['error', 'warning', 'info'].includes(d.severity));
      assert.ok(d.description.length > 20, d.code);
    }
  });

  it('returns findings sorted by position, each in the file, with a rule code', () => {
    const t = '{\n  "servers": {\n    "b": { "command": "npx", "args": ["x"] },\n    "a": {}\n  }\n}';
    const f = run(t, P.vscode);
    assert.deepEqual(f.map((x) => x.code), ['npx-yes', 'transport']);
    assert.ok(f.every((x) => x.file === P.vscode && x.range.offset + x.range.length <= t.length));
    assert.deepEqual([...f].sort((a, b) => a.range.offset - b.range.offset), f);
  });

  it('an unknown file is an unknown-format finding; an explicit format id is honoured', () => {
    assert.deepEqual(lint('{}', '/tmp/random.json').map((f) => [f.code, f.severity]), [['unknown-format', 'warning']]);
    assert.deepEqual(lint('{}', '/tmp/random.json', { format: 'nope' }).map((f) => f.code), ['unknown-format']);
    const f = lint('{"servers": {}}', '/tmp/random.json', { ...DET, format: 'cursor-project' });
    assert.deepEqual(f.map((x) => x.code), ['top-level-key']);
    assert.deepEqual(lint('{"servers": {}}', '/tmp/x.json', { format: formatById('vscode-user') }), []);
  });

  it('a rule that throws becomes an internal-error finding; the other rules still run', () => {
    const t = '{"servers": {"a": {"command": "npx"}}}';
    const f = lint(t, P.vscode, { which: () => { throw new Error('boom'); } });
    assert.deepEqual(f.map((x) => x.code).sort(), ['internal-error', 'npx-yes']);
    assert.match(f.find((x) => x.code === 'internal-error')!.message, /command-not-found.*boom/);
  });

  it('ruleTableMarkdown lists every rule for the README', () => {
    const md = ruleTableMarkdown(RULE_DOCS);
    assert.equal(md.split('\n').length, RULE_DOCS.length + 2);
    assert.match(md, /\| `npx-yes` \| warning \| .* \| Insert "-y" as the first argument\. \|/);
  });

  it("lints Claude Code's per-project servers in ~/.claude.json", () => {
    const t = '{\n  "projects": {\n    "/home/a/p": { "mcpServers": { "x": { "command": "npx", "args": ["pkg"] } } }\n  }\n}';
    const f = run(t, '/home/a/.claude.json', { format: 'claude-code-user' });
    assert.deepEqual(f.map((x) => [x.code, x.range.start.line + 1]), [['npx-yes', 3]]);
  });

  it('skip: leaves out the given rule codes', () => {
    const t = '{"servers": {"a": {"command": "npx"}}}';
    assert.deepEqual(run(t, P.vscode, { skip: ['npx-yes'] }), []);
  });

  it('fixableOnly: keeps the findings of the given codes only when they carry a quick fix', () => {
    const t = '{"servers": {"a": {"command": "node", "agrs": ["x"], "zzz": 1}}}';
    assert.deepEqual(run(t, P.vscode).filter((f) => f.code === 'unknown-field').map((f) => f.message.match(/"(\w+)"/)?.[1]), ['agrs', 'zzz']);
    const kept = run(t, P.vscode, { fixableOnly: ['unknown-field'] });
    assert.deepEqual(kept.map((f) => f.code), ['unknown-field']);
    assert.match(kept[0].message, /"agrs".*Did you mean "args"/);
    assert.ok(kept[0].fixes?.length);
  });

  it("VS Code's files: the rules VS Code's own diagnostics repeat are dropped or kept as VSCODE_OVERLAP says", () => {
    assert.deepEqual(vscodeFileOptions(), { skip: ['syntax', 'duplicate-key', 'schema'], fixableOnly: ['unknown-field'] });
    for (const o of VSCODE_OVERLAP) assert.ok(RULE_DOCS.some((d) => d.code === o.code), `${o.code} is a rule`);
    // the CLI passes no such options: everything is reported
    const t = '{"servers": {"a": {"command": "node", "zzz": 1}, "b": {"command": 3}, "b": {"command": 3}}}';
    assert.deepEqual([...new Set(run(t, P.vscode).map((f) => f.code))].sort(), ['duplicate-key', 'schema', 'unknown-field']);
    assert.deepEqual(run(t, P.vscode, vscodeFileOptions()), []);
  });

  it('lints nested servers of a .code-workspace file (settings.mcp.servers)', () => {
    const t = '{\n  "folders": [],\n  "settings": {\n    "mcp": {\n      "servers": { "a": { "command": "npx", "args": ["p"], "comand": 1 } }\n    }\n  }\n}';
    const f = run(t, '/ws/team.code-workspace');
    assert.deepEqual(f.map((x) => [x.code, x.range.start.line + 1]), [['npx-yes', 5], ['unknown-field', 5]]);
  });

  it('lintFile: a missing file is a read-error finding, never a throw', async () => {
    const f = await lintFile('/nonexistent/.vscode/mcp.json');
    assert.deepEqual(f.map((x) => [x.code, x.severity]), [['read-error', 'error']]);
  });

  it('reports no error on the valid real-world fixtures of every client', async () => {
    const base = path.join(ROOT, 'test/fixtures/configs');
    const files = readdirSync(base, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.parentPath.includes(`${path.sep}valid`)).map((e) => path.join(e.parentPath, e.name));
    assert.ok(files.length >= 10, `found ${files.length} fixtures`);
    for (const file of files) {
      const errors = (await lintFile(file, DET)).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((e) => `${e.code} ${e.range.start.line + 1}: ${e.message}`), [], file);
    }
  });
});

describe('schemas and hovers', () => {
  it('every client has a draft 2020-12 schema with a description on every server field', () => {
    for (const client of new Set(ALL_FORMATS.map((f) => f.client))) {
      const s = schemaForClient(client) as { $schema: string; $defs: { server: { properties: Record<string, { description?: string }> } } };
      assert.equal(s.$schema, 'https://json-schema.org/draft/2020-12/schema');
      for (const [k, v] of Object.entries(s.$defs.server.properties)) assert.ok(v.description, `${client}.${k}`);
    }
  });

  it('describeKey returns the description of the key at a JSON path', () => {
    assert.match(describeKey(formatById('vscode-workspace'), ['servers', 'github', 'command']) ?? '', /program to start/);
    assert.match(describeKey(formatById('cline'), ['mcpServers', 'x', 'timeout']) ?? '', /seconds/);
    assert.match(describeKey(formatById('gemini-user'), ['mcpServers', 'x', 'timeout']) ?? '', /milliseconds/);
    assert.match(describeKey(formatById('vscode-workspace'), ['inputs', 0, 'password']) ?? '', /secret/);
    assert.match(describeKey(formatById('vscode-code-workspace'), ['settings', 'mcp', 'servers', 'a', 'envFile']) ?? '', /\.env/);
    assert.equal(describeKey(formatById('gemini-user'), ['theme']), undefined);
    assert.equal(describeKey(formatById('vscode-workspace'), ['servers', 'a', 'nope']), undefined);
  });

  it('the schema files parse and name themselves', () => {
    const dir = path.join(ROOT, 'media/schemas');
    for (const f of readdirSync(dir)) {
      const s = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { $id: string; title: string };
      assert.ok(s.$id.endsWith(f) && s.title, f);
    }
  });
});
