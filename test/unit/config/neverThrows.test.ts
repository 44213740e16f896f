import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ALL_FORMATS, formatForPath, type ConfigFormat } from '../../../src/core/config/formats';
import type { ConfigFile, Range } from '../../../src/core/config/model';
import { scanToml } from '../../../src/core/config/tomlPositions';
import { fixturePath } from './helpers';

/** Every fixture file with the format its path names. */
function fixtures(): { rel: string; text: string; format: ConfigFormat }[] {
  const root = fixturePath('.');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .map((p) => ({ rel: path.relative(root, p), text: readFileSync(p, 'utf8'), format: formatForPath(p, { platform: 'linux', home: '/none' })! }))
    .filter((f) => f.format);
}

/** Asserts a range lies inside the text and agrees with itself. */
function assertRangeSane(r: Range | undefined, text: string, what: string): void {
  if (!r) return;
  assert.ok(r.offset >= 0 && r.length >= 0 && r.offset + r.length <= text.length, `${what}: ${r.offset}+${r.length} outside ${text.length}`);
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  assert.ok(before(r.start, r.end), `${what}: start after end`);
}

/** Reads with `format` and checks the result's shape and every range it holds. */
function readChecked(format: ConfigFormat, text: string): ConfigFile {
  const file = format.read(text, '/p/file');
  assert.ok(Array.isArray(file.servers) && Array.isArray(file.inputs));
  assertRangeSane(file.error?.range, text, 'error');
  for (const s of file.servers) {
    assert.equal(typeof s.name, 'string');
    assertRangeSane(s.range, text, `${s.name}.range`);
    assertRangeSane(s.nameRange, text, `${s.name}.nameRange`);
    for (const r of Object.values(s.optionRanges ?? {})) assertRangeSane(r, text, `${s.name} option`);
    const t = s.transport;
    if (t?.kind === 'stdio') [t.command, ...t.args, ...Object.values(t.env)].forEach((l) => assertRangeSane(l.range, text, `${s.name} field`));
    else if (t) [t.url, ...Object.values(t.headers)].forEach((l) => assertRangeSane(l.range, text, `${s.name} field`));
  }
  return file;
}

/** A random edit of a text: delete, insert or replace a short span at a random place. */
const mutation = fc.record({
  at: fc.nat(),
  del: fc.nat({ max: 8 }),
  insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '=', '\n', '#', '//', '- ', '  ', '"""', "'", '\\', '&a', '*a', '\u00e9', '\ud83d\ude00')),
});

function mutate(text: string, edits: { at: number; del: number; insert: string }[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length ? e.at % (t.length + 1) : 0;
    t = t.slice(0, at) + e.insert + t.slice(at + e.del);
  }
  return t;
}

describe('readers never throw (fast-check)', function () {
  this.timeout(60_000);
  const all = fixtures();

  it('has a fixture for every format', () => {
    const covered = new Set(all.map((f) => f.format.id));
    // user formats told apart from a project's only by the home directory: their project twin stands for them
    const byHome = ['claude-code-managed', 'gemini-user', 'cursor-user', 'codex-user', 'kiro-user'];
    const missing = ALL_FORMATS.filter((f) => !covered.has(f.id) && !byHome.includes(f.id));
    assert.deepEqual(missing.map((f) => f.id), []);
  });

  it('on arbitrary strings, for every format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_FORMATS), fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()), (format, text) => {
        readChecked(format, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('on randomly mutated fixture text, reading it as its own format', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(mutation, { minLength: 1, maxLength: 6 }), (fixture, edits) => {
        readChecked(fixture.format, mutate(fixture.text, edits));
      }),
      { numRuns: 3000 },
    );
  });

  it('on fixture text read as every other format', () => {
    for (const f of all) for (const format of ALL_FORMATS) readChecked(format, f.text);
  });

  it('the TOML position scanner terminates and stays inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...all.filter((f) => f.format.syntax === 'toml')).chain((f) => fc.array(mutation).map((m) => mutate(f.text, m)))), (text) => {
        const { spans } = scanToml(text);
        for (const s of spans.values()) for (const o of [s.keyStart, s.keyEnd, s.valueStart, s.valueEnd]) assert.ok(o === undefined || (o >= 0 && o <= text.length));
      }),
      { numRuns: 2000 },
    );
  });
});
