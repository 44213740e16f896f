/**
 * Issue 12, item 1: servers with no config file on the command line (dist/cli.js, run in an
 * empty temp folder): a command line after `--`, a URL in place of the server's name, with
 * --header, --env and --cwd; usage errors; secrets never printed.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertNoChildren, EVERYTHING, runCli, startChildServer, type ChildServer, type CliRun } from '../connection/helpers';

/** A stdio "server" that prints its env and cwd on stderr and exits: what the CLI shows of it on failure. */
const TELLER = `process.stderr.write('cwd=' + process.cwd() + ' key=' + process.env.API_KEY + ' plain=' + process.env.PLAIN + '\\n'); process.exit(3);`;

/** Each server's time to start and answer, seconds: generous, the machine may be busy. */
const T = ['--timeout', '120'];
/** CLI runs at once. */
const BATCH = 4;

describe('cli: servers with no config file (a URL, or a command line after --)', function () {
  this.timeout(600_000);
  let dir: string;
  let http: ChildServer;
  const runs: Record<string, CliRun> = {};

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-adhoc-'));
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'teller.js'), TELLER);
    http = await startChildServer(EVERYTHING, ['streamableHttp']);
    const url = `http://127.0.0.1:${http.port}/mcp`;
    const todo: Record<string, string[]> = {
      listStdio: ['list', '--json', ...T, '--', process.execPath, EVERYTHING, 'stdio'],
      listHttp: ['list', url, ...T, '--json'],
      listHttpHeader: ['list', url, ...T, '--header', 'Authorization: Bearer sekret-header-token-123', '--header', 'X-Plain: shown', '--json', '--verbose'],
      echo: ['call', 'echo', ...T, '--args', '{"message":"hi"}', '--', process.execPath, EVERYTHING, 'stdio'],
      echoHttp: ['call', url, 'echo', ...T, '--args', '{"message":"over http"}'],
      describe: ['describe', 'echo', ...T, '--', process.execPath, EVERYTHING, 'stdio'],
      envCwd: ['list', ...T, '--env', 'API_KEY=sekret-env-value-456', '--env', 'PLAIN=visible', '--cwd', 'sub', '--', process.execPath, 'teller.js'],
      missing: ['list', ...T, '--', 'no-such-mcp-server-command-xyz', '--flag'],
      bareDash: ['list', '--json', '--'],
      badUrl: ['list', 'ftp://example.com/mcp'],
      headerNoUrl: ['list', '--header', 'A: b', '--', process.execPath, EVERYTHING, 'stdio'],
      envNoCommand: ['call', 'everything', 'echo', '--env', 'A=b'],
      badEnv: ['list', '--env', 'sekret-no-equals', '--', process.execPath, EVERYTHING],
      extra: ['call', 'everything', 'echo', '--', process.execPath, EVERYTHING, 'stdio'],
      serversDash: ['servers', '--', 'node', 'x.js'],
    };
    // A few at a time, each server with time to start: the machine may be busy (no timed assertion here).
    const entries = Object.entries(todo);
    for (let i = 0; i < entries.length; i += BATCH) {
      await Promise.all(entries.slice(i, i + BATCH).map(async ([k, args]) => (runs[k] = await runCli(args, dir))));
    }
  });

  after(async () => {
    await http?.stop();
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('list --json -- node <server-everything> stdio lists its tools from an empty folder', () => {
    const r = runs.listStdio;
    assert.equal(r.status, 0, r.stderr);
    const [s] = JSON.parse(r.stdout) as { name: string; adHoc: boolean; file?: string; state: string; tools: { name: string }[] }[];
    assert.equal(s.name, 'server-everything');
    assert.equal(s.adHoc, true);
    assert.equal(s.file, undefined);
    assert.equal(s.state, 'running');
    assert.ok(s.tools.some((t) => t.name === 'echo'), r.stdout);
  });

  it('list http://127.0.0.1:<port>/mcp --json lists its tools over Streamable HTTP', () => {
    const r = runs.listHttp;
    assert.equal(r.status, 0, r.stderr);
    const [s] = JSON.parse(r.stdout) as { name: string; transport: string; tools: { name: string }[] }[];
    assert.equal(s.name, `127.0.0.1:${http.port}`);
    assert.equal(s.transport, 'http');
    assert.ok(s.tools.some((t) => t.name === 'echo'));
  });

  it('call echo --args … -- node <server-everything> stdio prints the echo; a URL works as the server', () => {
    assert.equal(runs.echo.status, 0, runs.echo.stderr);
    assert.match(runs.echo.stdout, /^Echo: hi\n/);
    assert.equal(runs.echoHttp.status, 0, runs.echoHttp.stderr);
    assert.match(runs.echoHttp.stdout, /^Echo: over http\n/);
    assert.equal(runs.describe.status, 0, runs.describe.stderr);
    assert.match(runs.describe.stdout, /^echo — /);
  });

  it('--header is sent, and a credential header\'s value is never printed (--verbose traces every message)', () => {
    const r = runs.listHttpHeader;
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!(r.stdout + r.stderr).includes('sekret-header-token-123'));
  });

  it('--env and --cwd reach the process; env values are never printed', () => {
    const r = runs.envCwd;
    assert.equal(r.status, 1);
    assert.match(r.stderr, /mcp-devtools list: server "teller\.js" failed: /);
    assert.match(r.stderr, new RegExp(`stderr: cwd=${path.join(dir, 'sub').replace(/[/\\]/g, '.')} key=<redacted> plain=<redacted>`), r.stderr);
    assert.ok(!r.stderr.includes('sekret-env-value-456'));
  });

  it('a missing command fails as a configured one does: spawn … ENOENT with a hint', () => {
    const r = runs.missing;
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no-such-mcp-server-command-xyz/);
    assert.match(r.stderr, /ENOENT|not found/i);
  });

  it('usage errors (exit 2): nothing after --, a bad URL, options without what they apply to, -- on a verb that takes no server', () => {
    const expect: Record<string, RegExp> = {
      bareDash: /"--" must be followed by the server's command line/,
      badUrl: /starts with http:\/\/, https:\/\/, ws:\/\/ or wss:\/\//,
      headerNoUrl: /--header applies to a server URL/,
      envNoCommand: /--env applies to a server's command line/,
      badEnv: /has no "=": write it as NAME=value/,
      extra: /unexpected argument "echo"/,
      serversDash: /takes no command line after "--"/,
    };
    for (const [k, re] of Object.entries(expect)) {
      assert.equal(runs[k].status, 2, `${k}: ${runs[k].stderr}`);
      assert.match(runs[k].stderr, re, k);
      assert.match(runs[k].stderr, /usage: mcp-devtools/, k);
    }
    assert.ok(!runs.badEnv.stderr.includes('sekret'));
    assert.match(runs.missing.stderr, /hint|PATH/i);
  });
});
