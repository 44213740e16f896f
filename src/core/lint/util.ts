import type { Range } from '../config/model';
import type { DocPath, Finding, Fix, LintContext, RelatedInfo, RuleDoc, Severity, TextEdit } from './types';

/** A finding of `doc`'s rule at `range`, with the rule's default severity unless given. */
export function finding(ctx: LintContext, doc: RuleDoc, range: Range, message: string, opts: { severity?: Severity; fixes?: (Fix | undefined)[]; related?: RelatedInfo[] } = {}): Finding {
  const f: Finding = { file: ctx.path, range, severity: opts.severity ?? doc.severity, code: doc.code, message };
  const fixes = opts.fixes?.filter((x): x is Fix => !!x && x.edits.length > 0);
  if (fixes?.length) f.fixes = fixes;
  if (opts.related?.length) f.related = opts.related;
  return f;
}

/** A fix, or `undefined` when there are no edits (the helper could not write it in this file). */
export function fix(title: string, edits: TextEdit[] | undefined): Fix | undefined {
  return edits?.length ? { title, edits } : undefined;
}

/** `servers.github.env.TOKEN` style path for messages. */
export function showPath(path: DocPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? (i ? `.${s}` : s) : `[${JSON.stringify(s)}]`)).join('');
}

/** Levenshtein distance (small strings: key names). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate to `word` (case-insensitive, distance ≤ max(2, len/3)), if any. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = cl === w ? 0 : cl.replace(/[-_]/g, '') === w.replace(/[-_]/g, '') ? 0.5 : editDistance(w, cl);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** Range of `[start, start+len)` inside the string value at `path`, when the text has no escapes (or is a plain YAML scalar); else the whole value. */
export function substringRange(ctx: LintContext, path: DocPath, value: string, start: number, len: number): Range {
  const whole = ctx.locate(path, 'value');
  const raw = ctx.text.slice(whole.offset, whole.offset + whole.length);
  const quoted = raw.length === value.length + 2 && raw.slice(1, -1) === value;
  if (!quoted && ctx.format.syntax === 'yaml' && raw === value) return ctx.lines.range(whole.offset + start, len);
  return quoted ? ctx.lines.range(whole.offset + 1 + start, len) : whole;
}
