/**
 * Planning a form: a schema → a {@link FormPlan} (its field tree and validator). Tools' input
 * schemas, prompts' arguments and URI templates' variables all become plans.
 *
 * Pure core: no `vscode` import.
 */
import { classify } from './classify';
import type { Dialect } from './dialect';
import type { Field } from './fields';
import { SchemaIndex } from './schemaIndex';
import { SchemaValidator, type ValidationResult } from './validator';

export interface FormPlan {
  /** The schema as given (a tool's `inputSchema`). */
  schema: unknown;
  dialect: Dialect;
  /** The field tree; for a tool, an `object` field with one property per argument. */
  root: Field;
  validator: SchemaValidator;
}

/**
 * Plans a form for a schema (JSON Schema 2020-12 unless `$schema` names another draft; MCP spec
 * 2025-11-25). Never throws: what cannot be planned becomes a `json` field with a reason.
 * @param title the root field's title when the schema has none (e.g. the tool's name)
 */
export function planForm(schema: unknown, title = 'arguments'): FormPlan {
  const index = new SchemaIndex(schema);
  const validator = new SchemaValidator(schema);
  let root: Field;
  try {
    root = classify(index, schema, title, [], true);
  } catch (e) {
    // Defensive: a schema shape nobody foresaw must not break the call; it is edited as JSON.
    root = { kind: 'json', title, schema: index.root, sources: [''], nullable: false, hasDefault: false, examples: [], reason: `the planner failed: ${(e as Error).message}`, skeleton: {} };
  }
  return { schema, dialect: validator.dialect, root, validator };
}

/**
 * Why no form can be planned for the arguments as a whole — the schema is recursive at its root
 * (`{"$ref": "#"}`), not an object, or beyond the planner's limits — or `undefined` when a form
 * can ask for them. When set, the form would be a single JSON text box: a UI should open its JSON
 * editor for the arguments instead (with this reason), and the CLI take them as `--args`.
 */
export function wholeFormAsJson(plan: FormPlan): string | undefined {
  return plan.root.kind === 'json' ? plan.root.reason : undefined;
}

/** The final check before sending: the arguments against the whole schema, with Ajv. Never throws. */
export function validateArguments(plan: FormPlan, args: unknown): ValidationResult {
  return plan.validator.validate(args);
}
