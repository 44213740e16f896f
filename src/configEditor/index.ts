import * as vscode from 'vscode';
import type { AppContext } from '../context';
import { ConfigCodeActions } from './codeActions';
import { ConfigDiagnostics } from './diagnostics';
import { ConfigHover } from './hover';

/** Documents the config linter and hovers apply to (filtered by path inside the providers). */
const SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'jsonc' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'toml' },
  { scheme: 'file', pattern: '**/*.toml' },
];

/** Diagnostics, quick fixes and hovers for MCP config files. @returns the diagnostics (for tests). */
export function registerConfigEditor(ctx: AppContext): ConfigDiagnostics {
  const settings = () => ({ enabled: ctx.settings.get('lint.enable'), debounceMs: ctx.settings.get('lint.debounceMs') });
  const diagnostics = new ConfigDiagnostics(ctx.log, settings, (listener) => ctx.settings.onDidChange(['lint.enable', 'lint.debounceMs'], listener));
  ctx.vscode.subscriptions.push(
    diagnostics,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new ConfigCodeActions((d) => diagnostics.current(d)), ConfigCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new ConfigHover()),
  );
  return diagnostics;
}
