/**
 * `structuredContent` against the tool's `outputSchema` (spec 2025-06-18), with a validator of
 * the schema's own dialect: 2020-12 when `$schema` is absent (spec 2025-11-25). The SDK's
 * built-in check is draft-07 only; this one is reported next to the result and never throws.
 *
 * Pure core: no `vscode` import.
 */
import { SchemaValidator } from '../forms';
import type { OutputValidation } from './parts';

const cache = new WeakMap<object, SchemaValidator>();

/** The verdict on `structuredContent` (`undefined` when the result has none). Never throws. */
export function validateStructuredContent(outputSchema: unknown, structuredContent: unknown): OutputValidation {
  if (outputSchema === undefined || outputSchema === null) return { status: 'no-schema' };
  if (structuredContent === undefined) return { status: 'missing' };
  let v = typeof outputSchema === 'object' ? cache.get(outputSchema) : undefined;
  if (!v) {
    v = new SchemaValidator(outputSchema);
    if (typeof outputSchema === 'object') cache.set(outputSchema, v);
  }
  const r = v.validate(structuredContent);
  if (r.schemaError) return { status: 'unchecked', reason: r.schemaError };
  return r.valid ? { status: 'valid' } : { status: 'invalid', issues: r.issues };
}
