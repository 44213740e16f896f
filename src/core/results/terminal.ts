/**
 * A rendered result as terminal text, for the CLI: text as it is, JSON pretty-printed, binary
 * content as one-line summaries, the output-schema verdict, the error, and a footer with
 * duration and size.
 *
 * Pure core: no `vscode` import.
 */
import { humanPath } from '../forms';
import { formatBytes, truncationNote, type RenderedResult, type ResultPart } from './parts';
import { resourceContentsView } from './resourceContents';

/** Every part, then `— 12 ms, 1.2 KB` (and what was truncated). Lines joined with `\n`, no trailing newline. */
export function renderTerminal(r: RenderedResult): string {
  const lines: string[] = [];
  if (r.description) lines.push(r.description, '');
  if (r.isError) lines.push(`Error: ${r.errorMessage}`);
  for (const p of r.parts) {
    // An error's text is already in the first line.
    if (r.isError && p.kind === 'text' && r.errorMessage?.includes(p.text)) continue;
    lines.push(...partLines(p));
  }
  const footer = [r.durationMs !== undefined ? `${Math.round(r.durationMs)} ms` : undefined, formatBytes(r.sizeBytes)].filter(Boolean).join(', ');
  lines.push(`— ${footer}${r.truncated ? ' (truncated: use --json for the full result)' : ''}`);
  return lines.join('\n');
}

function cut(p: { truncated?: { shownBytes: number; totalBytes: number } }): string[] {
  return p.truncated ? [`[… ${truncationNote(p.truncated)}]`] : [];
}

function partLines(p: ResultPart): string[] {
  switch (p.kind) {
    case 'text':
    case 'json':
    case 'unknown':
      return [p.text, ...cut(p)];
    case 'image':
    case 'audio':
      return [`[${p.kind}: ${p.mimeType}, ${formatBytes(p.bytes)}; use --json for the base64 data]`];
    case 'resourceLink':
      return [`[resource link: ${p.title ?? p.name} <${p.uri}>${p.mimeType ? ` (${p.mimeType})` : ''}${p.description ? ` — ${p.description}` : ''}]`];
    case 'resource': {
      const v = resourceContentsView(p);
      if (v.text !== undefined) return [`[resource: ${p.uri}${p.mimeType ? ` (${p.mimeType})` : ''}]`, v.text, ...cut(p)];
      return [`[resource: ${p.uri}, ${v.summary}; use --json for the base64 data]`];
    }
    case 'structured': {
      const v = p.validation;
      const verdict = v.status === 'valid' ? 'matches the outputSchema'
        : v.status === 'invalid' ? `does NOT match the outputSchema: ${v.issues.map((i) => `${humanPath(i.pointer)} ${i.message}`).join('; ')}`
          : v.status === 'missing' ? 'missing, though the tool declares an outputSchema'
            : v.status === 'unchecked' ? `not checked: ${v.reason}` : 'no outputSchema';
      return v.status === 'missing' ? [`structuredContent: ${verdict}`] : [`structuredContent (${verdict}):`, p.text, ...cut(p)];
    }
    case 'message':
      return [`## ${p.role}`, ...p.parts.flatMap(partLines), ''];
  }
}
