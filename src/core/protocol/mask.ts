/**
 * Secrets masked in a JSON-RPC message before it is kept for the Protocol view: the values under
 * credential names (`core/secrets/names.ts`: `apiKey`, `password`, `token`, …) become
 * {@link REDACTED}, and every string goes through the server's redactor (its resolved secrets,
 * token shapes, `Bearer …`, URL passwords). Headers never reach this layer: only message bodies do.
 *
 * Pure core: no `vscode` import.
 */
import { isCredentialName, REDACTED } from '../secrets';

/**
 * Names that match a credential pattern but carry protocol data, never a secret: `_meta.progressToken`
 * (spec 2024-11-05, progress), sampling's `maxTokens` and token counts (`inputTokens`, `outputTokens`).
 */
const PROTOCOL_NAMES = /^(progressToken|maxTokens|\w*Tokens)$/;

/**
 * A deep copy of `value` with secrets masked: a string or number under a credential name is
 * replaced by {@link REDACTED} (objects and arrays under such a name are walked instead: a tool's
 * `inputSchema.properties.token` is a schema, not a secret); every other string is `redact(string)`.
 * @param redact replaces secrets inside a text (e.g. `Redactor.redact`); identity by default
 */
export function maskMessage(value: unknown, redact: (text: string) => string = (t) => t): unknown {
  const walk = (x: unknown, key?: string): unknown => {
    if (key !== undefined && (typeof x === 'string' || typeof x === 'number') && isCredentialName(key) && !PROTOCOL_NAMES.test(key)) return REDACTED;
    if (typeof x === 'string') return redact(x);
    if (Array.isArray(x)) return x.map((y) => walk(y));
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y, k)]));
    return x;
  };
  return walk(value);
}

/** `"name": "string"` or `"name": number` in JSON text; group 1 is the name. */
const MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;

/**
 * {@link maskMessage} for JSON text that may be cut short (a huge message kept in part): values
 * under credential names replaced in the text, then `redact` over the whole text.
 */
export function maskJsonText(text: string, redact: (text: string) => string = (t) => t): string {
  const named = text.replace(MEMBER, (m, name: string, colon: string) => (isCredentialName(name) && !PROTOCOL_NAMES.test(name) ? `"${name}"${colon}"${REDACTED}"` : m));
  return redact(named);
}

/** A whole message's JSON text, masked ({@link maskMessage}) and compact; {@link maskJsonText} when it does not parse. */
export function maskJson(text: string, redact: (text: string) => string = (t) => t): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return maskJsonText(text, redact);
  }
  return JSON.stringify(maskMessage(value, redact));
}
