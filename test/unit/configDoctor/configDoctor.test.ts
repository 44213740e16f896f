/**
 * Issue 14, item 5: the config doctor's core. A command resolved on the PATH its client gets, with
 * real executables in temp folders and a controlled PATH and home (no mocks); start failures
 * explained with the config line at fault, on config files read by the real readers.
 */
import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkCommand, clientPath, explainStartFailure, formatLocation, LAUNCHD_PATH, resolveCommand, versionManagerOf, type HostEnv } from '../../../src/core/configDoctor';
import { readNamedConfigs } from '../../../src/core/config/discovery';
import type { ServerDefinition } from '../../../src/core/config/model';

const posix = process.platform !== 'win32';

/** Writes an executable script at `file`. */
function executable(file: string, text = '#!/bin/sh\nexit 0\n'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  chmodSync(file, 0o755);
  return file;
}

(posix ? describe : describe.skip)('config doctor: the PATH a client gets, and where a command resolves', () => {
  let home: string;
  let bin: string;
  let nvmBin: string;
  before(() => {
    home = mkdtempSync(path.join(tmpdir(), 'mcp-cfgdoctor-'));
    bin = path.join(home, 'usr-bin');
    nvmBin = path.join(home, '.nvm', 'versions', 'node', 'v22.1.0', 'bin');
    executable(path.join(bin, 'uvx'));
    executable(path.join(nvmBin, 'mcp-node-test'));
    // like npx as npm installs it: a script run by node through /usr/bin/env (a name no real
    // system folder has, since launchd's PATH is fixed: the machine's own npx must not answer)
    executable(path.join(nvmBin, 'mcp-npx-test'), '#!/usr/bin/env mcp-node-test\nconsole.log(1)\n');
    executable(path.join(home, '.volta', 'bin', 'pnpm'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));
  const host = (platform: NodeJS.Platform, pathVar: string): HostEnv => ({ platform, env: { PATH: pathVar }, home });

  it('knows the folders only a shell init file adds', () => {
    assert.equal(versionManagerOf('/Users/a/.nvm/versions/node/v20.11.0/bin'), 'nvm');
    assert.equal(versionManagerOf('/Users/a/.local/state/fnm_multishells/1234_567/bin'), 'fnm');
    assert.equal(versionManagerOf('/home/a/.local/share/fnm/node-versions/v22.0.0/installation/bin'), 'fnm');
    assert.equal(versionManagerOf('/home/a/.volta/bin'), 'volta');
    assert.equal(versionManagerOf('/home/a/.asdf/shims'), 'asdf');
    assert.equal(versionManagerOf('/usr/local/bin'), undefined);
  });

  it('gives Claude Desktop launchd\'s PATH on macOS, the session PATH on Linux, and the terminal clients the shell\'s', () => {
    const shell = `${nvmBin}:${bin}:/usr/bin`;
    assert.equal(clientPath('claude-desktop', host('darwin', shell)).path, LAUNCHD_PATH);
    assert.equal(clientPath('claude-desktop', host('linux', shell)).path, `${bin}:/usr/bin`);
    assert.equal(clientPath('claude-code', host('darwin', shell)).path, shell);
    assert.equal(clientPath('vscode', host('darwin', shell)).source, 'shell-resolved');
  });

  it('finds a command on the client\'s PATH', () => {
    const r = resolveCommand('uvx', { path: bin, source: 'shell', why: '' }, host('linux', bin));
    assert.deepEqual(r, { kind: 'found', command: 'uvx', path: path.join(bin, 'uvx') });
  });

  it('finds npx only through nvm, and says its script needs node on the PATH', () => {
    const cp = clientPath('claude-desktop', host('darwin', `${nvmBin}:${bin}`));
    const r = resolveCommand('mcp-npx-test', cp, host('darwin', `${nvmBin}:${bin}`));
    assert.ok(r.kind === 'shell-only', JSON.stringify(r));
    assert.equal(r.path, path.join(nvmBin, 'mcp-npx-test'));
    assert.equal(r.manager, 'nvm');
    assert.equal(r.missingInterpreter, 'mcp-node-test');
  });

  it('finds a command in a version manager\'s folder even when the shell PATH given lacks it (the extension\'s case)', () => {
    const r = resolveCommand('pnpm', { path: bin, source: 'this-process', why: '' }, host('linux', bin));
    assert.ok(r.kind === 'shell-only', JSON.stringify(r));
    assert.equal(r.manager, 'volta');
  });

  it('says missing when nothing has it, and leaves variables unchecked', () => {
    assert.equal(resolveCommand('no-such-mcp-server', { path: bin, source: 'shell', why: '' }, host('linux', bin)).kind, 'missing');
    assert.equal(resolveCommand('${env:HOME}/x', { path: bin, source: 'shell', why: '' }, host('linux', bin)).kind, 'unchecked');
  });
});

(posix ? describe : describe.skip)('config doctor: start failures explained at the config line', () => {
  let dir: string;
  let nvmBin: string;
  let servers: ServerDefinition[];
  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cfgdoctor-explain-'));
    nvmBin = path.join(dir, 'home', '.nvm', 'versions', 'node', 'v22.1.0', 'bin');
    executable(path.join(nvmBin, 'mcp-npx-test'), '#!/usr/bin/env mcp-node-test\n');
    executable(path.join(nvmBin, 'mcp-node-test'));
    const file = path.join(dir, 'claude_desktop_config.json');
    writeFileSync(file, [
      '{',
      '  "mcpServers": {',
      '    "fs": {',
      '      "command": "mcp-npx-test",',
      '      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/tmp"]',
      '    },',
      '    "script": {',
      '      "command": "node",',
      '      "args": ["build/index.js"]',
      '    },',
      '    "whole": { "command": "npx -y some-server" }',
      '  }',
      '}',
    ].join('\n'));
    [{ servers }] = await readNamedConfigs([file], { formatId: 'claude-desktop' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const server = (name: string) => servers.find((s) => s.name === name)!;
  const host = (): HostEnv => ({ platform: 'darwin', env: { PATH: `${nvmBin}:/usr/bin` }, home: path.join(dir, 'home') });

  it('spawn npx ENOENT: the "command" line, launchd\'s PATH, and the absolute path with env.PATH as the fix', () => {
    const def = server('fs');
    const check = checkCommand(def, host());
    const e = explainStartFailure(def, 'spawn mcp-npx-test ENOENT — the PATH searched was /usr/bin:/bin:/usr/sbin:/sbin', [], check);
    assert.ok(e);
    assert.equal(e.cause, 'command-not-found');
    assert.equal(formatLocation(e.at!), `${def.file}:4:18`);
    assert.equal(e.at!.field, 'command');
    assert.match(e.problem, /launchd's PATH/);
    assert.match(e.problem, /nvm/);
    assert.match(e.fix, new RegExp(`"command": "${path.join(nvmBin, 'mcp-npx-test').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    assert.match(e.fix, /"env": \{ "PATH": ".*v22\.1\.0\/bin:\/usr\/bin:\/bin/);
  });

  it('Connection closed with a missing script: the "args" entry at fault', () => {
    const def = server('script');
    const e = explainStartFailure(def, 'MCP error -32000: Connection closed', ["Error: Cannot find module '/work/proj/build/index.js'"]);
    assert.ok(e);
    assert.equal(e.cause, 'exited');
    assert.equal(e.at!.field, 'args[0]');
    assert.equal(e.at!.line, 8);
    assert.match(e.fix, /does not exist: fix the path in "args"/);
  });

  it('a server that exits: the command line to run in a terminal, and its last stderr', () => {
    const def = server('script');
    const e = explainStartFailure(def, 'server "script" exited during initialize (exit code 3); its last stderr: missing API_KEY', ['missing API_KEY']);
    assert.ok(e);
    assert.equal(e.at!.field, 'command');
    assert.equal(e.at!.line, 7);
    assert.match(e.problem, /-32000: Connection closed.*missing API_KEY/);
    assert.match(e.fix, /node build\/index\.js/);
  });

  it('env: node: No such file or directory: the interpreter is what is missing', () => {
    const def = server('fs');
    const e = explainStartFailure(def, 'server "fs" exited (exit code 127)', ['env: node: No such file or directory'], checkCommand(def, host()));
    assert.equal(e?.cause, 'interpreter-not-found');
    assert.match(e!.fix, /"env": \{ "PATH"/);
  });

  it('a whole command line in "command": split it', () => {
    const e = explainStartFailure(server('whole'), 'spawn npx -y some-server ENOENT');
    assert.equal(e?.cause, 'command-line-in-command');
    assert.match(e!.fix, /"command": "npx", "args": \["-y","some-server"\]/);
  });

  it('Windows: a .cmd shim found is fixed with cmd /c', () => {
    const def = server('fs');
    const check = { clientPath: { path: 'C:\\nodejs', source: 'windows' as const, why: 'Claude Desktop gets the user and system PATH' }, resolution: { kind: 'found' as const, command: 'npx', path: 'C:\\nodejs\\npx.cmd', windowsShim: true } };
    const e = explainStartFailure(def, 'spawn npx EINVAL', [], check);
    assert.equal(e?.cause, 'windows-shim');
    assert.match(e!.fix, /"command": "cmd", "args": \["\/c","npx","-y","@modelcontextprotocol\/server-filesystem","\/tmp"\]/);
  });

  it('knows nothing of an HTTP failure', () => {
    assert.equal(explainStartFailure(server('fs'), 'connect ECONNREFUSED 127.0.0.1:1'), undefined);
  });
});
