/**
 * Resource contents (an embedded `resource` content block, or one entry of a `resources/read`
 * result, spec 2024-11-05: `{ uri, mimeType?, text | blob }`) drawn one way for every surface: the
 * result view, the terminal, Markdown, the CLI's `read` and the read-only resource documents.
 *
 * Pure core: no `vscode` import.
 */
import { formatBytes, truncationNote, type RenderedResult, type ResultPart } from './parts';

/** A `resource` part (see `resourcePart` in `content.ts`). */
export type ResourcePart = Extract<ResultPart, { kind: 'resource' }>;

/** Resource contents as every surface draws them. */
export interface ResourceContentsView {
  uri: string;
  /**
   * The text to show: JSON text pretty-printed with 2 spaces (unless `asSent`), other text as the
   * server sent it; `undefined` for binary (`blob`) contents.
   */
  text: string | undefined;
  /** What it is and how large: `application/json, 1.2 KB`; without a MIME type, `text, 12 B` or `binary, 3 B`. */
  summary: string;
  /** `truncated: 1.0 KB of 2.0 MB shown` when the text or data was cut to the size limit; otherwise `undefined`. */
  cut: string | undefined;
}

/**
 * The one drawing of resource contents.
 * @param o.asSent text exactly as the server sent it (the CLI's `read`, whose stdout is data), not pretty-printed
 */
export function resourceContentsView(p: ResourcePart, o: { asSent?: boolean } = {}): ResourceContentsView {
  const text = p.text === undefined ? undefined : !o.asSent && p.json !== undefined ? JSON.stringify(p.json, null, 2) : p.text;
  return {
    uri: p.uri,
    text,
    summary: `${p.mimeType ?? (p.text === undefined ? 'binary' : 'text')}, ${formatBytes(p.bytes)}`,
    cut: p.truncated ? truncationNote(p.truncated) : undefined,
  };
}

/**
 * A rendered `resources/read` result (`renderResourceResult`) as one plain text: each text entry
 * (see {@link resourceContentsView}), each binary one as `[<uri>: <summary>; <binaryHint>]`, a cut
 * one followed by `[… truncated: …]`; entries separated by a blank line.
 * @param o.binaryHint what to do to get binary data: `use --json for the base64 data`
 */
export function resourceContentsText(r: RenderedResult, o: { binaryHint: string; asSent?: boolean }): string {
  return r.parts
    .filter((p): p is ResourcePart => p.kind === 'resource')
    .map((p) => {
      const v = resourceContentsView(p, o);
      const body = v.text ?? `[${v.uri}: ${v.summary}; ${o.binaryHint}]`;
      return v.cut ? `${body}\n[… ${v.cut}]` : body;
    })
    .join('\n\n');
}
