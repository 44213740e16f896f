/**
 * What the Protocol view's webview and the extension host say to each other, and the row a record
 * becomes. The webview gets rows (no JSON) and one message's JSON when it is expanded; filtering,
 * the CLI command and the clipboard stay on the host.
 *
 * Pure core: no `vscode` import.
 */
import { hasCliCommand } from './cliCommand';
import type { ProtocolFilter } from './filter';
import type { Direction, MessageKind, MessageRecord, RequestId } from './messageLog';

/** One line of the view. */
export interface ProtocolRow {
  seq: number;
  /** Epoch milliseconds. */
  time: number;
  direction: Direction;
  kind: MessageKind;
  method?: string;
  id?: RequestId;
  sizeBytes: number;
  durationMs?: number;
  error?: string;
  cancelled?: boolean;
  truncated: boolean;
  session: number;
  pair?: number;
  /** Whether "Copy as CLI command" applies. */
  cli: boolean;
}

/** Host → webview. Rows are newest first. */
export type HostMessage =
  /** Everything the view shows (after opening, a filter change, a new log). */
  | { type: 'reset'; server: string; rows: ProtocolRow[]; kept: number; dropped: number; filter: ProtocolFilter }
  /** What changed since the last message: new rows (newest first), changed rows, and rows with `seq < firstSeq` are gone. */
  | { type: 'update'; added: ProtocolRow[]; changed: ProtocolRow[]; firstSeq: number; kept: number; dropped: number }
  /** One message's JSON (masked, pretty when kept whole). */
  | { type: 'detail'; seq: number; json: string; note?: string };

/** Webview → host. */
export type ViewMessage =
  | { type: 'ready' }
  | { type: 'filter'; filter: ProtocolFilter }
  | { type: 'expand'; seq: number }
  | { type: 'copyCli'; seq: number }
  | { type: 'clear' }
  /** Sent after each render: how many rows the page shows (tests read it). */
  | { type: 'rendered'; rows: number };

/** The row of a record (reads no JSON: masking waits until a message is shown). */
export function toRow(r: MessageRecord): ProtocolRow {
  return {
    seq: r.seq, time: r.time, direction: r.direction, kind: r.kind, method: r.method, id: r.id, sizeBytes: r.sizeBytes,
    durationMs: r.durationMs, error: r.error, cancelled: r.cancelled, truncated: r.truncated, session: r.session, pair: r.pair,
    cli: hasCliCommand(r),
  };
}

/** A record's JSON for reading: indented when kept whole; as kept, with a note, when cut. */
export function detailOf(r: MessageRecord): { json: string; note?: string } {
  if (r.truncated) return { json: r.json, note: `Cut: the first ${r.json.length.toLocaleString('en-US')} characters of ${r.sizeBytes.toLocaleString('en-US')} bytes are kept.` };
  try {
    return { json: JSON.stringify(JSON.parse(r.json), null, 2) };
  } catch {
    return { json: r.json };
  }
}
