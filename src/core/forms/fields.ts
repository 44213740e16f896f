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
}

export type Field = StringField | NumberField | BooleanField | EnumField | MultiSelectField | ConstField | ObjectField | ArrayField | MapField | VariantField | JsonField;
export type FieldKind = Field['kind'];
