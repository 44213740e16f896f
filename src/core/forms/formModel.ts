/**
 * The form view's model: a {@link FormPlan}'s field tree as plain, serialisable data (no schema,
 * no validator; see `formNode.ts`) that a webview renders as one whole form, and the rule for when
 * a call opens that view rather than the step-by-step input boxes. It is derived from the same plan
 * the input boxes walk: the schema is read once, by the planner.
 *
 * Pure core: no `vscode` import.
 */
import type { Field } from './fields';
import type { FormNode } from './formNode';
import { validateArguments, type FormPlan } from './plan';
import type { SchemaValidator, ValidationIssue } from './validator';
import { valueStep } from './valueSteps';

export type { FormNode } from './formNode';

/** The whole form view of a plan. */
export interface FormModel {
  root: FormNode;
  /** Inputs the form shows with every optional part filled once (see {@link formSize}). */
  size: number;
  /** Whether some array holds objects, arrays or maps (a list built item by item, each a form of its own). */
  repeats: boolean;
}

/**
 * Beyond this many inputs a call opens the form view when `mcpDevtools.forms.view` is `"auto"`
 * (README, Settings). server-everything's `echo` has 1, filesystem's `edit_file` 5 (with an array of
 * objects), memory's `create_entities` 3 (an array of objects).
 */
export const FORM_VIEW_THRESHOLD = 6;

/** Plan → the form view's model. Never throws. */
export function formModel(plan: FormPlan): FormModel {
  return { root: toNode(plan.root, plan.validator), size: formSize(plan.root), repeats: repeats(plan.root) };
}

/**
 * Which front end a call uses: `formView` when the setting says so, or when it is `auto` and the
 * plan has more than {@link FORM_VIEW_THRESHOLD} inputs or an array of objects (arrays or maps);
 * `inputBoxes` otherwise.
 */
export function chooseFormFrontEnd(plan: FormPlan, setting: 'auto' | 'inputBoxes' | 'formView'): 'inputBoxes' | 'formView' {
  if (setting !== 'auto') return setting;
  return formSize(plan.root) > FORM_VIEW_THRESHOLD || repeats(plan.root) ? 'formView' : 'inputBoxes';
}

/**
 * Inputs a form of this field shows with every optional part filled once: one per value field
 * (`const` none), an object the sum of its properties, an array or map one item (a map also its
 * key), a variant its picker plus its largest variant.
 */
export function formSize(f: Field): number {
  switch (f.kind) {
    case 'const': return 0;
    case 'object': return f.properties.reduce((n, p) => n + formSize(p.field), 0);
    case 'array': return formSize(f.items);
    case 'map': return 1 + formSize(f.value);
    case 'variant': return 1 + Math.max(0, ...f.variants.map((v) => formSize(v.field)));
    default: return 1;
  }
}

function repeats(f: Field): boolean {
  switch (f.kind) {
    case 'object': return f.properties.some((p) => repeats(p.field));
    case 'array': return ['object', 'array', 'map'].includes(f.items.kind) || (f.items.kind === 'variant' && f.items.variants.some((v) => v.field.kind === 'object')) || repeats(f.items);
    case 'map': return repeats(f.value);
    case 'variant': return f.variants.some((v) => repeats(v.field));
    default: return false;
  }
}

function toNode(f: Field, validator: SchemaValidator): FormNode {
  const base: FormNode = { kind: f.kind, title: f.title, description: f.description, nullable: f.nullable, hasDefault: f.hasDefault, default: f.default, examples: f.examples };
  switch (f.kind) {
    case 'object':
      return { ...base, properties: f.properties.map((p) => ({ name: p.name, required: p.required, field: toNode(p.field, validator) })) };
    case 'array':
      return { ...base, items: toNode(f.items, validator), minItems: f.minItems, maxItems: f.maxItems };
    case 'map':
      return { ...base, values: toNode(f.value, validator), key: f.key, minProperties: f.minProperties, maxProperties: f.maxProperties };
    case 'variant':
      return { ...base, variants: f.variants.map((v) => ({ label: v.label, description: v.description, field: toNode(v.field, validator) })) };
    case 'const':
      return { ...base, value: f.value };
    default: {
      // the input box's placeholder and choices, from the same step code
      const step = valueStep(f, '', true, validator);
      // `text` (a string with no constraint) says nothing a text field does not
      const node: FormNode = { ...base, hint: step.placeholder === 'text' ? undefined : step.placeholder, choices: f.kind === 'enum' || f.kind === 'multiSelect' ? f.choices : undefined };
      if (f.kind === 'multiSelect') Object.assign(node, { minItems: f.minItems, maxItems: f.maxItems });
      if (f.kind === 'string') node.format = f.format;
      if (f.kind === 'json') Object.assign(node, { reason: f.reason, skeleton: f.skeleton, byChoice: f.byChoice });
      return node;
    }
  }
}

/**
 * The issues of the arguments against the whole schema (Ajv), by field pointer: what the form view
 * shows beside each field as the user types, and the final check before sending. Never throws.
 */
export function checkFormValue(plan: FormPlan, args: unknown): { valid: boolean; issues: ValidationIssue[] } {
  const r = validateArguments(plan, args);
  return { valid: r.valid, issues: r.issues };
}
