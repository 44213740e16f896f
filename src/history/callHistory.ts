import type * as vscode from 'vscode';
import { redactArguments, type HistoryEntry } from '../core/history';
import { fitStoredResults, MAX_STORED_RESULT_BYTES, storeResult } from '../core/historyResult';
import type { CallRecord } from '../calls/callContext';

const KEY = 'mcpDevtools.history';
/** A failed call's error text is kept up to this many characters in its History entry. */
const MAX_ERROR_CHARS = 500;

/**
 * The calls made in this workspace (`workspaceState`), newest first, at most
 * `mcpDevtools.history.maxEntries`; arguments and results are stored with secrets redacted,
 * results bounded (64 KB each, or `mcpDevtools.calls.maxResultBytes` if smaller; 256 KB for all:
 * see `core/historyResult.ts`). Only `import type` from `vscode`: unit tests pass a Memento stand-in.
 */
export class CallHistory {
  private readonly listeners = new Set<() => void>();

  /**
   * @param state where the entries live (`workspaceState`)
   * @param redact masks a server's secrets in a text (its env values, header values, token shapes)
   * @param limits the current settings: how many entries to keep, the largest result to keep in bytes
   */
  constructor(
    private readonly state: Pick<vscode.Memento, 'get' | 'update'>,
    private readonly redact: (serverId: string, text: string) => string,
    private readonly limits: () => { maxEntries: number; maxResultBytes: number },
  ) {}

  /** Fires after an entry was added or the history was cleared (shaped as a `vscode.Event<void>`). */
  readonly onDidChange = (listener: () => unknown, thisArgs?: unknown, disposables?: { dispose(): unknown }[]): { dispose(): void } => {
    const l = () => void listener.call(thisArgs);
    this.listeners.add(l);
    const d = { dispose: () => void this.listeners.delete(l) };
    disposables?.push(d);
    return d;
  };

  private fire(): void {
    for (const l of [...this.listeners]) l();
  }

  entries(): HistoryEntry[] {
    return this.state.get<HistoryEntry[]>(KEY, []);
  }

  record(r: CallRecord): void {
    const { maxEntries: max, maxResultBytes: resultLimit } = this.limits();
    const maxResultBytes = Math.min(MAX_STORED_RESULT_BYTES, resultLimit);
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
      error: r.rendered.isError && r.rendered.errorMessage ? this.redact(r.serverId, r.rendered.errorMessage).slice(0, MAX_ERROR_CHARS) : undefined,
      ...('result' in kept ? { result: kept.result } : { resultNotKept: kept.notKept }),
    };
    void this.state.update(KEY, fitStoredResults([entry, ...this.entries()].slice(0, max))).then(() => this.fire());
  }

  async clear(): Promise<void> {
    await this.state.update(KEY, []);
    this.fire();
  }

  dispose(): void {
    this.listeners.clear();
  }
}
