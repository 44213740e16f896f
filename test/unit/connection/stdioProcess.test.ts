/**
 * The guard on the SDK's private `_process` (src/core/connection/stdioProcess.ts): with the SDK
 * installed, a started stdio transport still exposes its child process and pid where we look, so
 * exit codes reach crash messages and stop can end the server's whole process tree. An SDK upgrade
 * that renames the field fails here instead of leaking processes silently; without it, the
 * session degrades and logs a warning.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { openConnection, type ConnectOptions } from '../../../src/core/connection/connect';
import { stdioChild, stdioPid } from '../../../src/core/connection/stdioProcess';
import { assertNoChildren, FIXTURES } from './helpers';

function options(warnings: string[]): ConnectOptions {
  return {
    roots: () => [],
    trace: () => false,
    onTrace: () => undefined,
    onTransportError: () => undefined,
    onStderr: () => undefined,
    onWarning: (m) => warnings.push(m),
    connectTimeoutMs: 15_000,
  };
}

const node = (file: string) => ({ kind: 'stdio' as const, command: process.execPath, args: [path.join(FIXTURES, file)], env: {} });

describe('connection: the SDK stdio transport\'s server process', () => {
  it('the installed SDK exposes the child process (private `_process`) and its pid', async () => {
    const t = new StdioClientTransport({ command: process.execPath, args: ['-e', "process.stdin.resume().on('end', () => process.exit(0))"], stderr: 'ignore' });
    await t.start();
    try {
      const child = stdioChild(t);
      assert.ok(child instanceof ChildProcess, 'StdioClientTransport._process is no longer a ChildProcess: update src/core/connection/stdioProcess.ts');
      assert.equal(typeof child.pid, 'number');
      assert.equal(stdioPid(t), child.pid);
      assert.equal(t.pid, child.pid);
    } finally {
      await t.close();
    }
  });

  it('falls back to undefined, not a throw, when the field is missing or not a child process', () => {
    const bare = {} as Transport;
    assert.equal(stdioChild(bare), undefined);
    assert.equal(stdioPid(bare), undefined);
    const renamed = { _process: { pid: 1234, once() {} }, pid: null } as unknown as Transport;
    assert.equal(stdioChild(renamed), undefined);
    assert.equal(stdioPid(renamed), undefined);
    assert.equal(stdioPid({ pid: 4321 } as unknown as Transport), 4321);
  });

  it('a real session has a pid, an exit code for a crash, and no warning', async () => {
    const warnings: string[] = [];
    const conn = await openConnection(node('changing.mjs'), options(warnings));
    try {
      assert.equal(typeof conn.pid, 'number');
    } finally {
      await conn.close();
    }
    await assert.rejects(openConnection(node('crash.mjs'), options(warnings)), /exited before answering initialize \(exit code 3\)/);
    assert.deepEqual(warnings, []);
    await assertNoChildren();
  });
});
