/**
 * Issue 14, item 5: `mcp-devtools doctor` with no server (dist/cli.js) on a fixture workspace: a
 * good server, a missing command and a crashing server in `.mcp.json`; and a Claude Desktop file
 * whose command only nvm puts on the shell's PATH, which Claude Desktop (started from the desktop)
 * does not get. Real servers, real files, a controlled HOME and PATH.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { FileReport } from '../../../src/cli/configDoctor';
import { FIXTURES, runCli, writeFiles, type CliRun } from '../connection/helpers';

const posix = process.platform !== 'win32';

(posix ? describe : describe.skip)('cli: doctor with no server (the config doctor)', function () {
  this.timeout(120_000);
  let dir: string;
  let home: string;
  let nvmBin: string;
  let json: CliRun;
  let text: CliRun;
  let desktop: CliRun;
  const T = ['--timeout', '60'];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-cfgdoctor-'));
    home = path.join(dir, 'home');
    nvmBin = path.join(home, '.nvm', 'versions', 'node', 'v22.0.0', 'bin');
    writeFiles(dir, {
      'ws/.mcp.json': JSON.stringify({
        mcpServers: {
          good: { command: process.execPath, args: [path.join(FIXTURES, 'calls.mjs')] },
          missing: { command: 'mcp-no-such-server', args: ['--stdio'] },
          crashing: { command: process.execPath, args: [path.join(FIXTURES, 'crash.mjs')] },
        },
      }, null, 2),
      // Cursor reads the login shell's environment: the nvm command starts, with a note
      'ws/.cursor/mcp.json': JSON.stringify({ mcpServers: { viaNvm: { command: 'mcp-nvm-only-server' } } }),
      'desktop/claude_desktop_config.json': JSON.stringify({ mcpServers: { nvmOnly: { command: 'mcp-nvm-only-server' } } }, null, 2),
      [path.relative(dir, path.join(nvmBin, 'mcp-nvm-only-server'))]: `#!/bin/sh\nexec "${process.execPath}" "${path.join(FIXTURES, 'calls.mjs')}"\n`,
    });
    chmodSync(path.join(nvmBin, 'mcp-nvm-only-server'), 0o755);
    const env = { HOME: home, PATH: `${nvmBin}${path.delimiter}${process.env.PATH ?? ''}` };
    const ws = path.join(dir, 'ws');
    [json, text, desktop] = [
      await runCli(['doctor', '--json', ...T], ws, env),
      await runCli(['doctor', ...T], ws, env),
      await runCli(['doctor', '--json', ...T, '--config', path.join(dir, 'desktop/claude_desktop_config.json')], dir, env),
    ];
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const files = (r: CliRun) => (JSON.parse(r.stdout) as { files: FileReport[] }).files;
  const server = (r: CliRun, name: string) => files(r).flatMap((f) => f.servers).find((s) => s.name === name)!;

  it('exits 1 when a server fails', () => {
    assert.equal(json.status, 1, json.stderr);
    assert.equal(files(json).length, 2);
  });

  it('a good server: started, with its command resolved', () => {
    const s = server(json, 'good');
    assert.equal(s.status, 'started', JSON.stringify(s));
    assert.deepEqual(s.serverInfo, { name: 'calls', version: '1.0.0' });
    assert.equal(s.command?.resolution, 'found');
    assert.equal(s.command?.path, process.execPath);
  });

  it('a missing command: failed, at its "command" line, with a fix', () => {
    const s = server(json, 'missing');
    assert.equal(s.status, 'failed');
    assert.match(s.reason!, /spawn mcp-no-such-server ENOENT/);
    assert.equal(s.command?.resolution, 'missing');
    assert.equal(s.explanation?.cause, 'command-not-found');
    assert.equal(s.explanation?.at, `${path.join(dir, 'ws/.mcp.json')}:10:18`);
    assert.match(s.explanation!.fix, /install it, or write its absolute path in "command"/);
  });

  it('a crashing server: failed, explained as "Connection closed" with its stderr and the command line to run', () => {
    const s = server(json, 'crashing');
    assert.equal(s.status, 'failed');
    assert.equal(s.explanation?.cause, 'exited');
    assert.match(s.explanation!.problem, /-32000: Connection closed.*missing API_KEY/);
    assert.match(s.explanation!.fix, /crash\.mjs/);
  });

  it('prints each server with its fix, and the counts', () => {
    assert.equal(text.status, 1, text.stderr);
    assert.match(text.stdout, /^ {2}good: started: calls 1\.0\.0, \d+ tools/m);
    assert.match(text.stdout, /^ {2}missing: FAILED: spawn mcp-no-such-server ENOENT/m);
    assert.match(text.stdout, /^ {4}at .*\.mcp\.json:10:18 "command"$/m);
    assert.match(text.stdout, /^ {4}fix: /m);
    assert.match(text.stdout, /2 config files: 2 started, 2 failed, 0 skipped/);
  });

  it('a command found only through nvm starts in Cursor (it reads the login shell\'s environment), with a note saying so', () => {
    const s = server(json, 'viaNvm');
    assert.equal(s.status, 'started', JSON.stringify(s));
    assert.equal(s.command?.manager, 'nvm');
    assert.equal(s.command?.clientPath.source, 'shell-resolved');
    assert.match(text.stdout, /^ {4}note: mcp-nvm-only-server is found only through nvm.*"command": ".*mcp-nvm-only-server"$/m);
  });

  it('Claude Desktop: a command only nvm puts on PATH fails as it would there, with its absolute path as the fix', () => {
    assert.equal(desktop.status, 1, desktop.stderr);
    const s = server(desktop, 'nvmOnly');
    assert.equal(s.status, 'failed', JSON.stringify(s));
    assert.equal(s.command?.resolution, 'shell-only');
    assert.equal(s.command?.manager, 'nvm');
    assert.match(s.explanation!.problem, /nvm/);
    assert.ok(s.explanation!.fix.includes(`"command": ${JSON.stringify(path.join(nvmBin, 'mcp-nvm-only-server'))}`), s.explanation!.fix);
    assert.match(s.explanation!.at!, /claude_desktop_config\.json:4:18/);
  });

  it('--no-start starts nothing and says so', async () => {
    const r = await runCli(['doctor', '--json', '--no-start'], path.join(dir, 'ws'), { HOME: home });
    const ss = files(r).flatMap((f) => f.servers);
    assert.ok(ss.every((s) => s.status === 'skipped' && /--no-start/.test(s.reason!)), r.stdout);
    // the missing command is still an error: its client could not start it
    assert.equal(r.status, 1);
  });
});
