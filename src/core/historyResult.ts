/**
 * The results the History keeps, so that clicking an entry shows its result again without calling
 * the server. Kept redacted like the arguments (see {@link redactValue}) and bounded, because the
 * History lives in VS Code's `workspaceState`: one JSON value per extension, rewritten on every
 * call, which VS Code itself warns about above 512 KB ("large extension state detected").
 *
 * Size policy (UTF-8 bytes of the stored JSON):
 * - one result: at most {@link MAX_STORED_RESULT_BYTES} (64 KB), or `mcpDevtools.calls.maxResultBytes`
 *   if smaller. A larger result is kept cut (text shortened, binary data dropped; each cut part
 *   says how much of it is shown); one that does not fit even cut (thousands of parts) is not kept.
 * - all results together: at most {@link MAX_STORED_RESULTS_BYTES} (256 KB), newest first; an older
 *   result that no longer fits is dropped (its entry stays, with re-run).
 * So the History's state stays near 256 KB of results plus ~0.5 KB per entry (200 entries by default).
 *
 * Pure core: no `vscode` import.
 */
import { REDACTED, redactValue, type HistoryEntry } from './history';
import { messageMarkdown } from './results/messageMarkdown';
import { utf8Bytes, type RenderedResult, type ResultPart } from './results/parts';
import { truncateParts } from './results/truncate';

/** The most one stored result may take, bytes. */
export const MAX_STORED_RESULT_BYTES = 64_000;
/** The most all stored results of the History may take together, bytes. */
export const MAX_STORED_RESULTS_BYTES = 256_000;
/** The most of a server's error text a stored result keeps, characters. */
const MAX_STORED_ERROR_CHARS = 2000;
/** How many times {@link storeResult} shrinks its budget before it gives up (`too-large`). */
const MAX_CUT_ATTEMPTS = 10;

/** A result as the History keeps it: the result view's parts, redacted and bounded; no raw response, no "show all". */
export interface StoredResult {
  isError: boolean;
  /** The server's error text (redacted). */
  errorMessage?: string;
  /** A prompt's description (redacted). */
  description?: string;
  /** The parts, redacted; `json`/`structured` parts keep only their `text`, messages only their `markdown`. */
  parts: ResultPart[];
  /** True when some parts were cut to fit (those parts carry `truncated`). */
  cut: boolean;
}

/** Why an entry has no stored result: larger than the cap even when cut, or dropped to make room for newer results. */
export type ResultNotKept = 'too-large' | 'no-room';

/** Bytes a stored result takes in the History's state. */
export function storedBytes(r: StoredResult): number {
  return utf8Bytes(JSON.stringify(r));
}

/**
 * The result to keep for a call: `rendered`'s parts (all of them, before the view's truncation),
 * redacted with `redactText` the way arguments are (a string in which it finds a secret is
 * replaced whole by {@link REDACTED}; values under credential-like names too), then cut until the
 * whole takes at most `maxBytes`. @returns `{ result }`, or `{ notKept: 'too-large' }` when even a
 * cut copy does not fit (e.g. thousands of parts).
 */
export function storeResult(rendered: RenderedResult, redactText: (text: string) => string, maxBytes: number = MAX_STORED_RESULT_BYTES): { result: StoredResult } | { notKept: 'too-large' } {
  const text = (s: string | undefined) => (s === undefined ? undefined : redactText(s) === s ? s : REDACTED);
  const redacted = (rendered.full ?? rendered.parts).map((p) => redactPart(p, redactText));
  const base = { isError: rendered.isError, errorMessage: text(rendered.errorMessage)?.slice(0, MAX_STORED_ERROR_CHARS), description: text(rendered.description) };
  // Text and data bytes are what cutting controls; the JSON around them (keys, escapes) is measured after.
  let budget = maxBytes;
  for (let attempt = 0; attempt < MAX_CUT_ATTEMPTS; attempt++) {
    const t = truncateParts(redacted, budget);
    const result: StoredResult = { ...base, parts: t.parts.map(compactPart), cut: t.truncated };
    const bytes = storedBytes(result);
    if (bytes <= maxBytes) return { result };
    if (budget === 0) break;
    budget = Math.max(0, Math.floor(budget * Math.min(0.9, maxBytes / bytes)) - 64);
  }
  return { notKept: 'too-large' };
}

/**
 * Entries with their stored results fitted into `maxTotalBytes`: newest first, a result is kept
 * while it fits in what is left, otherwise dropped (`resultNotKept: 'no-room'`). Entries are
 * returned in the same order; the ones unchanged are the same objects.
 */
export function fitStoredResults(entries: readonly HistoryEntry[], maxTotalBytes: number = MAX_STORED_RESULTS_BYTES): HistoryEntry[] {
  let left = maxTotalBytes;
  return entries.map((e) => {
    if (!e.result) return e;
    const n = storedBytes(e.result);
    if (n <= left) {
      left -= n;
      return e;
    }
    const { result: _dropped, ...rest } = e;
    return { ...rest, resultNotKept: 'no-room' };
  });
}

/** A stored result as the result view draws it (`truncated: false`: there is nothing more to show). */
export function storedRendered(e: HistoryEntry): RenderedResult | undefined {
  const r = e.result;
  if (!r) return undefined;
  return {
    kind: e.kind, isError: r.isError, errorMessage: r.errorMessage, description: r.description, parts: r.parts,
    truncated: false, sizeBytes: e.sizeBytes ?? 0, durationMs: e.durationMs, raw: undefined,
  };
}

/** One part redacted; JSON values through {@link redactValue}, their text re-made from the redacted value. */
function redactPart(p: ResultPart, redactText: (text: string) => string): ResultPart {
  const text = (s: string) => (redactText(s) === s ? s : REDACTED);
  const opt = (s: string | undefined) => (s === undefined ? undefined : text(s));
  const json = (v: unknown) => redactValue(v, redactText);
  switch (p.kind) {
    case 'text':
    case 'unknown':
      return { ...p, text: text(p.text) };
    case 'json':
    case 'structured': {
      if (p.value === undefined) return { ...p, text: text(p.text) };
      const value = json(p.value);
      return { ...p, value, text: JSON.stringify(value, null, 2) ?? '' };
    }
    case 'image':
    case 'audio':
      return p; // base64 data: no readable secret to find
    case 'resourceLink':
      return { ...p, uri: text(p.uri), name: text(p.name), title: opt(p.title), description: opt(p.description) };
    case 'resource': {
      if (p.json !== undefined) {
        const value = json(p.json);
        return { ...p, uri: text(p.uri), json: undefined, text: JSON.stringify(value, null, 2) };
      }
      return { ...p, uri: text(p.uri), text: opt(p.text) };
    }
    case 'message': {
      const parts = p.parts.map((x) => redactPart(x, redactText));
      return { ...p, parts, markdown: messageMarkdown(p.role, parts) };
    }
  }
}

/** Drops what the view does not draw: a JSON part's parsed `value` (its `text` is shown), a message's inner parts (its `markdown` is). */
function compactPart(p: ResultPart): ResultPart {
  switch (p.kind) {
    case 'json':
    case 'structured':
      return { ...p, value: undefined };
    case 'message':
      return { ...p, parts: [] };
    default:
      return p;
  }
}
