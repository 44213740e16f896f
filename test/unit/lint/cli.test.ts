import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const DEFECTS = path.join(ROOT, 'test/fixtures/lint/defects');
const EXPECTED = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/lint/defects.expected.json'), 'utf8')) as {
  files: Record<string, { line: number; column: number; severity: string; code: string }[]>;
};

interface JsonOut {
  files: string[];
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
  errorCount: number;
  warningCount: number;
}

/** Runs the built CLI with a home directory of its own (no user files leak in). */
function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}) {
  const home = mkdtempSync(path.join(tmpdir(), 'mcp-lint-home-'));
  try {
    return spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...opts.env } });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('mcp-devtools lint (dist/cli.js)', function () {
  this.timeout(30_000);

  it('finds every seeded defect at the right line, column and severity, and nothing else', () => {
    const r = cli([DEFECTS, '--format', 'json', '--skip', 'command-not-found']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    const got: Record<string, { line: number; column: number; severity: string; code: string }[]> = {};
    for (const f of out.findings) (got[path.relative(DEFECTS, f.file).split(path.sep).join('/')] ??= []).push({ line: f.line, column: f.column, severity: f.severity, code: f.code });
    assert.deepEqual(got, EXPECTED.files);
    assert.equal(Object.keys(EXPECTED.files).length, 15, 'one defect file per client, and one for VS Code\'s legacy settings.json key');
  });

  it('reports no error on the valid fixtures of every client (exit 0 without the known Codex name issue)', () => {
    const r = cli([path.join(ROOT, 'test/fixtures/configs'), '--format', 'json', '--skip', 'command-not-found,server-name']);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.ok(out.files.length >= 10, out.files.join('\n'));
    assert.deepEqual(out.findings.filter((f) => f.severity === 'error'), []);
    assert.equal(r.status, 0);
  });

  it('stylish output: file:line:col  severity  code  message, then a summary; --quiet keeps errors only', () => {
    const file = path.join(DEFECTS, 'vscode/.vscode/mcp.json');
    const r = cli([file, '--skip', 'command-not-found']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^test\/fixtures\/lint\/defects\/vscode\/\.vscode\/mcp\.json:17:15 {2}error {2}type-value {2}VS Code does not accept type "streamableHttp"/m);
    assert.match(r.stdout, /\n\d+ problems \(\d+ errors, \d+ warnings, 0 info\) in 1 file/);
    const q = cli([file, '--quiet', '--skip', 'command-not-found']);
    assert.ok(!/ {2}warning {2}/.test(q.stdout));
    assert.match(q.stdout, / {2}error {2}/);
  });

  it('SARIF output validates against the SARIF 2.1.0 subset; rules come from the rule table', () => {
    const r = cli([path.join(DEFECTS, 'vscode'), '--format', 'sarif', '--skip', 'command-not-found']);
    const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; fixes?: unknown[] }[] }[] };
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/lint/sarif-2.1.0-subset.schema.json'), 'utf8')));
    assert.ok(validate(sarif), ajv.errorsText(validate.errors));
    const run = sarif.runs[0];
    assert.ok(run.tool.driver.rules.length >= 20);
    for (const res of run.results) assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(run.results.some((res) => res.fixes?.length));
  });

  it('an unparsable file is a finding (exit 1); a missing file is a read-error (exit 2); bad options exit 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-lint-'));
    try {
      mkdirSync(path.join(dir, '.vscode'));
      const broken = path.join(dir, '.vscode', 'mcp.json');
      writeFileSync(broken, '{ "servers": { "a": ');
      const r = cli([broken, '--format', 'json']);
      assert.equal(r.status, 1);
      assert.equal((JSON.parse(r.stdout) as JsonOut).findings[0].code, 'syntax');
      const missing = cli([path.join(dir, 'nope', '.mcp.json')]);
      assert.equal(missing.status, 2);
      assert.match(missing.stdout, /read-error {2}Cannot read .*does not exist/);
      if (process.platform !== 'win32' && process.getuid?.() !== 0) {
        chmodSync(broken, 0o000);
        assert.equal(cli([broken]).status, 2);
      }
      assert.equal(cli(['--format', 'xml']).status, 2);
      assert.equal(cli(['--frobnicate']).status, 2);
      assert.equal(cli(['--as', 'not-a-format', broken]).status, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no paths: lints the config files discovered for the current folder (exit 0 when clean)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mcp-lint-'));
    try {
      mkdirSync(path.join(dir, '.vscode'));
      mkdirSync(path.join(dir, '.cursor'));
      writeFileSync(path.join(dir, '.vscode', 'mcp.json'), '{\n  // ok\n  "servers": { "a": { "command": "node", "args": ["x.js"] } }\n}\n');
      writeFileSync(path.join(dir, '.cursor', 'mcp.json'), '{ "mcpServers": { "b": { "url": "https://x.dev/mcp" } } }\n');
      const r = cli(['--format', 'json'], { cwd: dir, env: { PATH: path.dirname(process.execPath) } });
      const out = JSON.parse(r.stdout) as JsonOut;
      assert.deepEqual(out.files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort(), ['.cursor/mcp.json', '.vscode/mcp.json']);
      assert.deepEqual(out.findings, []);
      assert.equal(r.status, 0);
      writeFileSync(path.join(dir, '.cursor', 'mcp.json'), '{ "servers": { "b": { "url": "https://x.dev/mcp" } } }\n');
      const bad = cli([], { cwd: dir, env: { PATH: path.dirname(process.execPath) } });
      assert.equal(bad.status, 1);
      assert.match(bad.stdout, /^\.cursor\/mcp\.json:1:3 {2}error {2}top-level-key/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('command-not-found names the PATH it searched', () => {
    const r = cli([path.join(DEFECTS, 'codex/.codex/config.toml'), '--format', 'json'], { env: { PATH: '/nonexistent-bin' } });
    const f = (JSON.parse(r.stdout) as JsonOut).findings.filter((x) => x.code === 'command-not-found');
    assert.equal(f.length, 2);
    assert.ok(f.every((x) => x.severity === 'warning' && x.message.includes('/nonexistent-bin')));
  });
});
