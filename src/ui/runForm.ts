import type { FormPlan } from '../core/forms';
import { humanPath } from '../core/forms/pointer';
import { isValueStep } from '../core/forms/step';
import { loadLive } from '../core/lazy';
import type { FormUi } from './formUi';

/** Steps one form may take (Back and reopened steps included) before it is given up: a bound on a driver bug, never reached by a person. */
const MAX_FORM_STEPS = 10_000;

/** The outcome of a form: the validated arguments, a request to edit them as JSON, or a cancel. */
export type FormOutcome = { kind: 'done'; arguments: unknown } | { kind: 'json'; arguments: unknown } | { kind: 'formView'; arguments: unknown } | { kind: 'cancel' };

/**
 * Runs a form plan through a {@link FormUi}: one step at a time, Back, Skip, "Edit as JSON…",
 * "Open in Form View" (with `opts.formView`: ends with the arguments so far), and
 * the final Ajv validation of the whole arguments — a refused field reopens its step with the reason.
 * @param initial earlier arguments (the last call's), offered as each step's previous answer
 */
export async function runForm(
  plan: FormPlan,
  ui: FormUi,
  opts: { title: string; initial?: unknown; complete?: (pointer: string, text: string) => Promise<string[]>; formView?: boolean },
): Promise<FormOutcome> {
  const driver = new (loadLive().FormDriver)(plan, { initial: opts.initial });
  let message: string | undefined;
  // after the final validation reopened a step: once it is fixed, the later answers are re-applied
  let reopened = false;
  for (let guard = 0; guard < MAX_FORM_STEPS; guard++) {
    const step = driver.current;
    if (!step) {
      const r = driver.finish();
      if (r.ok) return { kind: 'done', arguments: r.arguments };
      const issue = r.issues[0];
      message = `${humanPath(issue.pointer) || 'arguments'}: ${issue.message}`;
      if (issue.stepIndex === undefined) return { kind: 'json', arguments: driver.arguments() };
      driver.reopen(issue.stepIndex);
      reopened = true;
      continue;
    }
    const { index, total } = driver.progress();
    const complete = opts.complete && step.kind === 'string' ? (text: string) => opts.complete!(step.pointer, text) : undefined;
    const answer = await ui.ask(step, { title: opts.title, index, total, canGoBack: driver.canGoBack, message, complete, formView: opts.formView });
    message = undefined;
    let result: { ok: true } | { ok: false; message: string };
    switch (answer.kind) {
      case 'cancel':
        return { kind: 'cancel' };
      case 'json':
        return { kind: 'json', arguments: driver.arguments() };
      case 'formView':
        return { kind: 'formView', arguments: driver.arguments() };
      case 'back':
        driver.back();
        continue;
      case 'skip':
        result = driver.skip();
        break;
      case 'text':
        result = driver.answerText(answer.text);
        break;
      case 'value':
        result = driver.answerValue(answer.value);
        break;
    }
    if (!result.ok) message = result.message;
    else if (reopened && isValueStep(step)) {
      driver.fastForward();
      reopened = false;
    }
  }
  throw new Error('the form did not finish (more than 10,000 steps)');
}
