import * as vscode from 'vscode';
import type { CallTarget, ResolvedTarget } from '../core/calls/target';
import { callForm, completionRef, loadLive, resolveTarget, wholeFormAsJson } from '../core/lazy';
import { runForm, type FormOutcome } from '../ui/runForm';
import type { CallsContext } from './callsContext';
import { completer } from './completer';

/** How a call is asked for: with its arguments (sent as they are), or with a form to pre-fill. */
export interface CallRequest {
  /** Send these without asking (History re-run, Send Arguments, tests). */
  arguments?: Record<string, unknown>;
  /** Pre-fill the form with these (Edit and Re-run); default: the tool's or prompt's last arguments. */
  initialArguments?: Record<string, unknown>;
}

/** A call ready to run: its target, found on its running server, and the arguments to send. */
export interface FilledCall {
  target: ResolvedTarget;
  args: Record<string, unknown>;
}

/**
 * The VS Code half of "resolve and plan" (see `core/calls/target.ts`): the server running (started,
 * after the trust prompt, when needed), the target found in its lists, and the arguments:
 * `request.arguments` as given, else the form (pre-filled with `initialArguments` or the last
 * arguments): the input boxes through `calls.formUi` (suggestions from `completion/complete` for
 * prompt arguments and template variables when the server declares completions), or the form view
 * (`calls.formViews`) when `mcpDevtools.forms.view` picks it; either switches to the other with
 * the values entered so far. "Edit as JSON…" opens the arguments editor for a tool or prompt.
 * @returns undefined when the form was cancelled or went to the JSON editor
 * @throws Error when the server does not start or does not list the tool or prompt
 */
export async function fillCall(ctx: CallsContext, target: CallTarget, request: CallRequest = {}): Promise<FilledCall | undefined> {
  const server = await ctx.live.requireRunning(target.server);
  const resolved = resolveTarget(target, server.snapshot);
  if (request.arguments) return { target: resolved, args: request.arguments };
  const form = callForm(resolved);
  const initial = request.initialArguments ?? (resolved.kind === 'resourceTemplate' ? undefined : ctx.calls.lastArguments.get(server.name, resolved.kind, resolved.name));
  const ref = server.info?.capabilities.completions ? completionRef(resolved) : undefined;
  // A schema no form can follow (a tool's inputSchema recursive at its root, …) goes straight to the JSON editor, with the reason.
  const noForm = resolved.kind === 'resourceTemplate' ? undefined : wholeFormAsJson(form.plan);
  if (noForm !== undefined) void vscode.window.showInformationMessage(`${resolved.name}: no form for its arguments (${noForm}); edit them as JSON.`);
  const title = `${server.name} · ${form.label}`;
  let outcome: FormOutcome | { kind: 'inputBoxes'; arguments: unknown };
  if (noForm !== undefined) outcome = { kind: 'json', arguments: initial };
  else {
    let frontEnd = loadLive().chooseFormFrontEnd(form.plan, ctx.settings.get('forms.view'));
    let values: unknown = initial;
    for (;;) {
      outcome = frontEnd === 'formView'
        ? await ctx.calls.formViews.open(form.plan, { title, initial: values })
        : await runForm(form.plan, ctx.calls.formUi, { title, initial: values, complete: ref && completer(ctx, server.id, ref), formView: true });
      // a switch between the input boxes and the form view carries the values entered so far
      if (outcome.kind === 'formView' || outcome.kind === 'inputBoxes') {
        frontEnd = outcome.kind;
        values = outcome.arguments;
        continue;
      }
      break;
    }
  }
  if (outcome.kind === 'cancel') return undefined;
  if (outcome.kind === 'json') {
    if (resolved.kind !== 'resourceTemplate') {
      await ctx.calls.argsEditor.open({ kind: resolved.kind, serverId: server.id, name: resolved.name, schema: form.schema }, outcome.arguments ?? initial);
    }
    return undefined;
  }
  return { target: resolved, args: (outcome.arguments ?? {}) as Record<string, unknown> };
}
