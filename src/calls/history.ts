import * as vscode from 'vscode';
import { redactArguments, type HistoryEntry } from '../core/history';
import type { CallRecord } from './callContext';

const KEY = 'mcpDevtools.history';

/**
 * The calls made in this workspace (`workspaceState`), newest first, at most
 * `mcpDevtools.history.maxEntries` (default 200); arguments are stored with secrets redacted.
 */
export class CallHistory {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly state: vscode.Memento, private readonly redact: (serverId: string, text: string) => string) {}

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY, []);
  }

  record(r: CallRecord): void {
    const max = vscode.workspace.getConfiguration('mcpDevtools.history').get<number>('maxEntries', 200);
    const entry: HistoryEntry = {
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
      time: Date.now(),
      kind: r.kind,
      server: r.server,
      serverId: r.serverId,
      name: r.name,
      arguments: redactArguments(r.arguments, (text) => this.redact(r.serverId, text)),
      status: r.rendered.isError ? 'error' : 'ok',
      durationMs: r.rendered.durationMs,
      sizeBytes: r.rendered.sizeBytes,
      error: r.rendered.isError ? r.rendered.errorMessage?.slice(0, 500) : undefined,
    };
    void this.state.update(KEY, [entry, ...this.entries()].slice(0, max)).then(() => this.emitter.fire());
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
