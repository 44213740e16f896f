import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_FORMATS } from '../../../src/core/config/formats';
import { applyTextEdits, lint, type Finding } from '../../../src/core/lint';
import { DET } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');

/** Real configs: the valid fixtures of every client and the seeded-defect ones, with their paths. */
const REAL = ['test/fixtures/configs', 'test/fixtures/lint/defects'].flatMap((dir) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.expected.json'))
    .map((e) => ({ path: path.join(e.parentPath, e.name), text: readFileSync(path.join(e.parentPath, e.name), 'utf8') })),
);

/** The invariants of any lint result: a list of well-formed findings inside the text, fixes that apply. */
function checkFindings(text: string, findings: Finding[]): void {
  assert.ok(Array.isArray(findings));
  for (const f of findings) {
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
    assert.ok(f.range.offset >= 0 && f.range.offset + f.range.length <= text.length, `${f.code} out of range`);
    assert.ok(f.range.start.line <= f.range.end.line);
    assert.ok(f.message.length > 0);
    assert.notEqual(f.code, 'internal-error', f.message);
    for (const fix of f.fixes ?? []) {
      for (const e of fix.edits) assert.ok(e.offset >= 0 && e.offset + e.length <= text.length, `${f.code} fix out of range`);
      assert.equal(typeof applyTextEdits(text, fix.edits), 'string');
    }
  }
}

/** A mutation of a text: delete, insert or duplicate a slice, or swap a character. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), s: fc.oneof(fc.string(), fc.constantFrom('{', '}', '[', ']', ',', '"', ':', '//', '/*', '\n', '${input:', '$', '\\', '= ', '- ', '[mcp_servers.x]')) }),
  fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 60 }) }),
);

function mutate(text: string, ms: { kind: string; at: number; len?: number; s?: string }[]): string {
  let t = text;
  for (const m of ms) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    if (m.kind === 'delete') t = t.slice(0, at) + t.slice(at + (m.len ?? 1));
    else if (m.kind === 'insert') t = t.slice(0, at) + (m.s ?? '') + t.slice(at);
    else t = t.slice(0, at) + t.slice(at, at + (m.len ?? 1)) + t.slice(at);
  }
  return t;
}

describe('lint: properties (fast-check)', function () {
  this.timeout(60_000);

  it('never throws on arbitrary text, for every format', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom(...ALL_FORMATS.map((f) => f.id)), (text, format) => {
        checkFindings(text, lint(text, '/ws/x', { ...DET, format }));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary JSON values in the servers position', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('vscode-workspace', 'claude-desktop', 'cline', 'gemini-project', 'cursor-project', 'windsurf', 'continue-project-json'), (value, format) => {
        for (const text of [JSON.stringify({ servers: value, mcpServers: value, inputs: value }), JSON.stringify({ servers: { a: value }, mcpServers: { a: value } }, null, 2)]) {
          checkFindings(text, lint(text, '/ws/x', { ...DET, format }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated real configs of every client, and fixes stay inside the text', () => {
    assert.ok(REAL.length >= 20);
    fc.assert(
      fc.property(fc.constantFrom(...REAL), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, ms) => {
        const text = mutate(file.text, ms);
        checkFindings(text, lint(text, file.path, DET));
      }),
      { numRuns: Number(process.env.LINT_PROP_RUNS ?? 500) },
    );
  });

  it('never prints a secret: messages of secret findings hold at most its first 4 characters, fixes none of it', () => {
    const alnum = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: 36, maxLength: 40 });
    fc.assert(
      fc.property(fc.constantFrom('ghp_', 'sk-proj-', 'xoxb-', 'glpat-'), alnum, fc.constantFrom('vscode-workspace', 'claude-code-project', 'cursor-project', 'cline'), (prefix, body, format) => {
        const secret = prefix + body;
        const key = format === 'vscode-workspace' ? 'servers' : 'mcpServers';
        const text = JSON.stringify({ [key]: { s: { command: 'node', args: [`--token=${secret}`], env: { API_TOKEN: secret } } } }, null, 2);
        const found = lint(text, '/ws/x', { ...DET, format }).filter((f) => f.code === 'secret');
        assert.equal(found.length, 2);
        for (const f of found) assert.ok(!f.message.includes(secret.slice(4, 12)), f.message);
        // nor its quick fixes (issue 10: the VS Code fix was one edit carrying the rest of the file)
        for (const f of found) for (const x of f.fixes ?? []) for (const e of x.edits) assert.ok(!e.newText.includes(secret), `${x.title}: ${e.newText}`);
      }),
      { numRuns: 200 },
    );
  });

  it('applying every offered fix to a real config yields text that still lints without throwing', () => {
    for (const file of REAL) {
      for (const f of lint(file.text, file.path, DET)) {
        for (const fix of f.fixes ?? []) checkFindings(applyTextEdits(file.text, fix.edits), lint(applyTextEdits(file.text, fix.edits), file.path, DET));
      }
    }
  });
});
