import * as vscode from 'vscode';
import { humanPath } from '../core/forms/pointer';
import { planForm, validateArguments } from '../core/lazy';
import type { RenderedResult } from '../core/results/parts';
import { ArgsEditor } from './argsEditor';
import { executeCall } from './executeCall';
import { fillCall } from './fillCall';
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
  const filled = await fillCall(ctx, { kind: call.kind, server: call.serverId, name: call.name }, { arguments: args });
  return filled && (await executeCall(ctx, filled)).rendered;
}
