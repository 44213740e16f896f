// Process helpers for the test harness: every long-lived child runs in its own process group
// (`detached: true` = setsid on POSIX) so stopping it kills its helpers too, and every wait is bounded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';

/** Children started through {@link spawnGroup} that are still running: killed on exit and on signals. */
const live = new Set();

function killAll(signal = 'SIGKILL') {
  for (const child of live) {
    try { process.kill(-child.pid, signal); } catch { /* already gone */ }
  }
}
process.on('exit', () => killAll());
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => { killAll(); process.exit(sig === 'SIGINT' ? 130 : 143); });
}

/**
 * The environment a harness child gets: `env` without what an outer `npm run`/`npm test`/`npm start`
 * adds for its own scripts. Those variables describe the outer npm and its Node (20), not the child:
 * code-server's postinstall, for one, reads the Node version from `npm_config_user_agent` and refuses
 * to install on "node v20" although it runs on Node 24. So a nested npm or node behaves the same under
 * npm, plain `node` and CI. Removed: every `npm_*` variable, `INIT_CWD`, `NODE`, `COLOR`, and the PATH
 * entries npm prepends (`…/node_modules/.bin`, npm's `node-gyp-bin`). Settings a child needs are passed
 * explicitly (as command-line flags or variables the caller adds after this).
 * @param {NodeJS.ProcessEnv} [env=process.env] @returns {NodeJS.ProcessEnv} a new object
 */
export function cleanEnv(env = process.env) {
  const out = {};
  for (const [k, v] of Object.entries(env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'NODE' || k === 'COLOR') continue;
    out[k] = v;
  }
  if (out.PATH) {
    out.PATH = out.PATH.split(path.delimiter)
      .filter((p) => !/[\\/]node-gyp-bin$/.test(p) && !/[\\/]node_modules[\\/]\.bin$/.test(p))
      .join(path.delimiter);
  }
  return out;
}

/**
 * Spawns `cmd` in a new process group, with `opts.env` (default: this process's environment) passed
 * through {@link cleanEnv} and then `opts.extraEnv` added. Returns the ChildProcess; stop it with
 * {@link stopGroup}.
 * @param {string} cmd @param {string[]} args
 * @param {import('node:child_process').SpawnOptions & {extraEnv?: Record<string, string>}} opts
 */
export function spawnGroup(cmd, args, opts = {}) {
  const { extraEnv, ...rest } = opts;
  const env = { ...cleanEnv(rest.env ?? process.env), ...(extraEnv ?? {}) };
  const child = spawn(cmd, args, { ...rest, env, detached: true });
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

/** SIGTERM to the whole group, then SIGKILL after `graceMs`; resolves when the leader has exited. */
export async function stopGroup(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    if (child?.pid) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    return;
  }
  const exited = new Promise((r) => child.once('exit', r));
  try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
  }
  // helpers that outlived the leader
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
  live.delete(child);
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Polls `url` until it answers 2xx, at most `timeoutMs`; throws with `what` otherwise. */
export async function waitForHttp(url, timeoutMs, what = url) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not answer within ${timeoutMs} ms`);
}

/**
 * Runs a command to completion with a time limit; output goes to `log` (a function) or is collected.
 * @returns {Promise<{code: number|null, output: string}>} rejects on timeout (the group is killed).
 */
export function run(cmd, args, { timeoutMs = 600000, ...opts } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawnGroup(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      void stopGroup(child, 1000);
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\n${output.slice(-4000)}`));
    }, timeoutMs);
    child.once('error', (e) => { clearTimeout(timer); reject(e); });
    child.once('exit', (code) => { clearTimeout(timer); live.delete(child); resolve({ code, output }); });
  });
}
