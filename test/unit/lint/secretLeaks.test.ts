/**
 * Issue 10, defect 1: no output of the linter carries a value the `secret` rule found. Before,
 * the VS Code quick fix was one edit from the secret to the new input, so its `newText` carried
 * the rest of the file (any later secret) into `lint --format json` and `--format sarif`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { applyTextEdits, type Finding } from '../../../src/core/lint';
import { only, P, run } from './helpers';

const ROOT = path.resolve(__dirname, '../../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

const GH = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';
const SK = 'sk-proj-' + 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1';
const SLACK = 'xoxb-' + '1234567890-abcdefghijkl';
const PW = 'q8R#vT2!mZ7@kL4$wN9^';
const SECRETS = [GH, SK, SLACK, PW];

/** A VS Code file with four secrets in three servers: env, a header, an argument. */
function vscodeFile(indent: number | undefined): string {
  return JSON.stringify({
    servers: {
      gh: { command: 'npx', args: ['-y', 'server-github'], env: { GITHUB_TOKEN: GH, DB_PASSWORD: PW } },
      api: { type: 'http', url: 'https://api.example.com/mcp', headers: { Authorization: `Bearer ${SK}` } },
      slack: { command: 'node', args: ['slack.js', `--token=${SLACK}`] },
    },
  }, null, indent);
}

/** Asserts that no message and no fix of `findings` holds any of {@link SECRETS}. */
function assertClean(findings: Finding[]): void {
  for (const f of findings) {
    for (const s of SECRETS) {
      assert.ok(!f.message.includes(s), `${f.code} message holds a secret: ${f.message}`);
      for (const fix of f.fixes ?? []) for (const e of fix.edits) assert.ok(!e.newText.includes(s), `${f.code} fix "${fix.title}" holds a secret: ${JSON.stringify(e)}`);
    }
  }
}

describe('lint: secrets stay out of findings and fixes (issue 10, defect 1)', () => {
  for (const [label, indent] of [['pretty', 2], ['tabs', '\t'], ['one line', undefined]] as const) {
    it(`several secrets in a VS Code file (${label}): each fix is small edits that move only its own secret`, () => {
      const text = vscodeFile(indent as number | undefined);
      const findings = run(text, P.vscode);
      const secrets = only(findings, 'secret');
      assert.equal(secrets.length, 4, JSON.stringify(secrets.map((f) => f.message)));
      assertClean(findings);
      for (const f of secrets) {
        const hidden = text.slice(f.range.offset, f.range.offset + f.range.length);
        for (const fix of f.fixes ?? []) {
          for (const e of fix.edits) assert.ok(e.newText.length < 200, `an edit of ${e.newText.length} characters: ${JSON.stringify(e.newText)}`);
          const after = applyTextEdits(text, fix.edits);
          assert.ok(!after.includes(hidden), 'the fix removes its secret');
          for (const other of SECRETS.filter((s) => s !== hidden)) assert.ok(after.includes(other), 'the fix leaves the other secrets where they are');
          const data = parse(after) as { inputs: { id: string; password: boolean }[] };
          assert.equal(data.inputs.length, 1);
          assert.equal(data.inputs[0].password, true);
          assert.ok(after.includes(`\${input:${data.inputs[0].id}}`));
        }
      }
      if (indent !== undefined) assert.ok(secrets.every((f) => f.fixes?.length === 1), 'a formatted file keeps its quick fixes');
    });
  }

  it('every client format with several secrets: messages and fixes hold none', () => {
    for (const [file, key] of [[P.claudeCode, 'mcpServers'], [P.cursor, 'mcpServers'], [P.gemini, 'mcpServers'], [P.cline, 'mcpServers'], [P.claudeDesktop, 'mcpServers'], [P.windsurf, 'mcpServers']] as const) {
      const text = JSON.stringify({ [key]: JSON.parse(vscodeFile(undefined)).servers }, null, 2).replace('"type": "http",', '"type": "http", ');
      const findings = run(text, file);
      assert.ok(only(findings, 'secret').length >= 3, file);
      assertClean(findings);
    }
  });

  describe('through the CLI, in every output format', function () {
    this.timeout(30_000);
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'mcp-secret-leaks-'));
      const files: Record<string, string> = {
        '.vscode/mcp.json': vscodeFile(2),
        '.cursor/mcp.json': JSON.stringify({ mcpServers: JSON.parse(vscodeFile(undefined)).servers }, null, 2),
        '.mcp.json': JSON.stringify({ mcpServers: JSON.parse(vscodeFile(undefined)).servers }),
        '.codex/config.toml': `[mcp_servers.gh]\ncommand = "npx"\nargs = ["--token=${SLACK}"]\n[mcp_servers.gh.env]\nGITHUB_TOKEN = "${GH}"\nDB_PASSWORD = "${PW}"\n`,
      };
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    for (const format of ['stylish', 'json', 'sarif']) {
      it(`lint --format ${format} prints no secret value`, () => {
        const r = spawnSync(process.execPath, [CLI, 'lint', dir, '--format', format, '--skip', 'command-not-found'], { encoding: 'utf8', env: { ...process.env, HOME: dir } });
        assert.ok(r.stdout.includes('secret'), r.stdout + r.stderr);
        for (const s of SECRETS) {
          assert.ok(!r.stdout.includes(s), `stdout holds ${s.slice(0, 4)}…`);
          assert.ok(!r.stderr.includes(s), `stderr holds ${s.slice(0, 4)}…`);
        }
      });
    }
  });
});
