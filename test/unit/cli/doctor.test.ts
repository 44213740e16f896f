/**
 * Issue 13, item 4: `mcp-devtools doctor` (dist/cli.js) on a fixture server with one seeded defect
 * per tool, and on the reference servers (everything, filesystem, memory), which have no error.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../../src/core/doctor';
import { EVERYTHING, FILESYSTEM, FIXTURES, MEMORY, runCli, type CliRun } from '../connection/helpers';

const T = ['--timeout', '120'];

describe('cli: doctor', function () {
  this.timeout(600_000);
  let dir: string;
  const runs: Record<string, CliRun> = {};
  const json = (r: CliRun) => JSON.parse(r.stdout) as { server: string; findings: Finding[]; counts: Record<string, number> };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-doctor-'));
    const todo: Record<string, string[]> = {
      fixture: ['doctor', '--json', '--call-read-only', ...T, '--', process.execPath, path.join(FIXTURES, 'doctor.mjs')],
      fixtureText: ['doctor', ...T, '--', process.execPath, path.join(FIXTURES, 'doctor.mjs')],
      everything: ['doctor', '--json', '--call-read-only', ...T, '--', process.execPath, EVERYTHING, 'stdio'],
      filesystem: ['doctor', '--json', '--call-read-only', ...T, '--', process.execPath, FILESYSTEM, dir],
      memory: ['doctor', '--json', '--call-read-only', ...T, '--env', `MEMORY_FILE_PATH=${path.join(dir, 'memory.jsonl')}`, '--', process.execPath, MEMORY],
    };
    // two at a time: the machine is shared
    const keys = Object.keys(todo);
    for (let i = 0; i < keys.length; i += 2) await Promise.all(keys.slice(i, i + 2).map(async (k) => { runs[k] = await runCli(todo[k], dir); }));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('flags each seeded defect of the fixture and exits 1', () => {
    const r = runs.fixture;
    assert.equal(r.status, 1, r.stderr);
    const got = new Set(json(r).findings.map((f) => `${f.severity} ${f.id} ${f.item.kind}:${f.item.name}`));
    for (const want of [
      'error tool-name-duplicate tool:twin',
      'error tool-name-format tool:has space',
      'error input-schema-not-object tool:not-object',
      'error input-schema-invalid tool:invalid-schema',
      'error input-schema-required-undeclared tool:required-missing',
      'error description-hidden-instructions tool:poisoned',
      'error description-secret-request tool:poisoned',
      'error description-invisible-unicode tool:poisoned',
      'error structured-content-invalid tool:bad-output',
      'warning annotations-contradictory tool:contradictory',
      'warning description-missing tool:undescribed',
      'error resource-uri-invalid resource:relative/path.txt',
      'error resource-template-invalid resourceTemplate:doctor://item/{id',
      'error prompt-argument-duplicate prompt:twice',
      'error pagination-loop server:',
    ]) assert.ok(got.has(want), `missing "${want}" in:\n${[...got].join('\n')}`);
    assert.ok(![...got].some((g) => g.endsWith('tool:ok')), 'the clean tool has no finding');
  });

  it('prints the findings grouped by item, and the counts', () => {
    const r = runs.fixtureText;
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^tool poisoned\n {2}error {3}description contains an <IMPORTANT>-style tag/m);
    assert.match(r.stdout, /doctor\.mjs: \d+ errors, \d+ warnings/);
    // without --call-read-only, nothing is called
    assert.doesNotMatch(r.stdout, /structured-content-invalid/);
    // the invisible character is not printed raw
    assert.doesNotMatch(r.stdout, /\u200B/);
  });

  for (const name of ['everything', 'filesystem', 'memory']) {
    it(`server-${name}: no error (exit 0)`, () => {
      const r = runs[name];
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      assert.equal(json(r).counts.error, 0);
    });
  }
});
