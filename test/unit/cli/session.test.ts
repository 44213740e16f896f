/**
 * Every verb lets go of what it started: after each run of the CLI's `main` (in-process, with a
 * fake Io and no terminal) against real servers (server-everything, the crash fixture), no
 * SIGINT/SIGTERM handler is left registered and no child process is left running, whether the
 * verb succeeded, failed (exit 1) or stopped on a usage error after starting the server (exit 2).
 * And Ctrl-C (or SIGTERM) while a server starts stops it before the CLI exits 130 (the built dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import { descendants, isAlive, waitUntil } from '../../../src/core/connection/processTree';
import { assertNoChildren, EVERYTHING, FIXTURES, ROOT } from '../connection/helpers';

describe('cli: every verb closes its servers and removes its signal handlers', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'mcp-cli-session-')));
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'mcp.json'), JSON.stringify({
      servers: {
        everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] },
        crash: { command: process.execPath, args: [path.join(FIXTURES, 'crash.mjs')] },
        hang: { command: process.execPath, args: [path.join(FIXTURES, 'hang.mjs')] },
      },
    }));
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  const runs: [string[], number][] = [
    [['servers'], 0],
    [['lint', '--no-user'], 0],
    [['list', 'everything'], 0],
    [['list', 'crash'], 1],
    [['read', 'everything', 'demo://resource/static/document/architecture.md'], 0],
    [['read', 'crash', 'file:///x'], 1],
    [['describe', 'everything'], 0],
    [['describe', 'everything', 'echo', '--json'], 0],
    [['describe', 'everything', 'no-such-tool'], 2],
    [['describe', 'crash'], 1],
    [['call', 'everything', 'echo', '--args', '{"message":"hi"}'], 0],
    [['call', 'everything', 'echo'], 2],
    [['call', 'everything', 'no-such-tool'], 2],
    [['call', 'crash', 'echo'], 1],
    [['prompt', 'everything', 'simple-prompt'], 0],
    [['prompt', 'everything', 'args-prompt'], 2],
    [['prompt', 'crash', 'p'], 1],
  ];

  for (const [args, code] of runs) {
    it(`${args.join(' ')} (exit ${code})`, async () => {
      const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
      let out = '';
      const status = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (out += s + '\n'), cwd: dir, env: process.env });
      assert.equal(status, code, out);
      assert.deepEqual({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }, before, 'a signal handler stayed registered');
      await assertNoChildren();
    });
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} while a server starts (dist/cli.js): the server is stopped, then the CLI exits 130`, async () => {
      const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'list', 'hang', '--timeout', '30'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      let servers: number[] = [];
      const end = Date.now() + 20_000;
      while (!servers.length && Date.now() < end) {
        servers = await descendants(child.pid ?? 0);
        if (!servers.length) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(servers.length, 'the CLI started the server');
      // Let the server get going (and the CLI install its handler) before interrupting.
      await new Promise((r) => setTimeout(r, 500));
      child.kill(signal);
      assert.equal(await exited, 130);
      assert.ok(await waitUntil(() => !servers.some(isAlive), 3000), `left running: ${servers.filter(isAlive).join(', ')}`);
    });
  }
});
