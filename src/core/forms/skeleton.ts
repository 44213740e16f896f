/**
 * A starting value for a JSON step: what the user edits when the planner could not make steps.
 *
 * Pure core: no `vscode` import.
 */
import { isObject, type SchemaIndex } from './schemaIndex';

/**
 * The schema's `default`, `const`, first `examples`/`enum` entry, or an empty value of its type
 * with every required property filled the same way (depth-limited; recursive `$ref`s give `{}`).
 * Never throws; `null` when nothing is known.
 */
export function skeleton(index: SchemaIndex, schema: unknown, chain: readonly string[] = [], depth = 0): unknown {
  const r = index.resolve(schema, chain);
  const s = r.schema;
  if ('default' in s) return s.default;
  if ('const' in s) return s.const;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  // A recursive $ref: one more level from the top, so the JSON step starts from a valid shape.
  if (r.problem && typeof s.$ref === 'string' && chain.length && depth < 4) return skeleton(index, s, [], depth + 1);
  if (r.problem || depth > 8) return typeof s.type === 'string' ? empty(s.type) : null;
  const alternatives = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  if (alternatives?.length) {
    const rest = { ...s };
    delete rest.oneOf;
    delete rest.anyOf;
    return skeleton(index, index.merge(rest, index.toSchema(alternatives[0])), r.chain, depth + 1);
  }
  const types = Array.isArray(s.type) ? s.type.filter((t) => t !== 'null') : [s.type];
  const type = typeof types[0] === 'string' ? types[0] : isObject(s.properties) ? 'object' : s.items !== undefined ? 'array' : undefined;
  if (type === 'object') {
    const out: Record<string, unknown> = {};
    const props = isObject(s.properties) ? s.properties : {};
    for (const name of Array.isArray(s.required) ? s.required : []) {
      if (typeof name === 'string') out[name] = name in props ? skeleton(index, props[name], r.chain, depth + 1) : null;
    }
    return out;
  }
  if (type === 'array') {
    const min = typeof s.minItems === 'number' ? Math.min(s.minItems, 3) : 0;
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
    const rest = Array.isArray(s.items) ? s.additionalItems : s.items;
    return Array.from({ length: Math.max(min, prefix.length) }, (_, i) => skeleton(index, i < prefix.length ? prefix[i] : rest, r.chain, depth + 1));
  }
  return type === undefined ? null : empty(type);
}

function empty(type: unknown): unknown {
  switch (type) {
    case 'string': return '';
    case 'number': case 'integer': return 0;
    case 'boolean': return false;
    case 'object': return {};
    case 'array': return [];
    default: return null;
  }
}
