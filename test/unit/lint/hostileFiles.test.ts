import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { formatById } from '../../../src/core/config/formats';
import { MAX_NESTING } from '../../../src/core/config/nesting';
import { lint, vscodeFileOptions } from '../../../src/core/lint';
import { deepConfig } from '../config/helpers';
import { DET } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/**
 * Runs `lint` in the built CLI with a home of its own; `asUser` runs it as the unprivileged user
 * 65534 (nobody) through util-linux `setpriv`, for permission checks when the tests run as root
 * (root reads a chmod 000 folder anyway).
 */
function cli(args: string[], opts: { asUser?: boolean } = {}) {
  const home = mkdtempSync(path.join(tmpdir(), 'mcp-lint-home-'));
  try {
    const env = { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, '.config') };
    if (!opts.asUser) return spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: ROOT, encoding: 'utf8', env });
    // The checkout may sit in a folder the unprivileged user cannot enter (a fresh clone in a 0700
    // mktemp folder): run a copy of the one-file CLI, with the schemas it reads, from a home it can read.
    chmodSync(home, 0o755);
    const cli = path.join(home, 'dist', 'cli.js');
    cpSync(path.join(ROOT, 'media', 'schemas'), path.join(home, 'media', 'schemas'), { recursive: true });
    mkdirSync(path.dirname(cli));
    copyFileSync(CLI, cli);
    return spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'lint', ...args], { cwd: home, encoding: 'utf8', env });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('lint under hostile files', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-lint-hostile-'));
    chmodSync(dir, 0o755); // mkdtemp makes it 0700: the unprivileged user must get in
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('a config nested thousands of levels deep', () => {
    for (const syntax of ['json', 'toml', 'yaml-flow', 'yaml-block'] as const) {
      it(`${syntax}: one parse-error, an error at the place it gets too deep, also where VS Code's own rules are skipped`, () => {
        const c = deepConfig(syntax, 3000);
        for (const opts of [DET, { ...DET, ...vscodeFileOptions() }, { ...DET, skip: ['syntax', 'schema'] }]) {
          const f = lint(c.text, c.path, { ...opts, format: formatById(c.format) });
          assert.deepEqual(f.map((x) => [x.code, x.severity]), [['parse-error', 'error']]);
          assert.deepEqual(f[0].range.start, { line: c.line - 1, character: c.column - 1 });
          assert.match(f[0].message, new RegExp(`Nested more than ${MAX_NESTING} levels deep at line ${c.line}, column ${c.column}`));
        }
      });
    }

    it('in VS Code\'s own mcp.json too (where our syntax rule is dropped)', () => {
      const text = '{"servers": {"a": {"command": "node", "args": ' + '['.repeat(5000) + ']'.repeat(5000) + '}}}';
      const f = lint(text, '/ws/.vscode/mcp.json', { ...DET, ...vscodeFileOptions() });
      assert.deepEqual(f.map((x) => [x.code, x.severity]), [['parse-error', 'error']]);
    });

    it('the CLI exits 1 with the parse-error, in every output format', () => {
      const file = path.join(dir, '.mcp.json');
      writeFileSync(file, '{"mcpServers": {"a": {"command": "node", "args": ' + '['.repeat(3000) + ']'.repeat(3000) + '}}}');
      const r = cli([file]);
      assert.equal(r.status, 1, r.stdout + r.stderr);
      assert.match(r.stdout, /:1:\d+ {2}error {2}parse-error {2}Nested more than 100 levels deep/);
      const j = cli([file, '--format', 'json']);
      assert.equal(j.status, 1);
      assert.deepEqual((JSON.parse(j.stdout) as { findings: { code: string; severity: string }[] }).findings.map((x) => [x.code, x.severity]), [['parse-error', 'error']]);
    });
  });

  describe('a folder or path lint cannot read: exit 2, never "no config files"', () => {
    const canDropPrivileges = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
    const runsUnprivileged = process.platform !== 'win32' && process.getuid?.() !== 0;

    it('a folder without read permission (as an unprivileged user: setpriv when root)', function () {
      if (!canDropPrivileges && !runsUnprivileged) this.skip();
      const locked = path.join(dir, 'locked');
      mkdirSync(path.join(locked, '.vscode'), { recursive: true });
      writeFileSync(path.join(locked, '.vscode', 'mcp.json'), '{"servers": {}}');
      chmodSync(locked, canDropPrivileges ? 0o700 : 0o000); // root-owned 0700: user 65534 may not list it
      const r = cli([locked], { asUser: canDropPrivileges });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stdout, /error {2}read-error {2}Cannot read the folder .*locked: permission denied\./);
      assert.doesNotMatch(r.stdout, /No MCP config files found/);
    });

    it('an unreadable folder below a readable one: the readable files are linted, the run still exits 2', function () {
      if (!canDropPrivileges && !runsUnprivileged) this.skip();
      mkdirSync(path.join(dir, '.vscode'));
      writeFileSync(path.join(dir, '.vscode', 'mcp.json'), '{"servers": {}}');
      mkdirSync(path.join(dir, 'sub'));
      chmodSync(path.join(dir, 'sub'), canDropPrivileges ? 0o700 : 0o000);
      const r = cli([dir, '--format', 'json'], { asUser: canDropPrivileges });
      assert.equal(r.status, 2, r.stdout + r.stderr);
      const out = JSON.parse(r.stdout) as { files: string[]; findings: { file: string; code: string }[] };
      assert.deepEqual(out.files, [path.join(dir, '.vscode', 'mcp.json'), path.join(dir, 'sub')]);
      assert.deepEqual(out.findings.map((f) => [path.basename(f.file), f.code]), [['sub', 'read-error']]);
    });

    it('a symbolic link loop (ELOOP), a dangling link, a path through a file (ENOTDIR): each named, exit 2', function () {
      if (process.platform === 'win32') this.skip();
      symlinkSync(path.join(dir, 'b'), path.join(dir, 'a'));
      symlinkSync(path.join(dir, 'a'), path.join(dir, 'b'));
      symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
      writeFileSync(path.join(dir, 'plain'), 'x');
      assert.ok(!existsSync(path.join(dir, 'dangling')));
      const r = cli([path.join(dir, 'a'), path.join(dir, 'dangling'), path.join(dir, 'plain', '.mcp.json')]);
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stdout, /a:1:1 {2}error {2}read-error {2}Cannot read .*: its symbolic links form a loop\./);
      assert.match(r.stdout, /dangling:1:1 {2}error {2}read-error {2}Cannot read .*: the file does not exist \(or is a symbolic link to nothing\)\./);
      assert.match(r.stdout, /\.mcp\.json:1:1 {2}error {2}read-error {2}Cannot read .*: a part of its path is a file, not a folder\./);
    });
  });
});
