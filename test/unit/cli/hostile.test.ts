/**
 * Issue 10, defects 2 and 3, through the built CLI (dist/cli.js) and a hostile fixture server
 * (test/fixtures/servers/hostile-text.mjs): no verb prints a secret written in a config file's
 * args, URL, env or headers (before: `servers` and `list` printed `ghp_…` tokens, `?api_key=` and
 * `user:pass@`), and no verb lets a server's control characters reach the terminal (before: the
 * server's name, descriptions, errors and stderr went out raw).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertNoChildren, FIXTURES, runCli, writeFiles, type CliRun } from '../connection/helpers';

const HOSTILE = path.join(FIXTURES, 'hostile-text.mjs');

const GH = 'ghp_' + 'Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8';
const ARG_KEY = 'argKeyValue' + '7Hq2Lm9Xz';
const ARG_PW = 'argPassword' + '4Tn8Vb1Cw';
const URL_PW = 'urlPassword' + '5Rk3Jd6Pe';
const QUERY_KEY = 'queryKeyValue' + '2Ws9Fg4';
const URL_TOKEN = 'glpat-' + 'AbCdEfGhIjKlMnOpQrSt12';
const ENV_SECRET = 'envSecretValue' + '8Yu3Io6';
const HEADER_SECRET = 'headerSecretValue' + '1Qa7Zx5';
const SECRETS = [GH, ARG_KEY, ARG_PW, URL_PW, QUERY_KEY, URL_TOKEN, ENV_SECRET, HEADER_SECRET];

/** Any control character a terminal could act on: C0 except tab and newline, DEL, C1. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function assertNoSecret(r: CliRun, what: string): void {
  for (const s of SECRETS) {
    assert.ok(!r.stdout.includes(s), `${what}: stdout holds ${s.slice(0, 6)}…\n${r.stdout}`);
    assert.ok(!r.stderr.includes(s), `${what}: stderr holds ${s.slice(0, 6)}…\n${r.stderr}`);
  }
}

function assertNoControls(r: CliRun, what: string): void {
  assert.ok(!CONTROL.test(r.stdout), `${what}: stdout holds a control character: ${JSON.stringify(r.stdout)}`);
  assert.ok(!CONTROL.test(r.stderr), `${what}: stderr holds a control character: ${JSON.stringify(r.stderr)}`);
}

describe('CLI under hostile input (issue 10)', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-hostile-'));
    writeFiles(dir, {
      '.vscode/mcp.json': JSON.stringify({
        servers: {
          hostile: { command: process.execPath, args: [HOSTILE, '--token', GH, `--api-key=${ARG_KEY}`, '--password', ARG_PW], env: { API_TOKEN: ENV_SECRET, PLAIN: 'x' } },
          dying: { command: process.execPath, args: [HOSTILE], env: { HOSTILE_EXIT: '1' } },
          remote: { type: 'http', url: `http://alice:${URL_PW}@127.0.0.1:9/mcp?api_key=${QUERY_KEY}&page=2`, headers: { 'X-Api-Key': HEADER_SECRET } },
          tokenUser: { type: 'http', url: `https://${URL_TOKEN}@127.0.0.1:9/mcp` },
          'evil\u001b]0;title\u0007name': { command: process.execPath, args: [HOSTILE] },
        },
      }, null, 2),
    });
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  describe('defect 2: one redaction policy in every verb', () => {
    for (const args of [['servers'], ['servers', '--json'], ['list', 'hostile', 'remote', 'tokenUser'], ['list', 'hostile', 'remote', 'tokenUser', '--json']]) {
      it(`${args.join(' ')} prints no token in args, no URL password, query key or token user, no env or header value`, async () => {
        const r = await runCli(args, dir);
        assert.ok(r.stdout.includes('hostile'), r.stdout + r.stderr);
        assertNoSecret(r, args.join(' '));
        if (args[0] === 'servers') {
          assert.ok(r.stdout.includes('--token <redacted>') && r.stdout.includes('--api-key=<redacted>') && r.stdout.includes('--password <redacted>'), r.stdout);
          assert.ok(r.stdout.includes('alice:<redacted>@') && r.stdout.includes('api_key=<redacted>&page=2'), r.stdout);
        }
      });
    }
    for (const args of [['describe', 'hostile'], ['call', 'hostile', 'throw-hostile'], ['prompt', 'hostile', 'prompt-hostile'], ['read', 'hostile', 'hostile://text'], ['describe', 'remote'], ['call', 'tokenUser', 'x']]) {
      it(`${args.join(' ')} prints no secret`, async () => {
        const r = await runCli(args, dir);
        assertNoSecret(r, args.join(' '));
      });
    }
  });

  describe('defect 3: no control character from a server or a config reaches the terminal', () => {
    const verbs: [string[], RegExp][] = [
      [['servers'], /evil\\u001b\]0;title\\u0007name/],
      [['list', 'hostile'], /a tool \\u001b\[2J/],
      [['list', 'dying'], /dying \\u001b\[2J\\u001b\[H\\u001b\]0;pwned-title\\u0007\\u001b\]52;c;ZWNobyBwd25lZA==\\u0007\\u009b2J\\u000dover/],
      [['describe', 'hostile'], /a tool \\u001b/],
      [['call', 'hostile', 'echo-hostile'], /result \\u001b/],
      [['call', 'hostile', 'fail-hostile'], /failed \\u001b/],
      [['call', 'hostile', 'throw-hostile'], /thrown \\u001b/],
      [['prompt', 'hostile', 'prompt-hostile'], /prompt \\u001b/],
      [['read', 'hostile', 'hostile://text'], /resource \\u001b/],
    ];
    for (const [args, shown] of verbs) {
      it(`${args.join(' ')}: control characters shown as \\u escapes`, async () => {
        const r = await runCli(args, dir);
        assertNoControls(r, args.join(' '));
        assert.match(r.stdout + r.stderr, shown);
      });
    }
    for (const args of [['list', 'hostile', '--json'], ['call', 'hostile', 'echo-hostile', '--json'], ['read', 'hostile', 'hostile://text', '--json'], ['servers', '--json']]) {
      it(`${args.join(' ')}: still valid JSON, with the server's text intact, and no raw control character`, async () => {
        const r = await runCli(args, dir);
        assertNoControls(r, args.join(' '));
        const strings: string[] = [];
        JSON.parse(r.stdout, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
        if (args[0] === 'servers') assert.ok(strings.some((t) => t.includes('evil\u001b]0;title\u0007name')), 'the name survives as data in the parsed JSON');
        else assert.ok(strings.some((t) => t.includes('\u009b2J')), 'the C1 character survives as data in the parsed JSON');
      });
    }
  });
});
