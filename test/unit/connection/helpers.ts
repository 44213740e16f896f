/**
 * Shared test helpers for the connection layer: server definitions, free loopback ports, HTTP and
 * WebSocket servers started as child processes, the check that a test left no process behind, and
 * running the built CLI.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { ServerDefinition, Transport } from '../../../src/core/config/model';
import { descendants, isAlive, waitUntil } from '../../../src/core/connection/processTree';
import type { ServerRegistry } from '../../../src/core/connection';

/** The repository root (tests run from out/test/unit/connection). */
export const ROOT = path.resolve(__dirname, '../../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/servers');
export const EVERYTHING = path.join(ROOT, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
export const FILESYSTEM = path.join(ROOT, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js');
export const MEMORY = path.join(ROOT, 'node_modules/@modelcontextprotocol/server-memory/dist/index.js');

const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 };
const at = <T>(value: T) => ({ value, range: R });

/** A stdio definition: `command args…`, with `env` values as written in a config. */
export function stdio(name: string, command: string, args: string[], env: Record<string, string | null> = {}, extra: Partial<Extract<Transport, { kind: 'stdio' }>> = {}): ServerDefinition {
  const transport: Transport = { kind: 'stdio', command: at(command), args: args.map(at), env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, at(v)])), ...extra };
  return { name, id: `/test/mcp.json#${name}`, client: 'vscode', file: '/test/mcp.json', range: R, transport, options: {} };
}

/** A node fixture from test/fixtures/servers. */
export function fixture(name: string, file: string, args: string[] = [], env: Record<string, string | null> = {}): ServerDefinition {
  return stdio(name, process.execPath, [path.join(FIXTURES, file), ...args], env);
}

/** A remote definition. */
export function remote(name: string, kind: 'http' | 'sse' | 'ws', url: string, headers: Record<string, string> = {}): ServerDefinition {
  const transport: Transport = { kind, url: at(url), headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, at(v)])) };
  return { name, id: `/test/mcp.json#${name}`, client: 'vscode', file: '/test/mcp.json', range: R, transport, options: {} };
}

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A server process started for a test, and how to end it. */
export interface ChildServer {
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `node --import loopback.mjs script args` with `PORT` (free, or `fixedPort`), and waits until the port accepts connections. */
export async function startChildServer(script: string, args: string[], env: Record<string, string> = {}, fixedPort?: number): Promise<ChildServer> {
  const port = fixedPort ?? (await freePort());
  const child = spawn(process.execPath, ['--import', path.join(FIXTURES, 'loopback.mjs'), script, ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };
  const ok = await waitUntilAsync(() => canConnect(port), 15_000);
  if (!ok) {
    await stop();
    throw new Error(`${path.basename(script)} did not listen on ${port}: ${stderr}`);
  }
  return { port, child, stop };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitUntilAsync(done: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Fails when this test process still has a descendant process (after a short grace for exits in flight). */
export async function assertNoChildren(): Promise<void> {
  let left: number[] = [];
  const gone = await waitUntilAsync(async () => {
    left = (await descendants(process.pid)).filter(isAlive);
    return left.length === 0;
  }, 3000);
  assert.ok(gone, `processes left behind: ${left.join(', ')}`);
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  assert.ok(await waitUntil(check, ms), `timed out waiting for ${what}`);
}

/** The state kind of one server of a registry. */
export function stateOf(registry: ServerRegistry, id: string): string {
  return registry.get(id)?.state.kind ?? 'missing';
}

/** The built CLI, as `npm install` leaves it. */
export const CLI = path.join(ROOT, 'dist/cli.js');

/** What a CLI run left: its exit code (null when killed by a signal) and its whole output. */
export interface CliRun { status: number | null; stdout: string; stderr: string }

/**
 * Runs the built CLI in `cwd` with stdin closed (so never a terminal), without blocking the event
 * loop (the servers it starts may be this process's own fixtures); `env` is added to this process's.
 */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Writes `files` (path relative to `root` → text) under `root`, creating folders as needed. */
export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const p = path.join(root, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
}
