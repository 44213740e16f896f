/**
 * The form view's node: what the webview receives for each field (see `formModel.ts`, which builds
 * it from a plan), and what the webview itself computes from it. This module is bundled into the
 * webview's script, so it imports nothing heavy (no Ajv, no schema index).
 *
 * Pure core: no `vscode` import.
 */
import { kindFits, type Choice, type FieldKind } from './fields';

/**
 * One field of the form view: a {@link Field} without its schema and schema locations, plus the
 * one-line `hint` the input box shows as its placeholder (`integer, 1 ≤ n ≤ 10`). Kind-specific
 * parts are present for their kind only (`properties` for `object`, `items` for `array`, …).
 */
export interface FormNode {
  kind: FieldKind;
  title: string;
  description?: string;
  nullable: boolean;
  hasDefault: boolean;
  default?: unknown;
  examples: unknown[];
  hint?: string;
  /** `enum`, `multiSelect`, `boolean`. */
  choices?: Choice[];
  /** `string`. */
  format?: string;
  /** `const`: the value filled in without asking. */
  value?: unknown;
  /** `object`, in declaration order. */
  properties?: { name: string; required: boolean; field: FormNode }[];
  /** `array`: one node for every item. */
  items?: FormNode;
  /** `array`, `multiSelect`. */
  minItems?: number;
  maxItems?: number;
  /** `map`: the node of every value, constraints on keys. */
  values?: FormNode;
  key?: { pattern?: string; minLength?: number; maxLength?: number; choices?: string[] };
  minProperties?: number;
  maxProperties?: number;
  /** `variant`: pick one, then fill it. */
  variants?: { label: string; description?: string; field: FormNode }[];
  /** `json`: why it is JSON text, the text to start from, and whether the user picked JSON (typed values). */
  reason?: string;
  skeleton?: unknown;
  byChoice?: boolean;
}

/**
 * The variant a given value belongs to (the first whose kind fits it), or 0. For initial values:
 * the last call's arguments, or what was entered in the input boxes before switching.
 */
export function variantIndexFor(node: FormNode, value: unknown): number {
  const i = (node.variants ?? []).findIndex((v) => kindFits(v.field, value));
  return i < 0 ? 0 : i;
}

