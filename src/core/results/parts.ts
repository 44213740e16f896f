/**
 * What a tool, prompt or resource result renders as: plain data, one part per thing to show.
 * The VS Code result view and the CLI's terminal renderer both draw these.
 *
 * Pure core: no `vscode` import.
 */
import type { ValidationIssue } from '../forms';

/** Set on a part whose text or data was cut to fit the size limit; the full part is in `RenderedResult.full`. */
export interface Truncation {
  /** Bytes (UTF-8 text, or decoded binary) shown. */
  shownBytes: number;
  totalBytes: number;
}

/** A content block, a structured result or an error, ready to show. */
export type ResultPart =
  | { kind: 'text'; text: string; truncated?: Truncation }
  /** Text that parses as JSON (an object or array), pretty-printed with 2 spaces. */
  | { kind: 'json'; value: unknown; text: string; truncated?: Truncation }
  /** `data` is base64 (empty when cut by the size limit); `bytes` is the decoded size. Spec 2024-11-05 (image), 2025-03-26 (audio). */
  | { kind: 'image' | 'audio'; data: string; mimeType: string; bytes: number; truncated?: Truncation }
  /** `resource_link` content (spec 2025-06-18): open through `resources/read`. */
  | { kind: 'resourceLink'; uri: string; name: string; title?: string; description?: string; mimeType?: string; size?: number }
  /** An embedded resource (`resource` content, or one entry of `resources/read`): `text`, or base64 `blob`. */
  | { kind: 'resource'; uri: string; mimeType?: string; text?: string; json?: unknown; blob?: string; bytes: number; truncated?: Truncation }
  /** `structuredContent` (spec 2025-06-18) and the verdict of the tool's `outputSchema` on it. */
  | { kind: 'structured'; value: unknown; text: string; validation: OutputValidation; truncated?: Truncation }
  /** A prompt message (spec 2024-11-05 `prompts/get`): its role, its content as parts, and as Markdown. */
  | { kind: 'message'; role: string; parts: ResultPart[]; markdown: string }
  /** A content type this version does not know: shown as JSON. */
  | { kind: 'unknown'; type: string; text: string; truncated?: Truncation };

export type ResultPartKind = ResultPart['kind'];

/**
 * The verdict on `structuredContent`: `no-schema` when the tool declares no `outputSchema`;
 * `missing` when it declares one but the result has no `structuredContent` (spec 2025-06-18:
 * "servers MUST provide structured results that conform to this schema"); `invalid` with issues
 * naming the fields; `unchecked` when the schema cannot be compiled.
 */
export type OutputValidation =
  | { status: 'valid' | 'no-schema' | 'missing' }
  | { status: 'invalid'; issues: ValidationIssue[] }
  | { status: 'unchecked'; reason: string };

/** A whole result, rendered. */
export interface RenderedResult {
  kind: 'tool' | 'prompt' | 'resource';
  /** `isError: true` (a tool's own failure, spec 2024-11-05); `errorMessage` is the server's text. */
  isError: boolean;
  errorMessage?: string;
  /** Parts within the size limit. */
  parts: ResultPart[];
  /** Every part, untruncated: set only when something was cut ("show all"). */
  full?: ResultPart[];
  truncated: boolean;
  /** Size of the result as JSON, UTF-8 bytes. */
  sizeBytes: number;
  /** Wall-clock time of the call, milliseconds, when the caller measured it. */
  durationMs?: number;
  /** The prompt's `description`, for prompt results. */
  description?: string;
  /** The result as the server sent it. */
  raw: unknown;
}

const KB = 1000;
const MB = 1000 * KB;

/**
 * The default size limit of a rendered result, bytes: 1 MB (decimal). The default of the
 * `mcpDevtools.calls.maxResultBytes` setting.
 */
export const DEFAULT_LIMIT_BYTES = 1 * MB;

/** Options of every renderer. */
export interface RenderOptions {
  durationMs?: number;
  /** Results larger than this (JSON, UTF-8 bytes) are truncated. Default {@link DEFAULT_LIMIT_BYTES}. */
  limitBytes?: number;
}

/** UTF-8 length of a string, in bytes. */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Decoded size of base64 data, in bytes. */
export function base64Bytes(b64: string): number {
  const clean = b64.replace(/\s/g, '');
  const pad = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - pad);
}

/** `truncated: 1.0 KB of 2.0 MB shown`: what a cut part says (the result view, the terminal, resource contents). */
export function truncationNote(t: Truncation): string {
  return `truncated: ${formatBytes(t.shownBytes)} of ${formatBytes(t.totalBytes)} shown`;
}

/** `1234` → `1.2 KB`; `12` → `12 B` (decimal units, as VS Code shows file sizes). */
export function formatBytes(n: number): string {
  if (n < KB) return `${n} B`;
  if (n < MB) return `${(n / KB).toFixed(1)} KB`;
  return `${(n / MB).toFixed(1)} MB`;
}
