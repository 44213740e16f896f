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
import type { CallToolResult, GetPromptResult, Progress, ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import { expandUriTemplate, uriTemplateVariables } from '../forms/promptForms';
import type { RenderedResult } from '../results/parts';
import { renderPromptResult, renderResourceResult, renderToolResult } from '../results/render';
import type { ResolvedTarget } from './target';

/**
 * What a call runs against: a session's `ServerRegistry` (CLI) or the extension's `LiveServers`.
 * Each request throws an `McpError` from the server, a timeout or cancel error, or when the server
 * is not running.
 */
export interface CallClient {
  callTool(id: string, name: string, args: Record<string, unknown>, options?: RequestOptions): Promise<CallToolResult>;
  getPrompt(id: string, name: string, args: Record<string, string>, options?: RequestOptions): Promise<GetPromptResult>;
  readResource(id: string, uri: string, options?: RequestOptions): Promise<ReadResourceResult>;
  /** Masks the server's secrets (env and header values, token shapes) in a text. */
  redact(id: string, text: string): string;
}

/** How a call runs. */
export interface RunOptions {
  /** How long the request may take, milliseconds; each progress notification starts it again. */
  timeoutMs: number;
  /** Aborting cancels the request (`notifications/cancelled`) and makes the outcome `failed`. */
  signal?: AbortSignal;
  /** The server's progress notifications for this request (spec 2024-11-05). */
  onprogress?: (p: Progress) => void;
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
  const options: RequestOptions = { timeout: o.timeoutMs, resetTimeoutOnProgress: true, signal: o.signal, onprogress: o.onprogress };
  const render = { limitBytes: o.limitBytes };
  const id = target.server;
  const sent = target.kind === 'prompt' ? promptArguments(args) : args;
  const uri = target.kind === 'resourceTemplate' ? templateUri(target.template.uriTemplate, args) : undefined;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    switch (target.kind) {
      case 'tool': {
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
    return { kind: 'failed', arguments: sent, uri, durationMs, error, rendered: failureResult(kind, error, durationMs) };
  }
}

/** A failed request rendered like an `isError` result, so the result view shows it in place. */
export function failureResult(kind: RenderedResult['kind'], message: string, durationMs?: number): RenderedResult {
  return { ...renderToolResult({ content: [{ type: 'text', text: message }], isError: true }, { durationMs }), kind };
}
