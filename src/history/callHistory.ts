import * as vscode from 'vscode';
import { redactArguments, type HistoryEntry } from '../core/history';
import { fitStoredResults, MAX_STORED_RESULT_BYTES, storeResult } from '../core/historyResult';
import type { CallRecord } from '../calls/callContext';

const KEY = 'mcpDevtools.history';

/**
 * The calls made in this workspace (`workspaceState`), newest first, at most
 * `mcpDevtools.history.maxEntries` (default 200); arguments and results are stored with secrets
 * redacted, results bounded (64 KB each, or `mcpDevtools.calls.maxResultBytes` if smaller; 256 KB
 * for all: see `core/historyResult.ts`).
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
    const maxResultBytes = Math.min(MAX_STORED_RESULT_BYTES, vscode.workspace.getConfiguration('mcpDevtools.calls').get<number>('maxResultBytes', MAX_STORED_RESULT_BYTES));
    const kept = storeResult(r.rendered, (text) => this.redact(r.serverId, text), maxResultBytes);
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
      error: r.rendered.isError && r.rendered.errorMessage ? this.redact(r.serverId, r.rendered.errorMessage).slice(0, 500) : undefined,
      ...('result' in kept ? { result: kept.result } : { resultNotKept: kept.notKept }),
    };
    void this.state.update(KEY, fitStoredResults([entry, ...this.entries()].slice(0, max))).then(() => this.emitter.fire());
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
    this.emitter.fire();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
