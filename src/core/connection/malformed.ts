/**
 * A result that breaks the MCP schema, in words. The SDK validates every result against the
 * spec's schema (zod) and throws a `ZodError` whose message is the JSON of its issues: dozens of
 * lines that never say which request it was. These helpers turn it into one line naming the
 * method and the first offending fields.
 *
 * Pure core: no `vscode` import.
 */

/** One field of a result that failed validation: its dotted path (`tools.0.name`) and what was wrong. */
export interface SchemaIssue {
  path: string;
  message: string;
}

/**
 * The issues of a schema validation error (a `ZodError`'s `issues`, or a message that is their
 * JSON array, as older SDKs threw), or `undefined` for any other error.
 */
export function schemaIssues(e: unknown): SchemaIssue[] | undefined {
  let raw = (e as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(raw)) {
    try {
      raw = JSON.parse((e as Error)?.message ?? '') as unknown;
    } catch {
      return undefined; // not a schema error
    }
  }
  if (!Array.isArray(raw) || !raw.length || !raw.every((i) => typeof i === 'object' && i !== null && 'message' in i)) return undefined;
  return (raw as { path?: unknown; message?: unknown }[]).map((i) => ({
    path: Array.isArray(i.path) && i.path.length ? i.path.join('.') : '(the result itself)',
    message: typeof i.message === 'string' ? i.message : 'invalid',
  }));
}

/**
 * `<method> returned a malformed result: <path>: <message>` for the first `shown` issues, then
 * `(and N more: <paths>)`. One line.
 */
export function malformedResultMessage(method: string, issues: readonly SchemaIssue[], shown = 1): string {
  const first = issues.slice(0, shown).map((i) => `${i.path}: ${i.message}`).join('; ');
  const rest = issues.slice(shown);
  const paths = rest.slice(0, 5).map((i) => i.path).join(', ') + (rest.length > 5 ? ', …' : '');
  return `${method} returned a malformed result: ${first}${rest.length ? ` (and ${rest.length} more: ${paths})` : ''}`;
}
