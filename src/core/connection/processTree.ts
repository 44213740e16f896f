/**
 * Process trees: stopping a stdio server kills every process it started (`npx` → `sh` → `node`),
 * not just the one we spawned. The SDK's `StdioClientTransport` does not start a process group,
 * so the tree is read from the system before the root is stopped; orphans are reparented once
 * their parent dies, and could not be found afterwards. For a server that dies on its own,
 * {@link TreeWatch} remembers the tree while it runs.
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

/** One process as the system lists it: its parent, and when it started (an opaque token, `''` when unknown). */
interface ProcessEntry {
  ppid: number;
  /** Linux: `starttime` (field 22 of /proc/<pid>/stat, clock ticks since boot); `ps`: `lstart`. */
  start: string;
}

/** A process table: pid → {@link ProcessEntry}. */
export type ProcessTable = Map<number, ProcessEntry>;

/** pid → {@link ProcessEntry} of every process, from /proc (Linux) or `ps` (macOS, BSD). Empty on failure. */
export async function processTable(): Promise<ProcessTable> {
  const map = new Map<number, ProcessEntry>();
  if (process.platform === 'linux') {
    try {
      const entries = await fs.readdir('/proc');
      await Promise.all(entries.filter((e) => /^\d+$/.test(e)).map(async (e) => {
        try {
          const stat = await fs.readFile(`/proc/${e}/stat`, 'utf8');
          // Field 2 (comm) may hold spaces and parentheses, so read after the last ')': that is
          // field 3 (state), then 4 (ppid) … 22 (starttime).
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          map.set(Number(e), { ppid: Number(fields[1]), start: fields[19] ?? '' });
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
    execFile('ps', ['-A', '-o', 'pid=,ppid=,lstart='], { windowsHide: true }, (err, stdout) => resolve(err ? '' : stdout));
  });
  for (const line of text.split('\n')) {
    const [pid, ppid, ...start] = line.trim().split(/\s+/);
    if (Number(pid) > 0) map.set(Number(pid), { ppid: Number(ppid), start: start.join(' ') });
  }
  return map;
}

/** The descendants of `pid` in a process table, breadth first, not `pid` itself. */
function descendantsIn(table: Map<number, ProcessEntry>, pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const [p, { ppid }] of table) {
    const list = children.get(ppid);
    if (list) list.push(p);
    else children.set(ppid, [p]);
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

/** The pids of every descendant of `pid` (children, grandchildren, …), not `pid` itself. */
export async function descendants(pid: number): Promise<number[]> {
  if (process.platform === 'win32') return [];
  return descendantsIn(await processTable(), pid);
}

/** How often the running servers' process trees are read, milliseconds (one table read per tick for all of them). */
export const TREE_SAMPLE_MS = 2000;

/**
 * One timer and one process-table read per tick for every {@link TreeWatch}: reading the table
 * costs 19–77 ms (every /proc/<pid>/stat), so ten watched servers each on their own timer read it
 * ten times per interval. Subscribers get the same table; the timer runs only while there are
 * subscribers, and does not keep the process alive.
 */
export class ProcessTableTicker {
  private readonly listeners = new Set<(table: ProcessTable) => void>();
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<ProcessTable> | undefined;
  /** How many times the table was read (for tests and the benchmark). */
  reads = 0;

  /**
   * @param read reads the process table (default: {@link processTable})
   * @param intervalMs between ticks, milliseconds (default {@link TREE_SAMPLE_MS})
   */
  constructor(private readonly read: () => Promise<ProcessTable> = processTable, private readonly intervalMs = TREE_SAMPLE_MS) {}

  /** Calls `listener` with the table at every tick until the returned function is called. */
  subscribe(listener: (table: ProcessTable) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), this.intervalMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (!this.listeners.size) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Whether the timer runs (some watch is subscribed). */
  get active(): boolean {
    return this.timer !== undefined;
  }

  /** The table now; reads that overlap share one. Never rejects (an empty table on failure). */
  table(): Promise<ProcessTable> {
    this.reading ??= (this.reads++, this.read()).catch(() => new Map() as ProcessTable).finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** One tick: reads the table once and hands it to every subscriber. Never rejects. */
  async tick(): Promise<void> {
    if (!this.listeners.size) return;
    const table = await this.table();
    for (const l of [...this.listeners]) {
      try {
        l(table);
      } catch {
        // one watch's failure is not the others'
      }
    }
  }
}

/** The ticker every {@link TreeWatch} shares by default. */
export const sharedTicker = new ProcessTableTicker();

/**
 * Remembers every process a running server started, so that they can be ended after the server
 * dies on its own: once a parent exits its children are reparented (to init or a subreaper) and
 * can no longer be found from the server's pid.
 *
 * The SDK's `StdioClientTransport` spawns with fixed options (no `detached`), so the server
 * shares our process group and `kill(-pgid)` is not available without replacing the transport;
 * reading the tree at every tick of a {@link ProcessTableTicker} (one pass over /proc, or one
 * `ps`, shared by every watch) is the robust option that keeps the SDK's transport. Each process
 * is remembered with its start time, and only a process with the same pid AND start time is
 * signalled later, so a pid reused by an unrelated process is never killed. A child started and
 * orphaned between two readings is missed; its own children are still found when it lives on
 * (they are read from every remembered pid).
 */
export class TreeWatch {
  private readonly known = new Map<number, string>();
  private unsubscribe: (() => void) | undefined;
  private reading: Promise<void> | undefined;

  constructor(private readonly root: number, private readonly ticker: ProcessTableTicker = sharedTicker) {
    if (process.platform === 'win32') return;
    this.unsubscribe = ticker.subscribe((table) => this.take(table));
  }

  /** Remembers the descendants in `table` of the root and of every process already remembered. */
  private take(table: ProcessTable): void {
    // Forget the ones that ended, so a server that runs many short commands is not a leak.
    for (const [pid, start] of this.known) if (table.get(pid)?.start !== start) this.known.delete(pid);
    for (const pid of [this.root, ...this.known.keys()]) {
      for (const d of descendantsIn(table, pid)) {
        const entry = table.get(d);
        if (entry && !this.known.has(d)) this.known.set(d, entry.start);
      }
    }
  }

  /** Reads the tree now (below the root and below every process already remembered). Never throws. */
  sample(): Promise<void> {
    this.reading ??= this.ticker.table().then((table) => this.take(table)).catch(() => undefined).finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** Stops sampling. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /**
   * The remembered processes still running as the same process (same pid and start time), and
   * their descendants now. Call after the root exited, then {@link killAll} them.
   */
  async survivors(): Promise<number[]> {
    this.stop();
    await this.reading;
    if (!this.known.size) return [];
    const table = await this.ticker.table();
    const same = [...this.known].filter(([pid, start]) => table.get(pid)?.start === start && isAlive(pid)).map(([pid]) => pid);
    const all = new Set(same);
    for (const pid of same) for (const d of descendantsIn(table, pid)) all.add(d);
    return [...all].filter((p) => p !== this.root && isAlive(p));
  }
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
