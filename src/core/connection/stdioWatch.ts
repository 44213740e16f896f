/**
 * What a stdio session knows when it ends on its own, so that the requests it leaves unanswered
 * and the server's error state say what happened instead of the SDK's "Connection closed": the
 * exit code or signal, the last stderr lines, a message over the size limit (and its size), and
 * the processes the server started (ended after an unexpected exit, see {@link TreeWatch}).
 *
 * Pure core: no `vscode` import.
 */
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { MIB } from './limits';
import { killAll, TreeWatch } from './processTree';

/** How to raise the limit, for messages: the VS Code setting and the CLI option. */
export const RAISE_LIMIT_HINT = 'raise the limit (VS Code setting mcpDevtools.servers.maxMessageMiB, CLI option --max-message-mib) or have the server send less';

/** Last stderr lines kept for messages. */
const TAIL_LINES = 5;
/** How long the last stderr lines may take to arrive after the server's pipes closed, milliseconds. */
const STDERR_SETTLE_MS = 1000;

/** `exit code 1`, `killed by SIGTERM`. */
export function describeExit(code: number | null | undefined, signal: NodeJS.Signals | null | undefined): string {
  if (signal) return `killed by ${signal}`;
  if (code === undefined || code === null) return 'exit status unknown';
  return `exit code ${code}`;
}

/** `10,485,760 bytes (10 MiB)`. */
export function describeBytes(n: number): string {
  const mib = n / MIB;
  return `${n.toLocaleString('en-US')} bytes (${mib >= 10 ? Math.round(mib) : mib.toFixed(1).replace(/\.0$/, '')} MiB)`;
}

export class StdioWatch {
  /** The server's last stderr lines, raw (the caller redacts). */
  readonly stderrTail: string[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** Set when a message went over the limit; `bytes` is its size once its end was read. */
  private oversize: { bytes?: number } | undefined;
  /** Bytes of the stdout line being read. */
  private lineBytes = 0;
  private tree: TreeWatch | undefined;
  private readonly stderrEnded: Promise<void>;
  private cleaning: Promise<void> | undefined;

  /**
   * @param stderr the transport's stderr stream (piped), split here into lines for `onLine`
   * @param limit the transport's message limit, bytes
   */
  constructor(stderr: Readable | null, readonly limit: number, onLine: (line: string) => void) {
    let partial = '';
    const line = (l: string) => {
      this.stderrTail.push(l);
      if (this.stderrTail.length > TAIL_LINES) this.stderrTail.shift();
      onLine(l);
    };
    stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split(/\r?\n/);
      partial = lines.pop() ?? '';
      for (const l of lines) line(l);
    });
    this.stderrEnded = new Promise<void>((resolve) => {
      if (!stderr) return resolve();
      stderr.once('end', () => {
        if (partial) line(partial);
        resolve();
      });
      stderr.once('close', resolve);
    });
  }

  /**
   * Watches the started server: its exit, the size of each stdout line, and the processes it
   * starts. `unexpected()` tells, at its exit, whether the exit was not asked for: then every
   * process it left behind is ended.
   */
  attach(child: ChildProcess, unexpected: () => boolean): void {
    if (child.pid) this.tree = new TreeWatch(child.pid);
    child.once('exit', (code, signal) => {
      this.exit = { code, signal };
      if (unexpected()) void this.cleanUp();
      else this.tree?.stop();
    });
    // A listener beside the SDK's: the SDK drops a line over its limit without saying how long it was.
    child.stdout?.on('data', (chunk: Buffer) => {
      const first = chunk.indexOf(10);
      if (first === -1) {
        this.lineBytes += chunk.length;
        return;
      }
      if (this.oversize && this.oversize.bytes === undefined) this.oversize.bytes = this.lineBytes + first;
      this.lineBytes = chunk.length - chunk.lastIndexOf(10) - 1;
    });
  }

  /** Reads the server's process tree now (see {@link TreeWatch.sample}). Never throws. */
  sample(): Promise<void> {
    return this.tree?.sample() ?? Promise.resolve();
  }

  /** An error from the transport: notes a message over the limit (the SDK's ReadBuffer error). */
  noteError(e: Error): void {
    if (!this.oversize && /ReadBuffer exceeded maximum size/.test(e.message)) this.oversize = {};
  }

  /** Ends the processes the server left behind (after an unexpected exit). Once; never throws. */
  cleanUp(): Promise<void> {
    this.cleaning ??= (async () => {
      const left = (await this.tree?.survivors()) ?? [];
      if (left.length) await killAll(left);
    })().catch(() => undefined);
    return this.cleaning;
  }

  /** Stops watching the tree (the session was closed on purpose). */
  stop(): void {
    this.tree?.stop();
  }

  /** Waits (briefly) until the last stderr lines are in. */
  settled(): Promise<void> {
    return Promise.race([this.stderrEnded, new Promise<void>((r) => setTimeout(r, STDERR_SETTLE_MS).unref())]);
  }

  /**
   * Why the session ended, for an unanswered request of `method` (or, without one, for the
   * server's state): a message over the limit, or the exit with the last stderr lines.
   * @param label `server "name"`, or the command line
   */
  describe(label: string, method?: string): string {
    const during = method ? ` during ${method}` : '';
    if (this.oversize) {
      const size = this.oversize.bytes !== undefined ? `a message of ${describeBytes(this.oversize.bytes)}` : `a message over ${describeBytes(Math.max(this.limit, this.lineBytes))}`;
      return `${label} sent ${size}${during}, over the limit of ${describeBytes(this.limit)} for one stdio message, so the session was closed: ${RAISE_LIMIT_HINT}`;
    }
    const tail = this.stderrTail.filter((l) => l.trim());
    const how = this.exit ? describeExit(this.exit.code, this.exit.signal) : 'its output closed';
    return `${label} exited${method ? during : ' unexpectedly'} (${how})${tail.length ? `; its last stderr: ${tail.join(' | ')}` : ''}`;
  }
}
