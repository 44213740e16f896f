/**
 * The Protocol view's filter: text (matched in the method, the id and the masked JSON, ignoring
 * case), direction, and errors only. Used by the extension host; no Node or `vscode` import, so a
 * webview could use it as well.
 *
 * Pure core: no `vscode` import.
 */
import type { Direction, MessageRecord } from './messageLog';

export interface ProtocolFilter {
  /** Matched case-insensitively in the method, the id and the masked JSON; empty matches all. */
  text: string;
  direction: Direction | 'all';
  /** Only JSON-RPC errors and `isError` tool results, with their requests. */
  errorsOnly: boolean;
}

export const NO_FILTER: ProtocolFilter = { text: '', direction: 'all', errorsOnly: false };

/** Whether `r` passes `f`. */
export function matches(r: MessageRecord, f: ProtocolFilter): boolean {
  if (f.direction !== 'all' && r.direction !== f.direction) return false;
  if (f.errorsOnly && r.error === undefined) return false;
  const text = f.text.trim().toLowerCase();
  if (!text) return true;
  return (r.method ?? '').toLowerCase().includes(text) || (r.id !== undefined && String(r.id).toLowerCase() === text) || r.json.toLowerCase().includes(text);
}

/** The records of `records` (oldest first) that pass `f`, newest first. */
export function filterNewestFirst(records: readonly MessageRecord[], f: ProtocolFilter): MessageRecord[] {
  const out: MessageRecord[] = [];
  for (let i = records.length - 1; i >= 0; i--) if (matches(records[i], f)) out.push(records[i]);
  return out;
}
