import type { Position, Range } from './model';

/**
 * Converts offsets in a text into zero-based line/character positions.
 * Lines end at `\n`; a `\r\n` pair counts as one line break (the `\r` stays on its line).
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** Offset (clamped to the text) → position. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Position → offset (clamped to the text). */
  offsetAt(p: Position): number {
    if (p.line >= this.starts.length) return this.text.length;
    if (p.line < 0) return 0;
    const lineEnd = p.line + 1 < this.starts.length ? this.starts[p.line + 1] - 1 : this.text.length;
    return Math.min(this.starts[p.line] + Math.max(0, p.character), lineEnd);
  }

  /**
   * `[offset, offset + length)` → a {@link Range}, clamped to the text (parsers report errors
   * one past the end, at an end of file they did not expect).
   */
  range(offset: number, length: number): Range {
    const start = Math.max(0, Math.min(offset, this.text.length));
    const end = Math.max(start, Math.min(offset + Math.max(0, length), this.text.length));
    return { start: this.positionAt(start), end: this.positionAt(end), offset: start, length: end - start };
  }
}
