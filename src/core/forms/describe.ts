/**
 * What a form will ask, as plain data: `mcp-devtools describe --json` prints it, and tests check
 * that no tool of the reference servers falls back to JSON.
 *
 * Pure core: no `vscode` import.
 */
import { MAX_DEPTH } from './classify';
import type { Field, FieldKind } from './fields';
import { join } from './pointer';
import { planForm, type FormPlan } from './plan';

/** One field of a form. */
export interface FieldDescription {
  /**
   * Where the value goes (RFC 6901). Array items use the token `-` (`/edits/-/oldText`), map
   * values `*` (`/env/*`); a variant's fields keep the pointer of the variant itself.
   */
  pointer: string;
  kind: FieldKind;
  title: string;
  description?: string;
  required: boolean;
  nullable: boolean;
  default?: unknown;
  /** `const` fields: the value filled in without asking. */
  const?: unknown;
  /** For enums and multi-selects: the values offered. */
  choices?: unknown[];
  /** The variant this field belongs to (`label` of the `oneOf`/`anyOf` member), nested with ` › `. */
  variant?: string;
  /** A JSON step: the planner could not make inputs for this sub-schema. */
  fallsBackToJson: boolean;
  /** Why it falls back to JSON. */
  reason?: string;
}

/** The plan of a schema as a flat list of fields, parents before children. Never throws. */
export function describePlan(schema: unknown): FieldDescription[];
export function describePlan(plan: FormPlan): FieldDescription[];
export function describePlan(input: unknown): FieldDescription[] {
  const plan = isPlan(input) ? input : planForm(input);
  const out: FieldDescription[] = [];
  visit(plan.root, '', true, undefined, out, 0);
  return out;
}

function isPlan(x: unknown): x is FormPlan {
  return typeof x === 'object' && x !== null && 'root' in x && 'validator' in x && 'dialect' in x;
}

function visit(f: Field, pointer: string, required: boolean, variant: string | undefined, out: FieldDescription[], depth: number): void {
  if (depth > MAX_DEPTH) {
    // The planner stops deeper (classify's MAX_DEPTH); should a tree still go on, say so rather than stop silently.
    out.push({ pointer, kind: 'json', title: f.title, required, nullable: f.nullable, ...(variant ? { variant } : {}), fallsBackToJson: true, reason: `the schema nests more than ${MAX_DEPTH} levels deep: too deep for a form` });
    return;
  }
  out.push({
    pointer, kind: f.kind, title: f.title, description: f.description, required, nullable: f.nullable,
    ...(f.hasDefault ? { default: f.default } : {}),
    ...(f.kind === 'const' ? { const: f.value } : {}),
    ...(f.kind === 'enum' || f.kind === 'multiSelect' ? { choices: f.choices.map((c) => c.value) } : {}),
    ...(variant ? { variant } : {}),
    // the JSON choice of a typed value is the user's pick, not a fallback of the planner
    fallsBackToJson: f.kind === 'json' && !f.byChoice,
    ...(f.kind === 'json' ? { reason: f.reason } : {}),
  });
  switch (f.kind) {
    case 'object':
      for (const p of f.properties) visit(p.field, join(pointer, p.name), p.required, variant, out, depth + 1);
      break;
    case 'array':
      visit(f.items, join(pointer, '-'), true, variant, out, depth + 1);
      break;
    case 'map':
      visit(f.value, join(pointer, '*'), true, variant, out, depth + 1);
      break;
    case 'variant':
      for (const v of f.variants) {
        const label = variant ? `${variant} › ${v.label}` : v.label;
        // The variant's own node repeats the pointer; list what is inside it.
        if (v.field.kind === 'object') for (const p of v.field.properties) visit(p.field, join(pointer, p.name), p.required, label, out, depth + 1);
        else visit(v.field, pointer, true, label, out, depth + 1);
      }
      break;
    default:
  }
}
