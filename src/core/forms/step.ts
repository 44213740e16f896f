/**
 * The step: one question of a form, the shape both the VS Code adapter (QuickPick/InputBox) and
 * the CLI prompter show. Value steps produce a JSON value at `pointer`; control steps steer the
 * form (which variant, one more item or done, include an optional object or not).
 *
 * Pure core: no `vscode` import.
 */
import type { Choice, Field } from './fields';

/** Value steps: answered with text (or a choice) that becomes the value at `pointer`. */
export type ValueStepKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'multiSelect' | 'json';
/**
 * Control steps, answered with one of their `choices`:
 * `variant` (the index of the variant), `include` (`'fill'` or `null` for an optional or
 * nullable object), `arrayNext` / `mapNext` (`'add'` or `'done'`), and `mapKey` (the new key, text).
 */
export type ControlStepKind = 'variant' | 'include' | 'arrayNext' | 'mapNext' | 'mapKey';
export type StepKind = ValueStepKind | ControlStepKind;

export interface Step {
  /** Stable within a form: the same question gets the same id after Back (pointer + kind + item count). */
  id: string;
  kind: StepKind;
  /** Where the answer goes in the arguments (RFC 6901); for control steps, the container it steers. */
  pointer: string;
  title: string;
  description?: string;
  /** `false`: the adapter offers Skip (the property is left out). */
  required: boolean;
  /** `true`: `null` is a valid answer (text `null`, or the `null` choice). */
  nullable: boolean;
  /** The schema's `default` (present when `hasDefault`): offered first. */
  default?: unknown;
  hasDefault: boolean;
  examples: unknown[];
  /** For choice steps (`boolean`, `enum`, `multiSelect`, control steps): default first. */
  choices?: Choice[];
  /** `multiSelect`: several choices make one answer (an array of their values). */
  canPickMany?: boolean;
  /** A one-line hint of what is accepted: `integer, 1 ≤ n ≤ 10`, `uri`, `JSON: object`. */
  placeholder?: string;
  /** Text to pre-fill an input box with: the default, the first example, or (JSON steps) a skeleton. */
  initialText?: string;
  /** The earlier answer to this step (after Back, or from the form's initial arguments), if any. */
  previous?: unknown;
  /** The field behind the step: the value's field, or the container a control step steers (the map, for `mapKey`). */
  field?: Field;
  /**
   * Checks typed text. Returns a message for the user, or `undefined` when `parse(text)` will
   * succeed. Pure and fast: suitable for live validation on every keystroke.
   */
  validate(text: string): string | undefined;
  /**
   * Typed text → the JSON value to record: `"3"` on an integer step → `3`; `"null"` on a nullable
   * step → `null`; a choice's label or its value's text on a choice step → the choice's value.
   * @throws Error with the {@link validate} message when the text is not acceptable
   */
  parse(text: string): unknown;
  /** Checks a value given directly (a picked choice, JSON from an editor). A message, or `undefined` when fine. */
  check(value: unknown): string | undefined;
  /** The value as text for an input box (the inverse of `parse`). */
  format(value: unknown): string;
}

/** `true` for steps that write a value; `false` for steps that steer. */
export function isValueStep(step: Step): boolean {
  return !['variant', 'include', 'arrayNext', 'mapNext', 'mapKey'].includes(step.kind);
}
