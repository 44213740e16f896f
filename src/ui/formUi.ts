import type { Step } from '../core/forms';

/** What the user did at a step. */
export type UiAnswer =
  | { kind: 'text'; text: string }
  | { kind: 'value'; value: unknown }
  | { kind: 'skip' }
  | { kind: 'back' }
  /** "Edit as JSON…": the user wants the whole arguments in a JSON editor. */
  | { kind: 'json' }
  /** "Open in Form View": the user wants the whole form on one screen, with what was entered so far. */
  | { kind: 'formView' }
  | { kind: 'cancel' };

/** Where a step sits in the form, for the step counter and the title. */
export interface StepContext {
  /** The form's title, e.g. "everything · echo". */
  title: string;
  index: number;
  total: number;
  canGoBack: boolean;
  /** A message to show with the step (the final validation's complaint about this field). */
  message?: string;
  /**
   * Suggestions for a text field as the user types (`completion/complete`, spec 2025-03-26):
   * given the text so far, the values the server proposes. Absent when the server has none.
   */
  complete?: (text: string) => Promise<string[]>;
  /** Offer "Open in Form View" (calls do; elicitation forms do not). */
  formView?: boolean;
}

/**
 * Shows one step and returns the user's answer. The VS Code implementation uses QuickPick and
 * InputBox; tests inject a scripted one (see ExtensionApi.forms).
 */
export interface FormUi {
  ask(step: Step, ctx: StepContext): Promise<UiAnswer>;
}
