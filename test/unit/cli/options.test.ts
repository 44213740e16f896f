/**
 * Options the verbs declare are honoured, not only parsed: `--user` adds the user-scope config
 * files for every verb that reads configs (`describe --user` was once parsed and ignored), and `--timeout <seconds>` bounds the start of a server for every verb that starts
 * one. `main` runs in-process with a fake Io; HOME points at a scratch home for `--user`.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { assertNoChildren, EVERYTHING, FIXTURES } from '../connection/helpers';

async function run(args: string[], cwd: string): Promise<{ status: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const status = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n'), cwd, env: process.env });
  return { status, out, err };
}

describe('cli: declared options are honoured', function () {
  this.timeout(60_000);
  let dir: string;
  let home: string;
  let work: string;
  const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME, CODEX_HOME: process.env.CODEX_HOME };

  before(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-cli-options-')));
    home = path.join(dir, 'home');
    work = path.join(dir, 'work');
    mkdirSync(path.join(home, '.cursor'), { recursive: true });
    mkdirSync(path.join(work, '.vscode'), { recursive: true });
    // A user-scope server (Cursor's ~/.cursor/mcp.json) and a workspace one that never answers.
    writeFileSync(path.join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { personal: { command: process.execPath, args: [EVERYTHING, 'stdio'] } } }));
    writeFileSync(path.join(work, '.vscode', 'mcp.json'), JSON.stringify({ servers: { hang: { command: process.execPath, args: [path.join(FIXTURES, 'hang.mjs')] } } }));
    process.env.HOME = home;
    delete process.env.XDG_CONFIG_HOME;
    delete process.env.CODEX_HOME;
  });

  after(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('describe --user reads the user-scope files (without it, the user\'s server is not configured)', async () => {
    const without = await run(['describe', 'personal', 'echo'], work);
    assert.equal(without.status, 2);
    assert.match(without.err, /no server named "personal" is configured .*--user also reads/);
    const r = await run(['describe', 'personal', 'echo', '--user'], work);
    assert.equal(r.status, 0, r.err);
    assert.match(r.out, /^echo — .*\n {2}\/message {2}string, required/);
  });

  it('servers, list, read, call and prompt take --user too', async () => {
    assert.match((await run(['servers', '--user'], work)).out, new RegExp(`^${path.join(home, '.cursor', 'mcp.json').replace(/[.\\]/g, '\\$&')} \\(Cursor, user\\)\n {2}personal`, 'm'));
    const list = await run(['list', 'personal', '--user', '--json'], work);
    assert.equal(list.status, 0, list.err);
    assert.ok((JSON.parse(list.out) as { tools: { name: string }[] }[])[0].tools.some((t) => t.name === 'echo'));
    assert.equal((await run(['read', 'personal', 'demo://resource/static/document/architecture.md', '--user'], work)).status, 0);
    assert.match((await run(['call', 'personal', 'echo', '--args', '{"message":"mine"}', '--user'], work)).out, /^Echo: mine$/m);
    assert.equal((await run(['prompt', 'personal', 'simple-prompt', '--user'], work)).status, 0);
  });

  for (const verb of [['list', 'hang'], ['read', 'hang', 'file:///x'], ['describe', 'hang'], ['call', 'hang', 'tool'], ['prompt', 'hang', 'p']]) {
    // The default timeout is 60 s and this suite's is 60 s: the message names the 1 s that was used.
    it(`${verb[0]} --timeout 1: a server that never answers initialize fails after the given timeout (exit 1)`, async () => {
      const r = await run([...verb, '--timeout', '1'], work);
      assert.equal(r.status, 1, r.err);
      assert.match(r.err, new RegExp(`^mcp-devtools ${verb[0]}: server "hang" failed: .*hang\\.mjs did not answer initialize within 1 s$`, 'm'));
    });
  }
});
