/**
 * A tool's `inputSchema` and `outputSchema`: present (input), object schemas at the root, valid in
 * their JSON Schema dialect, and `required` naming only declared properties.
 *
 * Source: MCP spec 2025-11-25, Server features › Tools › Tool (`inputSchema`: a JSON Schema object
 * with `type: "object"`, required; `outputSchema`: the same shape, optional; JSON Schema 2020-12 by
 * default); JSON Schema 2020-12 Validation §6.5.3 (`required`).
 */
import { isRecord, nameOf, type Check, type Finding } from '../finding';
import { notObjectSchema, schemaProblem } from './schema';

/** Root keywords that can bring properties `properties` does not list: then `required` is not checked. */
const COMPOSITE = ['allOf', 'anyOf', 'oneOf', '$ref', 'patternProperties', 'if', 'dependentSchemas', 'unevaluatedProperties'];

/** Names in `required` that `properties` does not declare (none when the schema composes others). */
export function undeclaredRequired(schema: Record<string, unknown>): string[] {
  const req = schema.required;
  if (!Array.isArray(req) || COMPOSITE.some((k) => k in schema)) return [];
  const props = isRecord(schema.properties) ? schema.properties : {};
  if (isRecord(schema.additionalProperties)) return [];
  return req.filter((r): r is string => typeof r === 'string' && !(r in props));
}

export const toolSchemas: Check = {
  ids: ['input-schema-missing', 'input-schema-not-object', 'input-schema-invalid', 'input-schema-required-undeclared', 'output-schema-not-object', 'output-schema-invalid'],
  run({ tools }) {
    const out: Finding[] = [];
    for (const t of tools) {
      if (!isRecord(t)) continue;
      const item = { kind: 'tool' as const, name: nameOf(t) };
      const input = t.inputSchema;
      if (input === undefined) {
        out.push({ id: 'input-schema-missing', severity: 'error', item, reason: 'the tool has no inputSchema (required; use {"type":"object"} for a tool without arguments)' });
      } else {
        const notObject = notObjectSchema(input);
        if (notObject) out.push({ id: 'input-schema-not-object', severity: 'error', item, reason: `inputSchema: ${notObject}; arguments are always an object (spec 2025-11-25)` });
        const problem = schemaProblem(input);
        if (problem) out.push({ id: 'input-schema-invalid', severity: 'error', item, reason: `inputSchema: ${problem}` });
        else if (isRecord(input)) {
          const missing = undeclaredRequired(input);
          if (missing.length) out.push({ id: 'input-schema-required-undeclared', severity: 'error', item, reason: `inputSchema: "required" names ${missing.map((m) => JSON.stringify(m)).join(', ')}, not in "properties"; a client cannot ask for it (a typo, or a property left out)` });
        }
      }
      const output = t.outputSchema;
      if (output !== undefined) {
        const notObject = notObjectSchema(output);
        if (notObject) out.push({ id: 'output-schema-not-object', severity: 'error', item, reason: `outputSchema: ${notObject}; structuredContent is always an object (spec 2025-11-25)` });
        const problem = schemaProblem(output);
        if (problem) out.push({ id: 'output-schema-invalid', severity: 'error', item, reason: `outputSchema: ${problem}` });
      }
    }
    return out;
  },
};
