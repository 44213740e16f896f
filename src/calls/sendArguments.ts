import * as vscode from 'vscode';
import { planForm, validateArguments, humanPath } from '../core/forms';
import type { RenderedResult } from '../core/results';
import { ArgsEditor } from './argsEditor';
import { ensureRunning } from '../servers/ensureRunning';
import { executeGetPrompt, executeToolCall } from './executeCall';
import type { CallsContext } from './callsContext';

/**
 * MCP: Send Arguments — runs the call of an "Edit as JSON…" editor with the arguments written in
 * it, after validating them against the tool's inputSchema (an error names the field).
 */
export async function sendArguments(ctx: CallsContext, uri?: vscode.Uri): Promise<RenderedResult | undefined> {
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const call = doc && ctx.calls.argsEditor.callFor(doc.uri);
  if (!doc || !call) throw new Error('this editor holds no MCP call arguments: use "Edit as JSON…" in a Call Tool or Get Prompt form.');
  const args = ArgsEditor.argumentsOf(doc);
  const check = validateArguments(planForm(call.schema, call.name), args);
  if (!check.valid) {
    const i = check.issues[0];
    throw new Error(`the arguments do not match the schema: ${humanPath(i.pointer)}: ${i.message}`);
  }
  await ensureRunning(ctx.live, call.serverId);
  if (call.kind === 'prompt') return executeGetPrompt(ctx.calls, call.serverId, call.name, args as Record<string, string>);
  const snap = ctx.live.snapshot(call.serverId)!;
  const tool = snap.lists.tools.kind === 'loaded' ? snap.lists.tools.items.find((t) => t.name === call.name) : undefined;
  if (!tool) throw new Error(`server "${snap.definition.name}" no longer has a tool "${call.name}"`);
  return executeToolCall(ctx.calls, call.serverId, tool, args);
}
