/**
 * A schema → a tree of {@link Field}s: what kind of input each value needs.
 *
 * Covers the JSON Schema an MCP tool may use (2020-12 by default, as the MCP specification
 * 2025-11-25 says): strings with
 * formats, numbers and integers with bounds, booleans, enums (`enumNames`, `oneOf` of
 * `const` + `title`), multi-select, nullable, `oneOf`/`anyOf` variants, nested objects, arrays,
 * maps, local `$ref` (cycles stop), `allOf`, `const`. Everything else is a JSON field with a reason.
 *
 * Pure core: no `vscode` import.
 */
import { TYPED_VALUE_LABELS, type Choice, type Field, type FieldBase, type Property } from './fields';
import { isObject, type JsonSchema, type SchemaIndex } from './schemaIndex';
import { skeleton } from './skeleton';

const PRIMITIVE = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isNullOnly = (s: JsonSchema) => s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null') || s.const === null || (Array.isArray(s.enum) && s.enum.length === 1 && s.enum[0] === null);
const constOf = (s: JsonSchema): { value: unknown } | undefined => ('const' in s ? { value: s.const } : Array.isArray(s.enum) && s.enum.length === 1 ? { value: s.enum[0] } : undefined);
/** Beyond this many fields a form is no help: the rest is edited as JSON. */
export const MAX_FIELDS = 2000;
/**
 * Beyond this many levels of nesting a form is no help either (and `describe` would stop there):
 * the deeper value is one JSON step that says so.
 */
export const MAX_DEPTH = 32;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Classifies one schema.
 * @param title used when the schema has no `title` (the property name, `items of x`, …)
 * @param chain `$ref` targets already followed above (cycle protection)
 * @param isRoot the tool's `inputSchema` itself: a property-less object there means "no arguments"
 */
export function classify(index: SchemaIndex, input: unknown, title: string, chain: readonly string[] = [], isRoot = false): Field {
  const r = index.resolve(input, chain);
  const s = r.schema;
  const base: FieldBase = {
    title: typeof s.title === 'string' ? s.title : title,
    description: typeof s.description === 'string' ? s.description : undefined,
    schema: s,
    sources: index.sources(s),
    nullable: s.nullable === true,
    hasDefault: 'default' in s,
    default: s.default,
    examples: Array.isArray(s.examples) ? s.examples : 'example' in s ? [s.example] : [],
  };
  const json = (reason: string): Field => ({ ...base, kind: 'json', reason, skeleton: skeleton(index, s, chain) });
  if (r.problem) return json(r.problem);
  if (++index.classified > MAX_FIELDS) return json(`the schema has more than ${MAX_FIELDS} fields: too many to ask one by one`);
  if (index.depth >= MAX_DEPTH) return json(`the schema nests more than ${MAX_DEPTH} levels deep: too deep for a form`);
  index.depth++;
  try {
    return classifyResolved(index, s, r, base, isRoot, json);
  } finally {
    index.depth--;
  }
}

/** {@link classify} once the schema is resolved and within the budgets: the field for its keywords. */
function classifyResolved(index: SchemaIndex, s: JsonSchema, r: { chain: readonly string[] }, base: FieldBase, isRoot: boolean, json: (reason: string) => Field): Field {
  if ('const' in s) return { ...base, kind: 'const', value: s.const };

  let types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? s.type.filter((t): t is string => typeof t === 'string') : undefined;
  if (types?.includes('null')) {
    base.nullable = true;
    types = types.filter((t) => t !== 'null');
    if (!types.length) return { ...base, kind: 'const', value: null };
  }

  if (Array.isArray(s.enum)) {
    const values = s.enum.filter((v) => v !== null);
    if (values.length < s.enum.length) base.nullable = true;
    if (!values.length) return { ...base, kind: 'const', value: null };
    if (!values.every(PRIMITIVE)) return json('an enum of objects or arrays');
    const names = Array.isArray(s.enumNames) ? s.enumNames : Array.isArray(s['x-enumNames']) ? s['x-enumNames'] : [];
    const choices = values.map((value): Choice => {
      const i = s.enum === undefined ? -1 : (s.enum as unknown[]).indexOf(value);
      return { label: typeof names[i] === 'string' ? names[i] : String(value), value };
    });
    return { ...base, kind: 'enum', choices };
  }

  const alternatives = s.oneOf ?? s.anyOf;
  if (alternatives !== undefined) {
    if (s.oneOf !== undefined && s.anyOf !== undefined) return json('has both oneOf and anyOf');
    if (!Array.isArray(alternatives)) return json('oneOf/anyOf is not an array');
    const rest = { ...s };
    delete rest.oneOf;
    delete rest.anyOf;
    index.derive(rest, s);
    const members: { schema: JsonSchema; chain: readonly string[] }[] = [];
    for (const m of alternatives) {
      const mr = index.resolve(m, r.chain);
      if (mr.problem) return json(mr.problem);
      if (isNullOnly(mr.schema)) base.nullable = true;
      else members.push(mr);
    }
    if (!members.length) return { ...base, kind: 'const', value: null };
    if (members.every((m) => constOf(m.schema) && PRIMITIVE(constOf(m.schema)?.value))) {
      const choices = members.map((m): Choice => {
        const value = constOf(m.schema)?.value;
        return { label: typeof m.schema.title === 'string' ? m.schema.title : String(value), value, description: typeof m.schema.description === 'string' ? m.schema.description : undefined };
      });
      return { ...base, kind: 'enum', choices };
    }
    if (members.length === 1) {
      const f = classify(index, index.merge(rest, members[0].schema), base.title, members[0].chain, isRoot);
      return { ...f, nullable: f.nullable || base.nullable, description: f.description ?? base.description };
    }
    const variants = members.map((m, i) => {
      const field = classify(index, index.merge(rest, m.schema), base.title, m.chain, isRoot);
      return { label: variantLabel(m.schema, i), description: typeof m.schema.description === 'string' ? m.schema.description : undefined, field };
    });
    return { ...base, kind: 'variant', variants };
  }

  if (types && types.length > 1) {
    const variants = types.map((t) => {
      const one = index.derive({ ...s, type: t }, s);
      return { label: t, field: classify(index, one, base.title, r.chain, isRoot) };
    });
    return { ...base, kind: 'variant', variants };
  }

  const type = types?.[0] ?? inferType(s);
  switch (type) {
    case 'string':
      return { ...base, kind: 'string', format: typeof s.format === 'string' ? s.format : undefined, minLength: num(s.minLength), maxLength: num(s.maxLength), pattern: typeof s.pattern === 'string' ? s.pattern : undefined };
    case 'number':
    case 'integer': {
      // Draft-04 wrote exclusive bounds as booleans beside minimum/maximum.
      const exMin = s.exclusiveMinimum === true ? num(s.minimum) : num(s.exclusiveMinimum);
      const exMax = s.exclusiveMaximum === true ? num(s.maximum) : num(s.exclusiveMaximum);
      return {
        ...base, kind: type, minimum: s.exclusiveMinimum === true ? undefined : num(s.minimum), maximum: s.exclusiveMaximum === true ? undefined : num(s.maximum),
        exclusiveMinimum: exMin, exclusiveMaximum: exMax, multipleOf: num(s.multipleOf),
      };
    }
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'object':
      return classifyObject(index, s, base, r.chain, isRoot, json);
    case 'array': {
      if (Array.isArray(s.items) || s.prefixItems !== undefined) return json('a tuple (prefixItems, or items as an array)');
      const items = classify(index, s.items ?? {}, `item of ${base.title}`, r.chain);
      const minItems = num(s.minItems) ?? 0;
      const maxItems = num(s.maxItems);
      if (items.kind === 'enum' && !items.nullable) return { ...base, kind: 'multiSelect', choices: items.choices, minItems, maxItems };
      return { ...base, kind: 'array', items, minItems, maxItems };
    }
    case 'null':
      return { ...base, nullable: true, kind: 'const', value: null };
    default:
      if (s.not !== undefined) return json('only a `not` constraint');
      return typedValue(index, s, base);
  }
}

function classifyObject(index: SchemaIndex, s: JsonSchema, base: FieldBase, chain: readonly string[], isRoot: boolean, json: (reason: string) => Field): Field {
  for (const k of ['if', 'dependentSchemas', 'unevaluatedProperties']) {
    if (s[k] !== undefined && s[k] !== true) return json(`uses ${k}: which properties apply depends on the values`);
  }
  if (isObject(s.dependencies) && Object.values(s.dependencies).some(isObject)) return json('uses schema dependencies: which properties apply depends on the values');
  const props = isObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
  const names = [...Object.keys(props), ...[...required].filter((n) => !(n in props))];
  if (names.length || isRoot) {
    const properties = names.map((name): Property => ({ name, required: required.has(name), field: classify(index, props[name] ?? {}, name, chain) }));
    return { ...base, kind: 'object', properties };
  }
  const pattern = isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
  if (pattern.length > 1) return json('several patternProperties');
  const valueSchema = pattern.length ? pattern[0][1] : s.additionalProperties ?? {};
  if (valueSchema === false) return { ...base, kind: 'object', properties: [] };
  const pn = index.resolve(s.propertyNames ?? {}, chain).schema;
  const key = {
    pattern: pattern.length ? pattern[0][0] : typeof pn.pattern === 'string' ? pn.pattern : undefined,
    minLength: num(pn.minLength), maxLength: num(pn.maxLength),
    choices: Array.isArray(pn.enum) ? pn.enum.filter((x): x is string => typeof x === 'string') : undefined,
  };
  const value = classify(index, valueSchema, `value of ${base.title}`, chain);
  return { ...base, kind: 'map', key, value, minProperties: num(s.minProperties) ?? 0, maxProperties: num(s.maxProperties) };
}

/**
 * A value of any type (`{}`: a free-form object's values, an untyped property) → a variant per
 * JSON type, so a form asks "which type?" then the value, and JSON text only for an object or
 * array the user chooses. Every variant validates against the schema's own locations.
 */
function typedValue(index: SchemaIndex, s: JsonSchema, base: FieldBase): Field {
  const at = (type: string) => ({ ...base, schema: index.derive({ ...s, type }, s) });
  const variants: { label: string; field: Field }[] = [
    { label: TYPED_VALUE_LABELS[0], field: { ...at('string'), kind: 'string' } },
    { label: TYPED_VALUE_LABELS[1], field: { ...at('number'), kind: 'number' } },
    { label: TYPED_VALUE_LABELS[2], field: { ...at('boolean'), kind: 'boolean' } },
    { label: TYPED_VALUE_LABELS[3], field: { ...at('null'), kind: 'const', value: null } },
    { label: TYPED_VALUE_LABELS[4], field: { ...base, kind: 'json', reason: 'an object or array, as JSON', skeleton: {}, byChoice: true } },
  ];
  return { ...base, kind: 'variant', variants };
}

function inferType(s: JsonSchema): string | undefined {
  if (isObject(s.properties) || s.additionalProperties !== undefined || s.patternProperties !== undefined || Array.isArray(s.required)) return 'object';
  if (s.items !== undefined || s.prefixItems !== undefined || s.minItems !== undefined) return 'array';
  if (s.minLength !== undefined || s.maxLength !== undefined || s.pattern !== undefined || s.format !== undefined) return 'string';
  if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return 'number';
  return undefined;
}

/** A variant's label: its `title`, else its discriminator (`kind: "circle"`), else its type, else "Option n". */
function variantLabel(s: JsonSchema, i: number): string {
  if (typeof s.title === 'string') return s.title;
  if (isObject(s.properties)) {
    for (const [name, p] of Object.entries(s.properties)) {
      if (isObject(p) && 'const' in p && PRIMITIVE(p.const)) return `${name}: ${String(p.const)}`;
      if (isObject(p) && Array.isArray(p.enum) && p.enum.length === 1 && PRIMITIVE(p.enum[0])) return `${name}: ${String(p.enum[0])}`;
    }
    const req = Array.isArray(s.required) ? s.required.join(', ') : '';
    if (req) return `Option ${i + 1} (${req})`;
  }
  if (typeof s.type === 'string') return `Option ${i + 1}: ${s.type}`;
  return `Option ${i + 1}`;
}
