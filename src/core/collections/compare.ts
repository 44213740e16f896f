/**
 * A result against its snapshot: the differences, each as a JSON pointer with the expected and
 * the actual value, per match mode:
 * - `exact`: the same JSON value (object key order does not matter);
 * - `subset`: every value the snapshot holds is in the result (objects may have more keys,
 *   arrays more items at the end): for results that grow;
 * - `schema`: the result's `structuredContent` conforms to the tool's `outputSchema` (spec
 *   2025-06-18; checked with Ajv in the schema's dialect, as the result view does), and
 *   `isError` is what the snapshot says; the values themselves are not compared.
 * Paths in `ignore` are left out in every mode.
 *
 * Pure core: no `vscode` import.
 */
import { validateStructuredContent } from '../results/outputSchema';
import { join, parsePointer } from '../forms/pointer';
import { redactValue } from '../history';
import { redactCredentials } from '../secrets';
import type { MatchMode } from './format';

/** One difference. `expected`/`actual` are `undefined` when that side has nothing there. */
export interface Difference {
  /** Where, as a JSON pointer into the result (`''`: the whole result). */
  pointer: string;
  expected?: unknown;
  actual?: unknown;
  /** Set when the difference is not a value (a schema violation). */
  message?: string;
}

/**
 * The result as it is kept in a snapshot, and as it is compared: a deep copy with the top-level
 * `_meta` dropped (it carries per-request noise: progress tokens, related-task ids, timings; a
 * test that needs it can use a server's content instead), and secrets redacted as History does
 * (`redactValue`: values under credential names, and strings holding token-shaped text, become
 * `<redacted>`). Both sides go through it, so a redacted value still compares equal.
 */
export function normaliseResult(raw: unknown, redactText: (text: string) => string = redactCredentials): unknown {
  let v = raw;
  if (v && typeof v === 'object' && !Array.isArray(v) && '_meta' in v) {
    const { _meta: _, ...rest } = v as Record<string, unknown>;
    v = rest;
  }
  return redactValue(JSON.parse(JSON.stringify(v ?? null)), (t) => redactText(redactCredentials(t)));
}

/** Ignore patterns as token lists (`*` any one key or index). */
function patterns(ignore: readonly string[]): string[][] {
  return ignore.map((p) => parsePointer(p));
}

function ignored(tokens: readonly string[], pats: readonly string[][]): boolean {
  return pats.some((p) => p.length === tokens.length && p.every((t, i) => t === '*' || t === tokens[i]));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Differences of `actual` from `expected`; `subset` lets `actual` hold more. At most `limit`. */
function diff(expected: unknown, actual: unknown, subset: boolean, pats: string[][], limit: number): Difference[] {
  const out: Difference[] = [];
  const walk = (e: unknown, a: unknown, tokens: string[]) => {
    if (out.length >= limit || ignored(tokens, pats)) return;
    const pointer = join('', ...tokens);
    if (Array.isArray(e) && Array.isArray(a)) {
      const n = Math.max(e.length, subset ? 0 : a.length);
      for (let i = 0; i < n; i++) {
        if (i >= a.length) out.push({ pointer: join(pointer, i), expected: e[i] });
        else if (i >= e.length) { if (!ignored([...tokens, String(i)], pats)) out.push({ pointer: join(pointer, i), actual: a[i] }); }
        else walk(e[i], a[i], [...tokens, String(i)]);
        if (out.length >= limit) return;
      }
      return;
    }
    if (isObject(e) && isObject(a)) {
      const keys = new Set([...Object.keys(e), ...(subset ? [] : Object.keys(a))]);
      for (const k of [...keys].sort()) {
        const t = [...tokens, k];
        if (ignored(t, pats)) continue;
        if (!(k in a)) out.push({ pointer: join(pointer, k), expected: e[k] });
        else if (!(k in e)) out.push({ pointer: join(pointer, k), actual: a[k] });
        else walk(e[k], a[k], t);
        if (out.length >= limit) return;
      }
      return;
    }
    if (JSON.stringify(e) !== JSON.stringify(a)) out.push({ pointer, expected: e, actual: a });
  };
  walk(expected, actual, []);
  return out;
}

/** What {@link compareResult} needs besides the two values. */
export interface CompareOptions {
  match?: MatchMode;
  ignore?: readonly string[];
  /** The tool's `outputSchema`, for `schema` mode. */
  outputSchema?: unknown;
  /** The most differences returned (default 20). */
  limit?: number;
}

/**
 * The differences of a result from its snapshot; `[]` means it matches. Both are normalised first
 * ({@link normaliseResult}).
 * @throws Error for an `ignore` entry that is not a JSON pointer
 */
export function compareResult(expected: unknown, actualRaw: unknown, o: CompareOptions = {}): Difference[] {
  const actual = normaliseResult(actualRaw);
  const exp = normaliseResult(expected);
  const pats = patterns(o.ignore ?? []);
  const limit = o.limit ?? 20;
  if (o.match !== 'schema') return diff(exp, actual, o.match === 'subset', pats, limit);
  const out: Difference[] = [];
  const isErr = (v: unknown) => isObject(v) && v.isError === true;
  if (isErr(exp) !== isErr(actual)) out.push({ pointer: '/isError', expected: isErr(exp), actual: isErr(actual) });
  const structured = isObject(actual) ? actual.structuredContent : undefined;
  const verdict = validateStructuredContent(o.outputSchema, structured);
  switch (verdict.status) {
    case 'valid':
      break;
    case 'no-schema':
      out.push({ pointer: '', message: 'match "schema" needs the tool to declare an outputSchema, and it declares none: use "exact" or "subset"' });
      break;
    case 'missing':
      out.push({ pointer: '/structuredContent', expected: '(structuredContent conforming to the outputSchema)', message: 'the result has no structuredContent' });
      break;
    case 'unchecked':
      out.push({ pointer: '', message: `the tool's outputSchema could not be used: ${verdict.reason}` });
      break;
    case 'invalid':
      for (const i of verdict.issues.slice(0, limit)) out.push({ pointer: join('/structuredContent', ...parsePointer(i.pointer)), actual: undefined, message: i.message });
  }
  return out.filter((d) => !ignored(parsePointer(d.pointer), pats));
}

/** Argument paths holding `<redacted>`: a call saved with them cannot be replayed as it was. */
export function redactedArguments(args: unknown, marker: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: string) => {
    if (v === marker) out.push(p || '/');
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, join(p, i)));
    else if (isObject(v)) for (const [k, x] of Object.entries(v)) walk(x, join(p, k));
  };
  walk(args, '');
  return out;
}
