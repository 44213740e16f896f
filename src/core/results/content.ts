/**
 * One MCP content block → a {@link ResultPart}. Content types: `text`, `image` (spec
 * 2024-11-05), `audio` (2025-03-26), `resource` (embedded), `resource_link` (2025-06-18).
 *
 * Pure core: no `vscode` import.
 */
import { base64Bytes, utf8Bytes, type ResultPart } from './parts';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Text that is a JSON object or array → its value; anything else → `undefined`. */
export function parseJsonText(text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') && t.endsWith('}')) && !(t.startsWith('[') && t.endsWith(']'))) return undefined;
  try {
    return { value: JSON.parse(t) as unknown };
  } catch {
    return undefined;
  }
}

/** A content block (any JSON; never throws) → a part. Text that is JSON becomes a pretty-printed `json` part. */
export function contentPart(block: unknown): ResultPart {
  const b = (typeof block === 'object' && block !== null ? block : {}) as Record<string, unknown>;
  switch (b.type) {
    case 'text': {
      const text = str(b.text) ?? '';
      const j = parseJsonText(text);
      return j ? { kind: 'json', value: j.value, text: JSON.stringify(j.value, null, 2) } : { kind: 'text', text };
    }
    case 'image':
    case 'audio': {
      const data = str(b.data) ?? '';
      return { kind: b.type, data, mimeType: str(b.mimeType) ?? 'application/octet-stream', bytes: base64Bytes(data) };
    }
    case 'resource_link':
      return {
        kind: 'resourceLink', uri: str(b.uri) ?? '', name: str(b.name) ?? str(b.uri) ?? '', title: str(b.title),
        description: str(b.description), mimeType: str(b.mimeType), size: typeof b.size === 'number' ? b.size : undefined,
      };
    case 'resource':
      return resourcePart(b.resource);
    default:
      return { kind: 'unknown', type: String(b.type ?? typeof block), text: JSON.stringify(block, null, 2) ?? 'undefined' };
  }
}

/** Resource contents (`{ uri, mimeType, text | blob }`, spec 2024-11-05) → a `resource` part. */
export function resourcePart(contents: unknown): ResultPart {
  const r = (typeof contents === 'object' && contents !== null ? contents : {}) as Record<string, unknown>;
  const uri = str(r.uri) ?? '';
  const mimeType = str(r.mimeType);
  const text = str(r.text);
  if (text !== undefined) {
    const j = parseJsonText(text);
    return { kind: 'resource', uri, mimeType, text, ...(j ? { json: j.value } : {}), bytes: utf8Bytes(text) };
  }
  const blob = str(r.blob) ?? '';
  return { kind: 'resource', uri, mimeType, blob, bytes: base64Bytes(blob) };
}
