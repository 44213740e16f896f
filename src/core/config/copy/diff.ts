/**
 * A unified diff of a file before and after a copy (`mcp-devtools copy --dry-run`). A copy changes
 * one region of the file (an edit, or tables appended), so the diff is the one hunk between the
 * lines both texts start and end with, with three lines of context, as `diff -u` prints it.
 *
 * Pure core: no `vscode` import.
 */

/** Lines of unchanged context around the change, as `diff -u`. */
const CONTEXT = 3;

const splitLines = (text: string) => (text === '' ? [] : text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n'));

/**
 * The unified diff of `before` → `after`, headed `--- a/<label>` / `+++ b/<label>`; `''` when they
 * are the same. A file not created yet is `before = ''` (headed `--- /dev/null`).
 */
export function unifiedDiff(before: string, after: string, label: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - CONTEXT);
  const toA = Math.min(a.length, endA + CONTEXT);
  const toB = Math.min(b.length, endB + CONTEXT);
  const range = (s: number, n: number) => `${n ? s + 1 : s}${n === 1 ? '' : `,${n}`}`;
  const lines = [
    before === '' ? '--- /dev/null' : `--- a/${label}`,
    `+++ b/${label}`,
    `@@ -${range(from, toA - from)} +${range(from, toB - from)} @@`,
    ...a.slice(from, start).map((l) => ` ${l}`),
    ...a.slice(start, endA).map((l) => `-${l}`),
    ...b.slice(start, endB).map((l) => `+${l}`),
    ...a.slice(endA, toA).map((l) => ` ${l}`),
  ];
  return lines.join('\n');
}
