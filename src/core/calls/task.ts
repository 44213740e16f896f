/**
 * A tool called as a task (spec 2025-11-25, basic/utilities/tasks): the task-augmented
 * `tools/call` answers a `CreateTaskResult` at once; then `tasks/get` is polled at the task's
 * `pollInterval`, `tasks/result` is opened when the task needs input (`input_required`: the server
 * sends its elicitation while that request is open, answered by the client's elicitation handler)
 * or has ended, and `tasks/cancel` is sent when the caller aborts. Every status seen (`working`,
 * `input_required`, `completed`, `failed`, `cancelled`, with its `statusMessage`) and the
 * server's progress notifications (the `progressToken` stays valid for the task's lifetime) go to
 * one callback.
 *
 * The SDK's `experimental.tasks` requests (`getTask`, `getTaskResult`, `cancelTask`) send each
 * message; its `requestStream` poller is not used because it drops a failed task's result (the
 * spec says `tasks/result` returns it), stops reporting statuses once `input_required` is seen,
 * gives the blocking `tasks/result` the per-request timeout (a user answering an elicitation
 * outlives it) and never sends `tasks/cancel`.
 *
 * Timeouts: `timeoutMs` bounds each request (the creating `tools/call`, each `tasks/get`,
 * `tasks/cancel`, and `tasks/result` once the task has ended); the task as a whole is bounded by
 * its `ttl` (the server's choice: none is asked for), counted from its creation as this client saw
 * it, after which the server may delete it. A task with no `ttl` runs until it ends or is cancelled.
 *
 * Pure core: no `vscode` import.
 */
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, CreateTaskResult, GetTaskResult, Progress, Task } from '@modelcontextprotocol/sdk/types.js';

/** The requests of a task, on one server (the SDK's `client.experimental.tasks` and a task-augmented `tools/call`). */
export interface TaskRequests {
  /** `tools/call` with `params.task` (our `ttl`, if any): the server's `CreateTaskResult`. */
  callToolAsTask(name: string, args: Record<string, unknown>, task: { ttl?: number }, options?: RequestOptions): Promise<CreateTaskResult>;
  getTask(taskId: string, options?: RequestOptions): Promise<GetTaskResult>;
  getTaskResult(taskId: string, options?: RequestOptions): Promise<CallToolResult>;
  cancelTask(taskId: string, options?: RequestOptions): Promise<Task>;
}

/** What a call reports while it runs: the server's progress notifications, and for a task each status it reaches. */
export type CallProgress = ({ kind: 'progress' } & Progress) | { kind: 'task'; task: Task };

export interface TaskRunOptions {
  /** Milliseconds each request may take (see the module comment). */
  timeoutMs: number;
  /** Aborting sends `tasks/cancel` (once the task exists) and fails the run with the abort's reason. */
  signal?: AbortSignal;
  onprogress?: (p: CallProgress) => void;
}

/** How a task run ended: `raw` is what `tasks/result` returned; `task` the last status seen. */
export interface TaskRun {
  raw: CallToolResult;
  task: Task;
}

/** A task that ended without a result to show: `cancelled`, or `failed` with no result from `tasks/result`; `task` is its last status. */
export class TaskEndedError extends Error {
  constructor(message: string, readonly task: Task) {
    super(message);
  }
}

/** `completed`, `failed` and `cancelled` are terminal (spec: a task never leaves them). */
export function isTerminalStatus(status: Task['status']): boolean {
  return status === 'completed' || status === 'failed' || status === 'cancelled';
}

/** The poll interval when the server gives none, milliseconds (the SDK's default). */
export const DEFAULT_POLL_INTERVAL_MS = 1000;
/** The shortest poll interval honoured, milliseconds: a `pollInterval` of 0 must not spin. */
export const MIN_POLL_INTERVAL_MS = 100;
/** The longest wait a timer takes (Node's limit, about 24.8 days): a task without `ttl`'s `tasks/result`. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** `working: Gathering sources...` */
export function describeTask(task: Pick<Task, 'status' | 'statusMessage'>): string {
  return task.statusMessage ? `${task.status}: ${task.statusMessage}` : task.status;
}

/**
 * Runs tool `name` as a task on the server `requests` talk to, until it ends, its `ttl` passes, or
 * `o.signal` aborts (then `tasks/cancel` is sent). A `failed` task's `tasks/result` is returned
 * when the server has one (a `CallToolResult`, usually `isError`).
 * @throws TaskEndedError for a task that ended `cancelled` (by the server, or by `o.signal`: then
 *   the abort's reason is the message), or `failed` without a result; Error saying which request
 *   failed (an McpError's text, a timeout) or that the ttl passed; the abort's reason when aborted
 *   before the task existed
 */
export async function runToolTask(requests: TaskRequests, name: string, args: Record<string, unknown>, o: TaskRunOptions): Promise<TaskRun> {
  let finished = false;
  const report = (p: CallProgress) => {
    if (!finished) o.onprogress?.(p);
  };
  const perRequest = (extra: RequestOptions = {}): RequestOptions => ({ timeout: o.timeoutMs, signal: o.signal, ...extra });
  const created = await requests.callToolAsTask(name, args, {}, perRequest({
    resetTimeoutOnProgress: true,
    onprogress: (p) => report({ kind: 'progress', ...p }),
  })).catch((e) => {
    if (o.signal?.aborted) throw o.signal.reason;
    throw new Error(`tools/call of ${name} as a task failed: ${message(e)}`);
  });
  const startedAt = Date.now();
  let task: Task = created.task;
  const taskId = task.taskId;
  report({ kind: 'task', task });

  // tasks/result is opened once (input_required or an end) and left open: it blocks until the task ends.
  const resultAc = new AbortController();
  let result: Promise<CallToolResult> | undefined;
  let settled = false;
  const openResult = () => {
    if (!result) {
      const remaining = typeof task.ttl === 'number' ? Math.max(o.timeoutMs, startedAt + task.ttl - Date.now()) : MAX_TIMER_MS;
      result = requests.getTaskResult(taskId, { timeout: Math.min(remaining, MAX_TIMER_MS), signal: resultAc.signal });
      result.then(() => (settled = true), () => (settled = true));
    }
    return result;
  };
  const onAbort = () => resultAc.abort(o.signal?.reason);
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    while (!isTerminalStatus(task.status) && !settled) {
      if (task.status === 'input_required') openResult();
      if (typeof task.ttl === 'number' && Date.now() > startedAt + task.ttl) {
        throw new Error(`task ${taskId} is still ${describeTask(task)} after its ttl of ${task.ttl / 1000} s (the server may delete it now)`);
      }
      await pause(Math.max(MIN_POLL_INTERVAL_MS, task.pollInterval ?? DEFAULT_POLL_INTERVAL_MS), o.signal, result);
      o.signal?.throwIfAborted();
      const next = await requests.getTask(taskId, perRequest()).catch((e) => {
        if (o.signal?.aborted) throw o.signal.reason;
        throw new Error(`polling task ${taskId} (tasks/get) failed: ${message(e)}`);
      });
      if (next.status !== task.status || next.statusMessage !== task.statusMessage) report({ kind: 'task', task: next });
      task = next;
    }
    if (task.status === 'cancelled') throw new TaskEndedError(`the task was cancelled${task.statusMessage ? `: ${task.statusMessage}` : ''}`, task);
    // Completed or failed: tasks/result gives what the tools/call would have (spec: also for a failed task).
    let raw: CallToolResult;
    try {
      raw = await bounded(openResult(), o.timeoutMs, `tasks/result of task ${taskId} did not answer within ${o.timeoutMs / 1000} s after the task ended`);
    } catch (e) {
      if (o.signal?.aborted) throw o.signal.reason;
      if (task.status === 'failed') throw new TaskEndedError(`the task failed${task.statusMessage ? `: ${task.statusMessage}` : ''} (tasks/result: ${message(e)})`, task);
      throw new Error(`getting the result of task ${taskId} (tasks/result) failed: ${message(e)}`);
    }
    if (!isTerminalStatus(task.status)) {
      // tasks/result answered before a poll saw the end: one more look, for the status shown.
      task = await requests.getTask(taskId, perRequest()).catch(() => ({ ...task, status: raw.isError ? 'failed' : 'completed' }));
      report({ kind: 'task', task });
    }
    return { raw, task };
  } catch (e) {
    if (!o.signal?.aborted) throw e;
    const why = message(o.signal.reason ?? 'aborted');
    try {
      task = await requests.cancelTask(taskId, { timeout: o.timeoutMs });
    } catch (err) {
      throw new TaskEndedError(`${why}; tasks/cancel of task ${taskId} failed: ${message(err)}`, task);
    }
    report({ kind: 'task', task });
    throw new TaskEndedError(why, task);
  } finally {
    finished = true;
    o.signal?.removeEventListener('abort', onAbort);
    resultAc.abort(new Error('the task run ended'));
    // an open tasks/result aborted here must not surface as an unhandled rejection
    result?.catch(() => undefined);
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Waits `ms`, or less when `signal` aborts or `settles` settles. Never rejects. */
function pause(ms: number, signal: AbortSignal | undefined, settles: Promise<unknown> | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    settles?.then(done, done);
  });
}

/** `p`, or a rejection with `why` after `ms`. */
function bounded<T>(p: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(why)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
