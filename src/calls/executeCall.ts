import * as vscode from 'vscode';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { RenderedResult } from '../core/results';
import { renderPromptResult, renderToolResult } from '../core/lazy';
import type { ShownResult } from './resultPanel';
import type { CallServices } from './callContext';

/** Request options for a user's call: cancellable from the progress notification, timeout reset on progress. */
function requestOptions(seconds: number, signal: AbortSignal, report: (p: { progress: number; total?: number; message?: string }) => void) {
  return { signal, timeout: seconds * 1000, resetTimeoutOnProgress: true, onprogress: report };
}

/** Runs `work` under a cancellable progress notification that shows the server's progress notifications. */
function withCallProgress<T>(title: string, timeoutSeconds: number, work: (options: ReturnType<typeof requestOptions>) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort(new Error('cancelled by the user')));
    let shown = 0;
    return work(requestOptions(timeoutSeconds, ac.signal, (p) => {
      const pct = p.total ? Math.min(100, (p.progress / p.total) * 100) : undefined;
      progress.report({ message: p.message ?? `${p.progress}${p.total ? ` of ${p.total}` : ''}`, increment: pct === undefined ? undefined : Math.max(0, pct - shown) });
      if (pct !== undefined) shown = Math.max(shown, pct);
    }));
  });
}

/** A failed request (protocol error, timeout, cancel) rendered like an `isError` result. */
function failure(ctx: CallServices, serverId: string, e: unknown, durationMs: number): RenderedResult {
  const message = ctx.live.redact(serverId, e instanceof Error ? e.message : String(e));
  return renderToolResult({ content: [{ type: 'text', text: message }], isError: true }, { durationMs });
}

/** Which result view shows a call (one per tool or prompt of a server) and its title: the tool's title if it has one, else its name. */
export function resultView(kind: 'tool' | 'prompt', serverId: string, server: string, name: string, title?: string): Omit<ShownResult, 'rendered'> {
  return kind === 'tool'
    ? { kind, serverId, name, title: `${title ?? name} · ${server}`, subtitle: `tools/call ${name}` }
    : { kind, serverId, name, title: `Prompt ${name} · ${server}`, subtitle: `prompts/get ${name}` };
}

/**
 * `tools/call` with the given arguments: remembered as the tool's last arguments, shown in a
 * result view, recorded in the history. @returns the rendered result (an error result when the
 * request itself failed).
 */
export async function executeToolCall(ctx: CallServices, serverId: string, tool: Tool, args: Record<string, unknown>): Promise<RenderedResult> {
  const server = ctx.live.snapshot(serverId)?.definition.name ?? serverId;
  await ctx.lastArguments.set(server, 'tool', tool.name, args);
  const limitBytes = ctx.settings.get('calls.maxResultBytes');
  const t0 = Date.now();
  let rendered: RenderedResult;
  try {
    const result = await withCallProgress(`${server} · ${tool.name}`, ctx.settings.get('calls.timeoutSeconds'), (options) => ctx.live.callTool(serverId, tool.name, args, options));
    rendered = renderToolResult(result, { durationMs: Date.now() - t0, outputSchema: tool.outputSchema, limitBytes });
  } catch (e) {
    rendered = failure(ctx, serverId, e, Date.now() - t0);
  }
  await ctx.results.show({ ...resultView('tool', serverId, server, tool.name, tool.title), rendered });
  ctx.history?.record({ kind: 'tool', serverId, server, name: tool.name, arguments: args, rendered });
  return rendered;
}

/** `prompts/get`: the messages by role, rendered as Markdown in a result view. */
export async function executeGetPrompt(ctx: CallServices, serverId: string, name: string, args: Record<string, string>): Promise<RenderedResult> {
  const server = ctx.live.snapshot(serverId)?.definition.name ?? serverId;
  await ctx.lastArguments.set(server, 'prompt', name, args);
  const t0 = Date.now();
  let rendered: RenderedResult;
  try {
    const result = await withCallProgress(`${server} · prompt ${name}`, ctx.settings.get('calls.timeoutSeconds'), (options) => ctx.live.getPrompt(serverId, name, args, options));
    rendered = renderPromptResult(result, { durationMs: Date.now() - t0 });
  } catch (e) {
    rendered = failure(ctx, serverId, e, Date.now() - t0);
  }
  await ctx.results.show({ ...resultView('prompt', serverId, server, name), rendered });
  ctx.history?.record({ kind: 'prompt', serverId, server, name, arguments: args, rendered });
  return rendered;
}
