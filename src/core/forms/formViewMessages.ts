/**
 * The messages between the form view's webview (`src/webview/formView.ts`) and the extension
 * (`src/calls/formView.ts`). Plain data, as `postMessage` clones it. The `test.*` messages act as
 * the user would (type into a field, click Add, pick a variant, press Ctrl+Enter): integration tests
 * drive the form through them, and the webview answers each with a `state`.
 *
 * Pure core: no `vscode` import.
 */
import type { FormModel } from './formModel';
import type { ValidationIssue } from './validator';

/** Extension → webview. */
export type FormViewToWebview =
  /** The form to show, and the values to start from (the last call's, or what the input boxes had). */
  | { type: 'init'; model: FormModel; initial: unknown }
  /** Ajv's issues for the current values, by field pointer; `focus`: after a refused Send, move to the first. */
  | { type: 'issues'; issues: ValidationIssue[]; focus?: boolean }
  | { type: 'test.input'; pointer: string; text: string }
  | { type: 'test.add'; pointer: string }
  | { type: 'test.pick'; pointer: string; index: number }
  | { type: 'test.submit' }
  /** As clicking "Use Input Boxes". */
  | { type: 'test.inputBoxes' };

/** Webview → extension. */
export type FormViewToHost =
  | { type: 'ready' }
  /** The values changed (the user typed): `localErrors` fields hold text that does not parse. */
  | { type: 'change'; value: unknown; localErrors: number }
  /** Send (Enter, Ctrl/Cmd+Enter, the Send button): the values, every text parsed. */
  | { type: 'submit'; value: unknown }
  /** "Use Input Boxes": continue in the step-by-step inputs with these values. */
  | { type: 'inputBoxes'; value: unknown }
  | { type: 'cancel' }
  /** The answer to a `test.*` message: the values now and the fields whose text does not parse. */
  | { type: 'state'; value: unknown; localErrors: [string, string][] };
