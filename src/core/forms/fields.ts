/**
 * The form's model of a schema: one {@link Field} per value the user may be asked for, a tagged
 * union on `kind`. Built by `classify.ts`, walked into steps by `walk.ts`, listed by `describe.ts`.
 *
 * Pure core: no `vscode` import.
 */
import type { JsonSchema } from './schemaIndex';

/** One pickable value: `value` is the JSON value sent (a numeric enum gives a number). */
export interface Choice {
  label: string;
  value: unknown;
  description?: string;
}

export interface FieldBase {
  /** The schema's `title`, else the property name, else a description of the position. */
  title: string;
  description?: string;
  /** The resolved schema (refs followed, `allOf` merged). */
  schema: JsonSchema;
  /** JSON pointers into the root schema that a value here must satisfy (validated with Ajv). */
  sources: string[];
  /** `type: [X, "null"]`, `anyOf [X, {type: "null"}]`, `enum` with `null`, OpenAPI `nullable`. */
  nullable: boolean;
  /** Present when the schema has a `default`. */
  default?: unknown;
  hasDefault: boolean;
  /** `examples` (and OpenAPI `example`), in order. */
  examples: unknown[];
}

export interface StringField extends FieldBase {
  kind: 'string';
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export interface NumberField extends FieldBase {
  kind: 'number' | 'integer';
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

export interface BooleanField extends FieldBase {
  kind: 'boolean';
}

/** `enum`, or `oneOf`/`anyOf` whose members are all `const` (labels from `title`, or `enumNames`). */
export interface EnumField extends FieldBase {
  kind: 'enum';
  choices: Choice[];
}

/** An array whose items are an enum: pick several. */
export interface MultiSelectField extends FieldBase {
  kind: 'multiSelect';
  choices: Choice[];
  minItems: number;
  maxItems?: number;
}

/** `const`: filled without asking. */
export interface ConstField extends FieldBase {
  kind: 'const';
  value: unknown;
}

export interface Property {
  name: string;
  required: boolean;
  field: Field;
}

export interface ObjectField extends FieldBase {
  kind: 'object';
  /** In declaration order. */
  properties: Property[];
}

/** An array built item by item (add item / done). */
export interface ArrayField extends FieldBase {
  kind: 'array';
  items: Field;
  minItems: number;
  maxItems?: number;
}

/** An object of free keys (`additionalProperties` or one `patternProperties` schema): key, then value. */
export interface MapField extends FieldBase {
  kind: 'map';
  /** Constraints on keys, from `propertyNames` or the `patternProperties` pattern. */
  key: { pattern?: string; minLength?: number; maxLength?: number; choices?: string[] };
  value: Field;
  minProperties: number;
  maxProperties?: number;
}

/** `oneOf`/`anyOf` (or `type: [A, B]`): pick the variant, then fill it. */
export interface VariantField extends FieldBase {
  kind: 'variant';
  variants: { label: string; description?: string; field: Field }[];
}

/** What the planner cannot turn into steps: edited as JSON, pre-filled with {@link JsonField.skeleton}. */
export interface JsonField extends FieldBase {
  kind: 'json';
  /** Why this is a JSON step, in words for the user (`describe` prints it; the step's placeholder shows it). */
  reason: string;
  skeleton: unknown;
  /**
   * `true` for the "JSON" choice of a typed value (see {@link TYPED_VALUE_LABELS}): the user picked
   * JSON among string/number/boolean/null, so this is no fallback of the planner.
   */
  byChoice?: boolean;
}

/**
 * The variants of a value with no schema at all (`{}`, `true`: the values of a free-form object, a
 * property of any type): the user picks its type, in this order; `JSON` takes an object or array.
 */
export const TYPED_VALUE_LABELS = ['string', 'number', 'boolean', 'null', 'JSON'] as const;

export type Field = StringField | NumberField | BooleanField | EnumField | MultiSelectField | ConstField | ObjectField | ArrayField | MapField | VariantField | JsonField;
export type FieldKind = Field['kind'];

/** The parts of a field (or of a form view's node) {@link kindFits} looks at. */
export interface Fittable {
  kind: FieldKind;
  choices?: readonly Choice[];
  value?: unknown;
  byChoice?: boolean;
  properties?: readonly { name: string; field: Fittable }[];
  variants?: readonly { field: Fittable }[];
}

/**
 * Whether `value` has the JSON type a field of this kind produces (a string for `string`, a whole
 * number for `integer`, a plain object for `object` and `map`, one of the choices for `enum`, …).
 * Cheaper and looser than Ajv: used to tell which variant a given value belongs to.
 */
export function kindFits(field: Fittable, value: unknown): boolean {
  const isRecord = typeof value === 'object' && value !== null && !Array.isArray(value);
  switch (field.kind) {
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number';
    case 'integer': return Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    case 'enum': return field.choices?.some((c) => c.value === value) ?? false;
    case 'const': return JSON.stringify(field.value) === JSON.stringify(value);
    case 'multiSelect': case 'array': return Array.isArray(value);
    case 'object':
      return isRecord && (field.properties ?? []).every((p) => p.field.kind !== 'const' || !(p.name in value) || kindFits(p.field, (value as Record<string, unknown>)[p.name]));
    case 'map': return isRecord;
    case 'variant': return (field.variants ?? []).some((v) => kindFits(v.field, value));
    case 'json': return field.byChoice ? typeof value === 'object' && value !== null : true;
  }
}
