import * as vscode from 'vscode';
import { formatForPath, type ConfigFormat } from '../core/config/formats';

/**
 * The MCP config format of an open document, or `undefined` when no MCP client reads it.
 * Recognized by path (see src/core/config/formatForPath.ts); only `file:` documents qualify.
 */
export function configFormatOf(doc: vscode.TextDocument): ConfigFormat | undefined {
  if (doc.uri.scheme !== 'file') return undefined;
  return formatForPath(doc.uri.fsPath);
}

/** The core's zero-based range → a VS Code Range. */
export function toVsRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
