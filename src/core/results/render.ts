/**
 * Tool, prompt and resource results → a {@link RenderedResult}: parts, error flag, size,
 * duration, and truncation over the size limit with the full parts kept.
 *
 * Pure core: no `vscode` import.
 */
import { contentPart, resourcePart } from './content';
import { validateStructuredContent } from './outputSchema';
import { DEFAULT_LIMIT_BYTES, utf8Bytes, type RenderedResult, type RenderOptions, type ResultPart } from './parts';
import { resourceContentsView } from './resourceContents';
import { truncateParts } from './truncate';

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

function finish(kind: RenderedResult['kind'], raw: unknown, parts: ResultPart[], options: RenderOptions, extra: Partial<RenderedResult> = {}): RenderedResult {
  const sizeBytes = utf8Bytes(JSON.stringify(raw) ?? '');
  const limit = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  const t = sizeBytes > limit ? truncateParts(parts, limit) : { parts, truncated: false };
  return {
    kind, isError: false, ...extra, parts: t.parts, ...(t.truncated ? { full: parts } : {}), truncated: t.truncated,
    sizeBytes, durationMs: options.durationMs, raw,
  };
}

/**
 * A `tools/call` result (spec 2025-11-25: `content`, `structuredContent`, `isError`; any JSON,
 * never throws). `structuredContent` is a part of its own, validated against `outputSchema` when
 * given; a mismatch is in that part's `validation`, not thrown. For `isError` results,
 * `errorMessage` is the server's text content.
 */
export function renderToolResult(result: unknown, options: RenderOptions & { outputSchema?: unknown } = {}): RenderedResult {
  const r = obj(result);
  const content = Array.isArray(r.content) ? r.content : [];
  const parts = content.map(contentPart);
  // Old servers (spec 2024-10-07 and before) answered `{ toolResult }`.
  if (!Array.isArray(r.content) && 'toolResult' in r) parts.push({ kind: 'json', value: r.toolResult, text: JSON.stringify(r.toolResult, null, 2) ?? 'null' });
  if (r.structuredContent !== undefined || options.outputSchema !== undefined) {
    const validation = validateStructuredContent(options.outputSchema, r.structuredContent);
    if (r.structuredContent !== undefined) parts.push({ kind: 'structured', value: r.structuredContent, text: JSON.stringify(r.structuredContent, null, 2), validation });
    else if (!r.isError) parts.push({ kind: 'structured', value: undefined, text: '', validation });
  }
  const isError = r.isError === true;
  const errorMessage = isError ? content.map((c) => obj(c)).filter((c) => c.type === 'text').map((c) => String(c.text)).join('\n') || 'the tool reported an error without a message' : undefined;
  return finish('tool', result, parts, options, { isError, errorMessage });
}

/**
 * A `prompts/get` result (spec 2024-11-05): one `message` part per message, with its role and
 * its content as parts and as Markdown.
 */
export function renderPromptResult(result: unknown, options: RenderOptions = {}): RenderedResult {
  const r = obj(result);
  const messages = Array.isArray(r.messages) ? r.messages.map(obj) : [];
  const parts = messages.map((m): ResultPart => {
    const content = Array.isArray(m.content) ? m.content : [m.content];
    const inner = content.map(contentPart);
    const role = typeof m.role === 'string' ? m.role : 'unknown';
    return { kind: 'message', role, parts: inner, markdown: messageMarkdown(role, inner) };
  });
  return finish('prompt', result, parts, options, { description: typeof r.description === 'string' ? r.description : undefined });
}

/** A `resources/read` result (spec 2024-11-05): one `resource` part per entry of `contents`. */
export function renderResourceResult(result: unknown, options: RenderOptions = {}): RenderedResult {
  const r = obj(result);
  const parts = (Array.isArray(r.contents) ? r.contents : []).map(resourcePart);
  return finish('resource', result, parts, options);
}

/** A prompt message as Markdown: a `**User**` / `**Assistant**` heading, then its content. */
export function messageMarkdown(role: string, parts: readonly ResultPart[]): string {
  const head = `**${role.charAt(0).toUpperCase()}${role.slice(1)}**`;
  return [head, ...parts.map(partMarkdown)].join('\n\n');
}

function partMarkdown(p: ResultPart): string {
  switch (p.kind) {
    case 'text': return p.text;
    case 'json': case 'structured': case 'unknown': return '```json\n' + p.text + '\n```';
    case 'image': return p.data ? `![image](data:${p.mimeType};base64,${p.data})` : `*(image, ${p.mimeType})*`;
    case 'audio': return `*(audio, ${p.mimeType}, ${p.bytes} bytes)*`;
    case 'resourceLink': return `[${p.title ?? p.name}](${p.uri})${p.description ? ` — ${p.description}` : ''}`;
    case 'resource': {
      const v = resourceContentsView(p);
      if (v.text === undefined) return `*${p.uri}* (${v.summary})`;
      return `*${p.uri}*\n\n` + (p.json !== undefined ? '```json\n' + v.text + '\n```' : v.text);
    }
    case 'message': return p.markdown;
  }
}
