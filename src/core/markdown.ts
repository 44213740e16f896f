/**
 * Server-provided Markdown (a server's `instructions`, spec 2025-03-26 `InitializeResult`) made fit
 * for a hover: shortened without breaking words or Markdown, and plain text made safe to embed.
 *
 * Pure core: no `vscode` import.
 */

/** How much of a Markdown text a hover shows. */
export interface ExcerptLimits {
  /** Most characters (UTF-16 code units) kept, not counting the closing fence and "…" added. */
  maxChars: number;
  /** Most lines kept. */
  maxLines: number;
}

export const TOOLTIP_EXCERPT: ExcerptLimits = { maxChars: 700, maxLines: 14 };

const FENCE = /^(\s*)(`{3,}|~{3,})(.*)$/;
const HEADING = /^ {0,3}#{1,6}(\s|$)/;

/**
 * The beginning of a Markdown text, for a hover.
 *
 * Line endings become `\n` and trailing whitespace goes. A text within both limits comes back
 * whole. A longer one is cut at a line break (whole lines only); it ends on neither a blank line
 * nor a heading whose section was cut away; a code fence left open is closed (a fence with nothing
 * kept inside is dropped); and "…" follows as a paragraph of its own. Only when the first line alone
 * is over `maxChars` is it cut inside the line, at the last whitespace ("word…"), or, for a single
 * word longer than `maxChars`, at `maxChars`.
 */
export function markdownExcerpt(markdown: string, limits: ExcerptLimits = TOOLTIP_EXCERPT): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\s+$/, '').replace(/^(\s*\n)+/, '').split('\n');
  const whole = lines.join('\n');
  if (whole.length <= limits.maxChars && lines.length <= limits.maxLines) return whole;

  let kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = (kept.length ? 1 : 0) + line.length;
    if (kept.length >= limits.maxLines || used + cost > limits.maxChars) break;
    kept.push(line);
    used += cost;
  }
  if (!kept.length) return `${cutInLine(lines[0], limits.maxChars)}…`;

  const trimEnd = () => {
    while (kept.length > 1 && (!kept[kept.length - 1].trim() || HEADING.test(kept[kept.length - 1]))) kept.pop();
  };
  trimEnd();
  const open = openFence(kept);
  if (open) {
    if (open.line === kept.length - 1) {
      kept = kept.slice(0, open.line);
      trimEnd();
      if (!kept.length) return '…';
    } else kept.push(open.close);
  }
  return `${kept.join('\n')}\n\n…`;
}

/** `line` cut at the last whitespace within `max` characters (trailing whitespace dropped), or at `max`. */
function cutInLine(line: string, max: number): string {
  const head = line.slice(0, max + 1);
  const space = head.search(/\s+\S*$/);
  return (space > 0 ? line.slice(0, space) : line.slice(0, max)).trimEnd();
}

/** The code fence still open at the end of `lines` (CommonMark: ``` or ~~~, closed by at least as many of the same), if any. */
function openFence(lines: readonly string[]): { line: number; close: string } | undefined {
  let open: { line: number; char: string; length: number; indent: string } | undefined;
  lines.forEach((text, i) => {
    const m = FENCE.exec(text);
    if (!m) return;
    const [, indent, marks, rest] = m;
    if (!open) {
      // a backtick fence's info string may not contain a backtick (then it is inline code)
      if (!(marks[0] === '`' && rest.includes('`'))) open = { line: i, char: marks[0], length: marks.length, indent };
    } else if (marks[0] === open.char && marks.length >= open.length && !rest.trim()) open = undefined;
  });
  return open && { line: open.line, close: `${open.indent}${open.char.repeat(open.length)}` };
}

/**
 * `text` as literal Markdown inline text: every character Markdown could read as syntax
 * (emphasis, links, code, headings, HTML, …) backslash-escaped, line breaks as spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, '\\$&');
}

/**
 * `text` as one Markdown code span: fenced by more backticks than any run inside it (CommonMark
 * 6.1), padded with a space when it starts or ends with a backtick; line breaks as spaces.
 */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
