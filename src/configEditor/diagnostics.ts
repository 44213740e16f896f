import * as vscode from 'vscode';
import type { ConfigFormat } from '../core/config/formats';
import type { Finding, LintOptions } from '../core/lint';
import { lint, vscodeFileOptions } from '../core/lazy';
import { configFormatOf, toVsRange } from './configDocuments';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A diagnostic we made, with the finding (and its fixes) behind it. */
export interface McpDiagnostic extends vscode.Diagnostic {
  finding: Finding;
}

const RULES_URL = vscode.Uri.parse('https://github.com/mcp-devtools/mcp-devtools#lint-rules');

/**
 * Lints every open MCP config file — on open, and while typing (debounced) — into one
 * DiagnosticCollection. Pure translation: the findings come from src/core/lint.
 */
export class ConfigDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mcp-devtools');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly linted = new Map<string, { version: number; diagnostics: McpDiagnostic[] }>();
  private readonly initial: NodeJS.Timeout;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly config: () => { enabled: boolean; debounceMs: number }, onDidChangeConfig: (listener: () => void) => vscode.Disposable) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.lintNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        clearTimeout(this.timers.get(d.uri.toString()));
        this.collection.delete(d.uri);
        this.linted.delete(d.uri.toString());
      }),
      onDidChangeConfig(() => this.lintAll()),
    );
    // Documents already open are linted after activation returns: linting loads the linter (dist/linter.js).
    this.initial = setTimeout(() => this.lintAll(), 0);
  }

  /** Re-lints every open config document (e.g. after a settings change). */
  lintAll(): void {
    for (const d of vscode.workspace.textDocuments) this.lintNow(d);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!configFormatOf(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.lintNow(doc), this.config().debounceMs));
  }

  /** Lints one document now; returns its diagnostics (empty for documents that are not MCP configs). */
  lintNow(doc: vscode.TextDocument): McpDiagnostic[] {
    const format = configFormatOf(doc);
    if (!format || doc.isClosed) return [];
    if (!this.config().enabled) {
      this.collection.delete(doc.uri);
      return [];
    }
    const t0 = Date.now();
    const findings = lint(doc.getText(), doc.uri.fsPath, {
      format,
      env: process.env,
      cwd: vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath,
      ...optionsFor(format),
    });
    const diagnostics = findings.map((f) => toDiagnostic(f, doc.uri));
    this.collection.set(doc.uri, diagnostics);
    this.linted.set(doc.uri.toString(), { version: doc.version, diagnostics });
    this.log.trace(`Linted ${doc.uri.fsPath} (${format.id}) in ${Date.now() - t0} ms: ${findings.length} finding(s).`);
    return diagnostics;
  }

  /** The diagnostics of the document as it is now: cached when its version was linted, else linted now. */
  current(doc: vscode.TextDocument): McpDiagnostic[] {
    const cached = this.linted.get(doc.uri.toString());
    return cached?.version === doc.version ? cached.diagnostics : this.lintNow(doc);
  }

  dispose(): void {
    clearTimeout(this.initial);
    for (const t of this.timers.values()) clearTimeout(t);
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * VS Code validates its own files (`.vscode/mcp.json`, user `mcp.json`): we do not repeat what it
 * says there (see VSCODE_OVERLAP). In a `settings.json` (the legacy `mcp` key) it checks the JSON
 * syntax of the whole file but no longer validates `mcp` against the MCP schema, so only our
 * syntax findings are dropped there.
 */
function optionsFor(format: ConfigFormat): Pick<LintOptions, 'skip' | 'fixableOnly'> {
  if (format.id === 'vscode-settings-workspace' || format.id === 'vscode-settings-user') return { skip: ['syntax', 'duplicate-key'] };
  return format.client === 'vscode' ? vscodeFileOptions() : {};
}

function toDiagnostic(f: Finding, uri: vscode.Uri): McpDiagnostic {
  const d = new vscode.Diagnostic(toVsRange(f.range), f.message, SEVERITY[f.severity]) as McpDiagnostic;
  d.source = 'MCP DevTools';
  d.code = { value: f.code, target: RULES_URL };
  d.finding = f;
  // the fields of a whole-server problem (a command and a URL, …), each a link in the Problems view
  if (f.related?.length) d.relatedInformation = f.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toVsRange(r.range)), r.message));
  if (f.code === 'input-unused') d.tags = [vscode.DiagnosticTag.Unnecessary];
  return d;
}
