/**
 * A JSON Schema checked in its own dialect: against the dialect's meta-schema, then compiled by
 * Ajv (createAjv/dialectOf of `core/forms`: 2020-12 unless `$schema` says otherwise, spec 2025-11-25).
 *
 * Pure core: no `vscode` import.
 */
import { createAjv, dialectOf } from '../../forms/dialect';
import { isRecord } from '../finding';

/** Why `schema` is not a valid JSON Schema of its dialect, or `undefined` when it is. Never throws. */
export function schemaProblem(schema: unknown): string | undefined {
  if (typeof schema === 'boolean') return undefined;
  if (!isRecord(schema)) return `it is ${schema === null ? 'null' : Array.isArray(schema) ? 'an array' : `a ${typeof schema}`}, not a schema object`;
  const dialect = dialectOf(schema);
  const ajv = createAjv(dialect);
  const copy: Record<string, unknown> = { ...schema };
  delete copy.$schema;
  try {
    if (!ajv.validateSchema(copy)) {
      const e = ajv.errors?.[0];
      return `it breaks the JSON Schema ${dialect} meta-schema: ${e ? `${e.instancePath || '(root)'} ${e.message ?? ''}`.trim() : 'invalid'}`;
    }
    ajv.compile(copy);
    return undefined;
  } catch (e) {
    return `Ajv cannot compile it (JSON Schema ${dialect}): ${(e as Error).message}`;
  }
}

/**
 * Why `schema` is not an object schema (`type: "object"` at the root, as the spec's `Tool` schema
 * requires of `inputSchema` and `outputSchema`, 2025-06-18 onwards), or `undefined`.
 */
export function notObjectSchema(schema: unknown): string | undefined {
  if (!isRecord(schema)) return `it is ${JSON.stringify(schema) ?? 'absent'}, not an object schema`;
  const t = schema.type;
  if (t === 'object') return undefined;
  return t === undefined ? 'its root has no "type": "object"' : `its root "type" is ${JSON.stringify(t)}, not "object"`;
}
