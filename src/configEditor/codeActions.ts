import * as vscode from 'vscode';
import type { TextEdit } from '../core/lint';
import type { McpDiagnostic } from './diagnostics';

/**
 * Quick fixes for our diagnostics: each {@link import('../core/lint').Fix} of a finding becomes a
 * CodeAction whose edits were computed by the core against the linted text (minimal edits in the
 * file's JSON, TOML or YAML, so comments and formatting stay). Stale fixes (the document changed since linting) are not offered.
 */
export class ConfigCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly current: (doc: vscode.TextDocument) => McpDiagnostic[]) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d): d is McpDiagnostic => 'finding' in d);
    if (!ours.length) return [];
    // Fixes of the document exactly as it is now, so their offsets match it.
    const fresh = this.current(doc).filter((d) => d.finding.fixes?.length && d.range.intersection(range) && ours.some((o) => o.finding.code === d.finding.code));
    const actions: vscode.CodeAction[] = [];
    for (const diag of fresh) {
      const fixes = diag.finding.fixes ?? [];
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.isPreferred = fixes.length === 1;
        action.edit = toWorkspaceEdit(doc, fix.edits);
        actions.push(action);
      }
    }
    return actions;
  }
}

/** Core text edits (offsets into the document's current text) → a WorkspaceEdit. */
export function toWorkspaceEdit(doc: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const we = new vscode.WorkspaceEdit();
  for (const e of edits) we.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  return we;
}
