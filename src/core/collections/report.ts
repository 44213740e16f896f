/**
 * The outcomes of a test run and how they are reported: text for a terminal (a line per call,
 * the first differences under a failure, a summary), JUnit XML (the de-facto format CI systems
 * read: a `<testsuite>` per collection file, a `<testcase>` per call, `<failure>` for a failed
 * one) and JSON.
 *
 * Pure core: no `vscode` import.
 */
import type { Difference } from './compare';
import type { TextRange } from './format';

/** One saved call, replayed. */
export interface CallOutcomeReport {
  /** The collection file, as given or found (relative to where `test` ran). */
  file: string;
  /** `#1 tool echo`. */
  label: string;
  /** Where the call stands in its file. */
  range: TextRange;
  status: 'passed' | 'failed' | 'updated';
  /** Wall-clock time of the request, milliseconds (absent when it was never sent). */
  durationMs?: number;
  /** For a failure: how the result differs from its snapshot (empty when {@link error} says why). */
  differences: Difference[];
  /** For a failure that is not a difference: the server did not start, the request failed, the call cannot be replayed. */
  error?: string;
}

/** The most differences shown under a failed call in text. */
const SHOWN_DIFFERENCES = 3;
/** The most characters of one value shown in text. */
const VALUE_CHARS = 300;

/** A value for a human: JSON, cut; `(nothing)` when absent. */
export function showValue(v: unknown): string {
  if (v === undefined) return '(nothing)';
  const s = JSON.stringify(v);
  return s.length > VALUE_CHARS ? `${s.slice(0, VALUE_CHARS)}…` : s;
}

/** The lines explaining one failure. */
export function failureLines(r: CallOutcomeReport): string[] {
  if (r.error) return [r.error];
  const lines = r.differences.slice(0, SHOWN_DIFFERENCES).flatMap((d) => [
    `at ${d.pointer || '(the whole result)'}${d.message ? `: ${d.message}` : ''}`,
    ...(d.message && d.expected === undefined && d.actual === undefined ? [] : [`  expected: ${showValue(d.expected)}`, `  actual:   ${showValue(d.actual)}`]),
  ]);
  if (r.differences.length > SHOWN_DIFFERENCES) lines.push(`… and ${r.differences.length - SHOWN_DIFFERENCES} more difference(s)`);
  return lines;
}

/** Counts of a run. */
export function summary(results: readonly CallOutcomeReport[]): { passed: number; failed: number; updated: number; files: number } {
  return {
    passed: results.filter((r) => r.status === 'passed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    updated: results.filter((r) => r.status === 'updated').length,
    files: new Set(results.map((r) => r.file)).size,
  };
}

const ms = (r: CallOutcomeReport) => (r.durationMs === undefined ? '' : ` (${r.durationMs} ms)`);

/** The text report: per file its calls (`✓`, `✗`, `↻` updated), failures explained, and a summary line. */
export function textReport(results: readonly CallOutcomeReport[], elapsedMs: number): string {
  const out: string[] = [];
  let file: string | undefined;
  for (const r of results) {
    if (r.file !== file) {
      file = r.file;
      out.push(file);
    }
    const mark = r.status === 'passed' ? '✓' : r.status === 'updated' ? '↻' : '✗';
    out.push(`  ${mark} ${r.label}${ms(r)}${r.status === 'updated' ? ': snapshot updated' : ''}`);
    if (r.status === 'failed') out.push(...failureLines(r).map((l) => `      ${l}`));
  }
  const s = summary(results);
  out.push('', `${s.passed} passed, ${s.failed} failed${s.updated ? `, ${s.updated} updated` : ''} (${results.length} call(s) in ${s.files} file(s), ${(elapsedMs / 1000).toFixed(1)} s)`);
  return out.join('\n');
}

/** XML 1.0 text: `&<>"'` escaped, characters XML cannot hold dropped. */
function xml(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const seconds = (msValue: number | undefined) => ((msValue ?? 0) / 1000).toFixed(3);

/**
 * JUnit XML (the Ant/Surefire shape GitHub, GitLab, Jenkins and Azure read): one `<testsuite>`
 * per file (`name` the file), one `<testcase>` per call (`classname` the file, `name` the label,
 * `time` seconds); a failed call holds `<failure message="…">` with the differences as text.
 */
export function junitReport(results: readonly CallOutcomeReport[], elapsedMs: number): string {
  const files = [...new Set(results.map((r) => r.file))];
  const s = summary(results);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="mcp-devtools test" tests="${results.length}" failures="${s.failed}" errors="0" time="${seconds(elapsedMs)}">`];
  for (const f of files) {
    const rs = results.filter((r) => r.file === f);
    const time = rs.reduce((t, r) => t + (r.durationMs ?? 0), 0);
    lines.push(`  <testsuite name="${xml(f)}" tests="${rs.length}" failures="${rs.filter((r) => r.status === 'failed').length}" errors="0" skipped="0" time="${seconds(time)}">`);
    for (const r of rs) {
      const head = `    <testcase classname="${xml(f)}" name="${xml(r.label)}" time="${seconds(r.durationMs)}"`;
      if (r.status !== 'failed') {
        lines.push(`${head}/>`);
        continue;
      }
      const detail = failureLines(r);
      lines.push(`${head}>`, `      <failure message="${xml(detail[0] ?? 'failed')}" type="${r.error ? 'error' : 'mismatch'}">${xml(detail.join('\n'))}</failure>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n');
}

/** The JSON report: the counts and every outcome. */
export function jsonReport(results: readonly CallOutcomeReport[], elapsedMs: number): string {
  return JSON.stringify({ ...summary(results), total: results.length, durationMs: Math.round(elapsedMs), results }, null, 2);
}
