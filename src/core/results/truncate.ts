/**
 * Results over a size limit (default `DEFAULT_LIMIT_BYTES`, 1 MB) are cut to fit; the caller keeps the full
 * parts for "show all". Text is cut at a character boundary; binary data over the budget is
 * dropped (its size and type stay).
 *
 * Pure core: no `vscode` import.
 */
import { utf8Bytes, type ResultPart } from './parts';

/** The first `maxBytes` UTF-8 bytes of `text`, never splitting a character. */
export function cutText(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  const buf = Buffer.from(text, 'utf8').subarray(0, Math.max(0, maxBytes));
  // Drop a trailing partial character (the decoder would make it U+FFFD).
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}

/** Parts cut so their text and data total at most `limitBytes`. Returns the same array when nothing was cut. */
export function truncateParts(parts: ResultPart[], limitBytes: number): { parts: ResultPart[]; truncated: boolean } {
  let budget = limitBytes;
  let truncated = false;
  const fit = (text: string): { text: string; cut?: { shownBytes: number; totalBytes: number } } => {
    const total = utf8Bytes(text);
    if (total <= budget) {
      budget -= total;
      return { text };
    }
    truncated = true;
    const shown = cutText(text, budget);
    budget = 0;
    return { text: shown, cut: { shownBytes: utf8Bytes(shown), totalBytes: total } };
  };
  const out = parts.map((p): ResultPart => {
    switch (p.kind) {
      case 'text':
      case 'json':
      case 'structured':
      case 'unknown': {
        const f = fit(p.text);
        return f.cut ? { ...p, text: f.text, truncated: f.cut } : p;
      }
      case 'image':
      case 'audio': {
        if (p.data.length <= budget) {
          budget -= p.data.length;
          return p;
        }
        truncated = true;
        return { ...p, data: '', truncated: { shownBytes: 0, totalBytes: p.bytes } };
      }
      case 'resource': {
        if (p.text !== undefined) {
          const f = fit(p.text);
          return f.cut ? { ...p, text: f.text, json: undefined, truncated: f.cut } : p;
        }
        const len = p.blob?.length ?? 0;
        if (len <= budget) {
          budget -= len;
          return p;
        }
        truncated = true;
        return { ...p, blob: '', truncated: { shownBytes: 0, totalBytes: p.bytes } };
      }
      case 'message': {
        const inner = truncateParts(p.parts, budget);
        if (!inner.truncated) {
          budget -= p.parts.reduce((n, x) => n + partBytes(x), 0);
          return p;
        }
        truncated = true;
        budget = 0;
        return { ...p, parts: inner.parts, markdown: cutText(p.markdown, limitBytes) };
      }
      default:
        return p;
    }
  });
  return truncated ? { parts: out, truncated } : { parts, truncated: false };
}

function partBytes(p: ResultPart): number {
  switch (p.kind) {
    case 'text': case 'json': case 'structured': case 'unknown': return utf8Bytes(p.text);
    case 'image': case 'audio': return p.data.length;
    case 'resource': return p.text !== undefined ? utf8Bytes(p.text) : p.blob?.length ?? 0;
    case 'message': return p.parts.reduce((n, x) => n + partBytes(x), 0);
    default: return 0;
  }
}
