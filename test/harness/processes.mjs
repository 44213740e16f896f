// Process helpers for the test harness: every long-lived child runs in its own process group
// (`detached: true` = setsid on POSIX) so stopping it kills its helpers too, and every wait is bounded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

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
 * Spawns `cmd` in a new process group. Returns the ChildProcess; stop it with {@link stopGroup}.
 * @param {string} cmd @param {string[]} args @param {import('node:child_process').SpawnOptions} opts
 */
export function spawnGroup(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, detached: true });
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
