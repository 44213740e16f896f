/**
 * The second half of the one call pipeline: run a resolved target (see `target.ts`) against a
 * connected server, with cancellation, a timeout that progress notifications reset, and the result
 * rendered into parts (`core/results`). A request that fails (an MCP error, the timeout, a cancel,
 * a closed connection) is an outcome too, rendered as an error result, so every front end can show
 * it its own way: the result view, the terminal, a toast.
 *
 * Pure core: no `vscode` import. Imports specific modules, not barrels.
 */
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { CallToolResult, GetPromptResult, ReadResourceResult, Task } from '@modelcontextprotocol/sdk/types.js';
import { expandUriTemplate, uriTemplateVariables } from '../forms/promptForms';
import type { RenderedResult } from '../results/parts';
import { renderPromptResult, renderResourceResult, renderToolResult } from '../results/render';
import type { ResolvedTarget, TaskSupport } from './target';
import { runToolTask, TaskEndedError, type CallProgress, type TaskRequests } from './task';

export type { CallProgress } from './task';

/**
 * What a call runs against: a session's `ServerRegistry` (CLI) or the extension's `LiveServers`.
 * Each request throws an `McpError` from the server, a timeout or cancel error, or when the server
 * is not running.
 */
export interface CallClient {
  callTool(id: string, name: string, args: Record<string, unknown>, options?: RequestOptions): Promise<CallToolResult>;
  getPrompt(id: string, name: string, args: Record<string, string>, options?: RequestOptions): Promise<GetPromptResult>;
  readResource(id: string, uri: string, options?: RequestOptions): Promise<ReadResourceResult>;
  /** The task requests of a running server (`tools/call` as a task, `tasks/get`, `tasks/result`, `tasks/cancel`). @throws when not running */
  tasks(id: string): TaskRequests;
  /** Masks the server's secrets (env and header values, token shapes) in a text. */
  redact(id: string, text: string): string;
}

/**
 * When a tool is called as a task (spec 2025-11-25; see `task.ts`), by its {@link TaskSupport}:
 * `whenRequired` only a `required` one (the default; the spec says MUST), `whenSupported` an
 * `optional` one too, `never` none (a plain `tools/call` even for a `required` tool: to see how
 * the server refuses it).
 */
export type TaskUse = 'whenRequired' | 'whenSupported' | 'never';

/** Whether a tool with `support` is called as a task under `use`. */
export function callsAsTask(support: TaskSupport | undefined, use: TaskUse = 'whenRequired'): boolean {
  if (use === 'never' || !support || support === 'forbidden') return false;
  return support === 'required' || use === 'whenSupported';
}

/** How a call runs. */
export interface RunOptions {
  /**
   * How long the request may take, milliseconds; each progress notification starts it again. For
   * a task: each request of it (the task as a whole is bounded by its `ttl`; see `task.ts`).
   */
  timeoutMs: number;
  /** Aborting cancels the request (`notifications/cancelled`; a task: `tasks/cancel`) and makes the outcome `failed`. */
  signal?: AbortSignal;
  /** The server's progress notifications for this request (spec 2024-11-05), and a task's every status. */
  onprogress?: (p: CallProgress) => void;
  /** When a tool is called as a task; default `whenRequired`. */
  tasks?: TaskUse;
  /** Results larger than this (JSON, UTF-8 bytes) are rendered cut, the full parts kept; default 1 MB. */
  limitBytes?: number;
}

/** What a call gave. `rendered` is always there: for a failed request, an error result with the (redacted) message. */
export type CallOutcome = {
  /** What was sent: the tool's arguments, the prompt's as strings, or a template's variables. */
  arguments: Record<string, unknown>;
  /** For a resource template: the URI read (the template expanded with the variables). */
  uri?: string;
  /** Wall-clock time of the request, whole milliseconds. */
  durationMs: number;
  rendered: RenderedResult;
  /** For a tool called as a task: its last status (`completed`, `failed`, `cancelled`, or where it stood when the run failed). */
  task?: Task;
} & (
  | { kind: 'result'; raw: CallToolResult | GetPromptResult | ReadResourceResult }
  /** `error`: why the request failed, redacted. A tool's `isError` result is a `result`, not this. */
  | { kind: 'failed'; error: string }
);

/** `prompts/get` takes string values only (spec 2024-11-05): any other value is sent as its JSON text. */
export function promptArguments(args: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

/** The URI a template's variables make (RFC 6570); a template without variables is the URI itself. @throws Error for a malformed template */
export function templateUri(uriTemplate: string, variables: Record<string, unknown>): string {
  return uriTemplateVariables(uriTemplate).length ? expandUriTemplate(uriTemplate, variables) : uriTemplate;
}

/**
 * Sends the call (`tools/call`, `prompts/get` or `resources/read`) with `args` (already filled and
 * validated by the caller's form) and renders what came back; a tool's result is checked against
 * its `outputSchema`. Never throws for a failed request (see {@link CallOutcome}).
 * @throws Error only for a malformed URI template
 */
export async function runCall(client: CallClient, target: ResolvedTarget, args: Record<string, unknown>, o: RunOptions): Promise<CallOutcome> {
  const onprogress = o.onprogress && ((p: Parameters<NonNullable<RequestOptions['onprogress']>>[0]) => o.onprogress?.({ kind: 'progress', ...p }));
  const options: RequestOptions = { timeout: o.timeoutMs, resetTimeoutOnProgress: true, signal: o.signal, onprogress };
  const render = { limitBytes: o.limitBytes };
  const id = target.server;
  const sent = target.kind === 'prompt' ? promptArguments(args) : args;
  const uri = target.kind === 'resourceTemplate' ? templateUri(target.template.uriTemplate, args) : undefined;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let task: Task | undefined;
  try {
    switch (target.kind) {
      case 'tool': {
        if (callsAsTask(target.taskSupport, o.tasks)) {
          const onstatus = (p: CallProgress) => {
            if (p.kind === 'task') {
              task = p.task;
              if (p.task.statusMessage) p = { kind: 'task', task: { ...p.task, statusMessage: client.redact(id, p.task.statusMessage) } };
            }
            o.onprogress?.(p);
          };
          const run = await runToolTask(client.tasks(id), target.name, sent, { timeoutMs: o.timeoutMs, signal: o.signal, onprogress: onstatus });
          const durationMs = elapsed();
          // spec 2025-11-25: `failed` covers a tool result with isError; one without still shows as an error
          const shown = run.task.status === 'failed' ? { ...run.raw, isError: true } : run.raw;
          return { kind: 'result', arguments: sent, durationMs, raw: run.raw, task: run.task, rendered: renderToolResult(shown, { ...render, durationMs, outputSchema: target.tool.outputSchema }) };
        }
        const raw = await client.callTool(id, target.name, sent, options);
        const durationMs = elapsed();
        return { kind: 'result', arguments: sent, durationMs, raw, rendered: renderToolResult(raw, { ...render, durationMs, outputSchema: target.tool.outputSchema }) };
      }
      case 'prompt': {
        const raw = await client.getPrompt(id, target.name, sent as Record<string, string>, options);
        const durationMs = elapsed();
        return { kind: 'result', arguments: sent, durationMs, raw, rendered: renderPromptResult(raw, { ...render, durationMs }) };
      }
      case 'resourceTemplate': {
        const raw = await client.readResource(id, uri as string, options);
        const durationMs = elapsed();
        return { kind: 'result', arguments: sent, uri, durationMs, raw, rendered: renderResourceResult(raw, { ...render, durationMs }) };
      }
    }
  } catch (e) {
    const durationMs = elapsed();
    const error = client.redact(id, e instanceof Error ? e.message : String(e));
    const kind = target.kind === 'resourceTemplate' ? 'resource' : target.kind;
    if (e instanceof TaskEndedError) task = e.task;
    return { kind: 'failed', arguments: sent, uri, durationMs, error, rendered: failureResult(kind, error, durationMs), ...(task && { task }) };
  }
}

/** A failed request rendered like an `isError` result, so the result view shows it in place. */
export function failureResult(kind: RenderedResult['kind'], message: string, durationMs?: number): RenderedResult {
  return { ...renderToolResult({ content: [{ type: 'text', text: message }], isError: true }, { durationMs }), kind };
}
