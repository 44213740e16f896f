/**
 * Issue 13, items 1 and 2: `call … --save FILE` then `mcp-devtools test` (dist/cli.js) against the
 * `snapshots.mjs` fixture over real stdio, configured by name and given as a command line after
 * `--`: a saved call passes, fails when the server answers differently (with both values shown),
 * JUnit XML holds the failing testcase, ignored paths make a timestamp pass, `--update` rewrites
 * only the snapshot, a redacted secret is reported as not replayable.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertNoChildren, FIXTURES, runCli } from '../connection/helpers';

const SERVER = path.join(FIXTURES, 'snapshots.mjs');
const T = ['--timeout', '120'];
const SECRET = 'sk-live-abcdefghijklmnop1234567890';

describe('cli: call --save and mcp-devtools test', function () {
  this.timeout(600_000);
  let dir: string;
  const file = () => path.join(dir, 'tests', 'a.mcp-tests.json');
  const read = () => JSON.parse(readFileSync(file(), 'utf8')) as { server: string; calls: { name: string; ignore?: string[]; expect: unknown; arguments: Record<string, unknown> }[] };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-test-'));
    writeFileSync(path.join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { snap: { command: process.execPath, args: [SERVER] } } }));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('saves calls of a configured server into a new collection file, key order stable', async () => {
    const greet = await runCli(['call', 'snap', 'greet', ...T, '--args', '{"name":"Ada"}', '--save', 'tests/a.mcp-tests.json'], dir);
    assert.equal(greet.status, 0, greet.stderr);
    assert.match(greet.stderr, /saved tool greet to tests\/a\.mcp-tests\.json/);
    const clock = await runCli(['call', 'snap', 'clock', ...T, '--save', 'tests/a.mcp-tests.json'], dir);
    assert.equal(clock.status, 0, clock.stderr);
    const intro = await runCli(['prompt', 'snap', 'intro', ...T, '--args', '{"name":"Bo"}', '--save', 'tests/a.mcp-tests.json'], dir);
    assert.equal(intro.status, 0, intro.stderr);
    const text = readFileSync(file(), 'utf8');
    assert.ok(text.endsWith('}\n'));
    const c = read();
    assert.equal(c.server, 'snap');
    assert.deepEqual(c.calls.map((x) => x.name), ['greet', 'clock', 'intro']);
    assert.deepEqual(Object.keys(c.calls[0]), ['kind', 'name', 'arguments', 'expect']);
    assert.deepEqual(c.calls[0].expect, { content: [{ type: 'text', text: 'Hello, Ada!' }] });
  });

  it('a timestamp fails until its paths are ignored; then every call passes (exit 0)', async () => {
    const before = await runCli(['test', 'tests/a.mcp-tests.json', ...T], dir);
    assert.equal(before.status, 1, before.stdout + before.stderr);
    assert.match(before.stdout, /✓ #1 tool greet \(\d+ ms\)/);
    assert.match(before.stdout, /✗ #2 tool clock/);
    const c = read();
    c.calls[1].ignore = ['/content/0/text', '/structuredContent/now'];
    writeFileSync(file(), JSON.stringify(c, null, 2) + '\n');
    const after = await runCli(['test', ...T], dir);
    assert.equal(after.status, 0, after.stdout + after.stderr);
    assert.match(after.stdout, /3 passed, 0 failed/);
  });

  it('fails (exit 1) when the server answers differently, with both values, and as a JUnit failing testcase', async () => {
    const r = await runCli(['test', 'tests', ...T, '--reporter', 'junit', '--output', 'junit.xml'], dir, { GREETING: 'Hi' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    // the text report goes to stderr when the report is written to a file
    assert.match(r.stderr, /✗ #1 tool greet[\s\S]*at \/content\/0\/text\s+expected: "Hello, Ada!"\s+actual: +"Hi, Ada!"/);
    const xml = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    assert.match(xml, /<testsuites name="mcp-devtools test" tests="3" failures="1"/);
    assert.match(xml, /<testcase classname="tests\/a\.mcp-tests\.json" name="#1 tool greet" time="[\d.]+">\s*<failure message="at \/content\/0\/text"/);
    assert.match(xml, /<testcase classname="tests\/a\.mcp-tests\.json" name="#2 tool clock" time="[\d.]+"\/>/);
  });

  it('--update --grep rewrites only that snapshot; the new answer then passes', async () => {
    const beforeText = readFileSync(file(), 'utf8');
    const u = await runCli(['test', ...T, '--update', '--grep', 'greet'], dir, { GREETING: 'Hi' });
    assert.equal(u.status, 0, u.stdout + u.stderr);
    assert.match(u.stdout, /↻ #1 tool greet.*snapshot updated/);
    assert.match(u.stdout, /0 passed, 0 failed, 1 updated \(1 call/);
    const afterText = readFileSync(file(), 'utf8');
    assert.deepEqual(read().calls[0].expect, { content: [{ type: 'text', text: 'Hi, Ada!' }] });
    assert.equal(afterText.replace('Hi, Ada!', 'Hello, Ada!'), beforeText, 'nothing else changed');
    const j = await runCli(['test', ...T, '--reporter', 'json'], dir, { GREETING: 'Hi' });
    assert.equal(j.status, 0, j.stdout + j.stderr);
    assert.equal(JSON.parse(j.stdout).passed, 3);
  });

  it('a command line after -- is saved with env names only; a redacted argument is reported as not replayable', async () => {
    const g = await runCli(['call', 'greet', ...T, '--args', '{"name":"Cy"}', '--env', 'GREETING=Hey', '--save', 'b.mcp-tests.json', '--', process.execPath, SERVER], dir);
    assert.equal(g.status, 0, g.stderr);
    assert.match(g.stderr, /only their names: `test` takes GREETING from its own environment/);
    const l = await runCli(['call', 'login', ...T, '--args', JSON.stringify({ user: 'u', apiKey: SECRET }), '--save', 'b.mcp-tests.json', '--', process.execPath, SERVER], dir);
    assert.equal(l.status, 0, l.stderr);
    assert.match(l.stderr, /argument \/apiKey looked like a secret and is saved as <redacted>/);
    const text = readFileSync(path.join(dir, 'b.mcp-tests.json'), 'utf8');
    assert.ok(!text.includes(SECRET) && !text.includes('GREETING=Hey'), text);
    const saved = JSON.parse(text) as { server: { command: string[]; env: string[]; cwd: string } };
    assert.deepEqual(saved.server, { command: [process.execPath, SERVER], env: ['GREETING'], cwd: '.' });
    const t = await runCli(['test', 'b.mcp-tests.json', ...T], dir, { GREETING: 'Hey' });
    assert.equal(t.status, 1, t.stdout + t.stderr);
    assert.match(t.stdout, /✓ #1 tool greet/);
    assert.match(t.stdout, /✗ #2 tool login\n\s+cannot be replayed: argument \/apiKey was saved as <redacted>/);
    assert.ok(!(t.stdout + t.stderr).includes(SECRET));
  });

  it('usage and I/O errors exit 2 and say where', async () => {
    writeFileSync(path.join(dir, 'bad.mcp-tests.json'), '{\n  "server": "snap",\n  "calls": [\n    { "kind": "resource", "name": "x", "expect": {} }\n  ]\n}\n');
    const bad = await runCli(['test', 'bad.mcp-tests.json'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad\.mcp-tests\.json:4:15: calls\[0\]\.kind must be "tool" or "prompt"/);
    const missing = await runCli(['test', 'nowhere'], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nowhere: no such file or folder/);
    assert.ok(!bad.stderr.includes('usage:'), 'a defect of a file is not a usage error');
  });
});
