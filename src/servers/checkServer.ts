import * as vscode from 'vscode';
import { countFindings } from '../core/doctor/finding';
import { findingsSummary } from './doctorMarks';
import { pickServer } from './pickServer';
import type { ServerArg, ServersContext } from './serversContext';

/**
 * MCP: Check Server — runs the doctor (`core/doctor`: tool names, schemas, annotations,
 * descriptions, pagination, resources, prompts, hidden instructions in descriptions; offline) on a
 * running server; the findings show on its tool and server nodes, and a summary as a notification.
 */
export async function checkServer(ctx: ServersContext, arg?: ServerArg): Promise<void> {
  const id = await pickServer(ctx, arg, 'MCP: Check Server', (s) => s.kind === 'running');
  if (!id) return;
  const name = ctx.live.snapshot(id)?.definition.name ?? id;
  const findings = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Checking ${name}…` }, () => ctx.live.checkServer(id));
  const c = countFindings(findings);
  const text = findings.length ? `${name}: ${findingsSummary(findings)}${c.info ? ` · ${c.info} info` : ''}; see the marked items in the Servers view.` : `${name}: no problem found.`;
  if (c.error) void vscode.window.showErrorMessage(text);
  else if (c.warning) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
}
