import type * as vscode from 'vscode';
import { redactArguments, type HistoryEntry } from '../core/history';
import { fitStoredResults, MAX_STORED_RESULT_BYTES, storeResult } from '../core/historyResult';
import type { CallRecord } from '../calls/callContext';

const KEY = 'mcpDevtools.history';
/** A failed call's error text is kept up to this many characters in its History entry. */
const MAX_ERROR_CHARS = 500;
/**
 * The raw results of this many latest calls are kept in memory (never stored), so Save Call to
 * Collection… on one of them keeps the result that was shown instead of running the call again.
 */
export const RAW_RESULTS_KEPT = 20;

/**
 * The calls made in this workspace (`workspaceState`), newest first, at most
 * `mcpDevtools.history.maxEntries`; arguments and results are stored with secrets redacted,
 * results bounded (64 KB each, or `mcpDevtools.calls.maxResultBytes` if smaller; 256 KB for all:
 * see `core/historyResult.ts`). Only `import type` from `vscode`: unit tests pass a Memento stand-in.
 */
export class CallHistory {
  private readonly listeners = new Set<() => void>();
  /** Raw results by entry id, oldest first: this window only, unredacted (a snapshot is redacted when written). */
  private readonly raws = new Map<string, unknown>();

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

  /**
   * Adds an entry for a call (arguments and result redacted, the result bounded).
   * @param raw the call's raw result (a tool's or prompt's, as received), kept in memory for
   *   {@link rawResult}; the last {@link RAW_RESULTS_KEPT} only
   * @returns the entry
   */
  record(r: CallRecord, raw?: unknown): HistoryEntry {
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
    if (raw !== undefined) {
      this.raws.set(entry.id, raw);
      for (const id of [...this.raws.keys()].slice(0, Math.max(0, this.raws.size - RAW_RESULTS_KEPT))) this.raws.delete(id);
    }
    return entry;
  }

  /** The raw result of an entry recorded in this window, while it is among the last {@link RAW_RESULTS_KEPT}; else undefined. */
  rawResult(id: string): unknown {
    return this.raws.get(id);
  }

  async clear(): Promise<void> {
    this.raws.clear();
    await this.state.update(KEY, []);
    this.fire();
  }

  dispose(): void {
    this.listeners.clear();
  }
}
