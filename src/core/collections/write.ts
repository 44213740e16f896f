/**
 * Writing collection files: a new file, a call appended, a snapshot replaced. Every edit goes
 * through jsonc-parser's `modify`, so the rest of the file (its comments, its order, the user's
 * own formatting) stays as it was: diffs show only what changed. Objects written have a stable
 * key order; the indent is 2 spaces and the file ends with a newline.
 *
 * Pure core: no `vscode` import.
 */
import { applyEdits, modify, type FormattingOptions } from 'jsonc-parser';
import { readCollection, type SavedCall, type SavedServer } from './format';

const FORMAT: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The order keys of a saved call are written in: what is called first, the snapshot last. */
const CALL_KEYS = ['kind', 'name', 'server', 'arguments', 'match', 'ignore', 'timeoutMs', 'expect'] as const;

/** `call` with its keys in {@link CALL_KEYS} order, absent ones left out. */
export function orderedCall(call: SavedCall): SavedCall {
  const out: Record<string, unknown> = {};
  for (const k of CALL_KEYS) if (call[k] !== undefined) out[k] = call[k];
  return out as unknown as SavedCall;
}

const withNewline = (t: string) => (t.endsWith('\n') ? t : `${t}\n`);

/**
 * The text of the collection file with `call` added at the end of `calls`. With `text`
 * undefined or blank, a new file whose top-level `server` is the call's (so calls added later
 * to the same server need not repeat it); otherwise the call keeps its own `server` unless it
 * equals the file's.
 * @throws CollectionError when `text` is not a valid collection file (it is never overwritten)
 */
export function appendCall(text: string | undefined, call: SavedCall): string {
  if (text === undefined || !text.trim()) {
    const { server, ...rest } = call;
    return `${JSON.stringify({ ...(server !== undefined && { server }), calls: [orderedCall(rest as SavedCall)] }, null, 2)}\n`;
  }
  const read = readCollection(text, 'collection');
  const same = read.collection.server !== undefined && JSON.stringify(read.collection.server) === JSON.stringify(call.server);
  const { server, ...rest } = call;
  const saved = orderedCall((same || server === undefined ? rest : { ...rest, server }) as SavedCall);
  return withNewline(applyEdits(text, modify(text, ['calls', read.calls.length], saved, { formattingOptions: FORMAT, isArrayInsertion: true })));
}

/**
 * The text with the snapshot (`expect`) of call `index` replaced; nothing else changes.
 * @throws CollectionError when `text` is not a valid collection file
 */
export function replaceSnapshot(text: string, index: number, expect: unknown): string {
  readCollection(text, 'collection');
  return withNewline(applyEdits(text, modify(text, ['calls', index, 'expect'], expect, { formattingOptions: FORMAT })));
}

/** The server of a new saved call, as written (a configured name, or a URL / command line). */
export type { SavedServer };
