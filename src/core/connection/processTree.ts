/**
 * Process trees: stopping a stdio server kills every process it started (`npx` → `sh` → `node`),
 * not just the one we spawned. The SDK's `StdioClientTransport` does not start a process group,
 * so the tree is read from the system before the root is stopped; orphans are reparented once
 * their parent dies, and could not be found afterwards.
 *
 * Pure core: no `vscode` import.
 */
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';

/**
 * True when a process with this pid exists and has not exited. A zombie (exited, not yet reaped —
 * common for orphans in containers whose init does not reap) counts as gone.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
    } catch {
      return false;
    }
  }
  return true;
}

/** pid → parent pid of every process, from /proc (Linux) or `ps` (macOS, BSD). Empty on failure. */
async function parentMap(): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  if (process.platform === 'linux') {
    try {
      const entries = await fs.readdir('/proc');
      await Promise.all(entries.filter((e) => /^\d+$/.test(e)).map(async (e) => {
        try {
          const stat = await fs.readFile(`/proc/${e}/stat`, 'utf8');
          // Field 4 is the ppid; field 2 (comm) may hold spaces and parentheses, so read after the last ')'.
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          map.set(Number(e), ppid);
        } catch {
          // The process ended while we looked.
        }
      }));
      return map;
    } catch {
      // No /proc: fall through to ps.
    }
  }
  const text = await new Promise<string>((resolve) => {
    execFile('ps', ['-A', '-o', 'pid=,ppid='], { windowsHide: true }, (err, stdout) => resolve(err ? '' : stdout));
  });
  for (const line of text.split('\n')) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (pid > 0) map.set(pid, ppid);
  }
  return map;
}

/** The pids of every descendant of `pid` (children, grandchildren, …), not `pid` itself. */
export async function descendants(pid: number): Promise<number[]> {
  if (process.platform === 'win32') return [];
  const parents = await parentMap();
  const children = new Map<number, number[]>();
  for (const [p, pp] of parents) {
    const list = children.get(pp);
    if (list) list.push(p);
    else children.set(pp, [p]);
  }
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    for (const c of children.get(queue.shift() as number) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

/** How long processes get between SIGTERM and SIGKILL in {@link killAll}, milliseconds. */
const KILL_GRACE_MS = 1000;

/**
 * Kills the given processes: SIGTERM, then SIGKILL to those still alive after `graceMs`.
 * Resolves when every one is gone or `graceMs * 2` has passed. Never throws.
 */
export async function killAll(pids: readonly number[], graceMs = KILL_GRACE_MS): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    for (const p of pids) {
      try {
        process.kill(p, sig);
      } catch {
        // Already gone.
      }
    }
  };
  const gone = () => pids.every((p) => !isAlive(p));
  if (gone()) return;
  signal('SIGTERM');
  if (await waitUntil(gone, graceMs)) return;
  signal('SIGKILL');
  await waitUntil(gone, graceMs);
}

/** On Windows, `taskkill /T /F` ends a whole tree in one call. */
export function killTreeWindows(pid: number): Promise<void> {
  return new Promise((resolve) => execFile('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true }, () => resolve()));
}

/** How often {@link waitUntil} checks, milliseconds. */
const POLL_INTERVAL_MS = 10;

/** Polls `done` every {@link POLL_INTERVAL_MS}; true when it held before `ms` ran out. */
export async function waitUntil(done: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() >= end) return false;
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  return true;
}
