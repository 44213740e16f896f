import * as vscode from 'vscode';
import type { Finding } from '../core/doctor/finding';
import { escapeMarkdown } from '../core/markdown';

/**
 * MCP: Check Server's findings on the Servers tree: a tool node with findings gets its count in
 * the description and a warning (or error) icon, the reasons in its tooltip; the server node a
 * count and its own findings (a list that fails, pagination) in its tooltip.
 */

/** `2 errors · 1 warning` of some findings, or `''`. */
export function findingsSummary(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
}

/** Marks a tree item with its findings (description suffix, icon, tooltip lines); the item unchanged when there are none. */
export function markFindings(item: vscode.TreeItem, findings: readonly Finding[], icon: boolean): vscode.TreeItem {
  if (!findings.length) return item;
  const summary = findingsSummary(findings);
  if (summary) item.description = [item.description, summary].filter(Boolean).join(' · ');
  if (icon && findings.some((f) => f.severity !== 'info')) {
    const error = findings.some((f) => f.severity === 'error');
    item.iconPath = new vscode.ThemeIcon(error ? 'error' : 'warning', new vscode.ThemeColor(error ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'));
  }
  return item;
}

/** The findings as Markdown lines for a tooltip (untrusted: reasons quote server text). */
export function findingsMarkdown(findings: readonly Finding[]): string {
  return findings.map((f) => `- **${f.severity}** ${escapeMarkdown(f.reason)} (\`${f.id}\`)`).join('\n');
}
