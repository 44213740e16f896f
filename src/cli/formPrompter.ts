/**
 * The form driver on a terminal (node:readline): one question per step, with its position
 * ("3/7 · /edits/0/oldText"), title, description, numbered choices and hints. `<` goes back,
 * `-` skips an optional field, Enter takes the shown default; when the final validation refuses
 * a field, its step is asked again and the later answers are kept.
 *
 * Pure core: no `vscode` import.
 */
import * as readline from 'node:readline';
import { humanPath, type FormDriver, type Step } from '../core/forms';

export interface PromptStreams {
  input: NodeJS.ReadableStream;
  /** Questions and messages go here (stderr for the CLI, so stdout stays the result). */
  output: NodeJS.WritableStream;
}

/** Runs the driver to the end (its `finish()` then succeeds), or stops at end of input. */
export async function promptForm(driver: FormDriver, streams: PromptStreams): Promise<'done' | 'cancelled'> {
  const rl = readline.createInterface({ input: streams.input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const say = (s: string) => streams.output.write(s + '\n');
  let reopened = false;
  try {
    for (;;) {
      const step = driver.current;
      if (!step) {
        const r = driver.finish();
        if (r.ok) return 'done';
        const issue = r.issues.find((i) => i.stepIndex !== undefined);
        say(`The arguments do not fit the schema: ${r.issues.map((i) => `${humanPath(i.pointer)} ${i.message}`).join('; ')}`);
        if (issue?.stepIndex === undefined) return 'done';
        driver.reopen(issue.stepIndex);
        reopened = true;
        continue;
      }
      const { index, total } = driver.progress();
      say('');
      say(`${index}/${total} · ${step.pointer || '/'}  ${step.title}${step.required ? '' : ' (optional)'}`);
      if (step.description) say(`  ${step.description.split('\n').join('\n  ')}`);
      step.choices?.forEach((c, i) => say(`  ${i + 1}) ${c.label}${c.description ? ` — ${c.description}` : ''}`));
      const fallback = defaultText(step);
      const hints = [step.placeholder, fallback !== undefined && `Enter = ${fallback}`, !step.required && '- = skip', driver.canGoBack && '< = back', step.canPickMany && 'numbers separated by commas'].filter(Boolean);
      streams.output.write(`${hints.length ? `(${hints.join('; ')}) ` : ''}> `);
      const next = await lines.next();
      if (next.done) return 'cancelled';
      const line = String(next.value);
      const r = answer(driver, step, line, fallback);
      if (r) say(`  ✗ ${r}`);
      else if (reopened) {
        // The refused field is fixed: the answers after it still stand.
        reopened = false;
        driver.fastForward();
      }
    }
  } finally {
    rl.close();
  }
}

/** The text Enter stands for: the previous answer, the default, or the first example. */
function defaultText(step: Step): string | undefined {
  if (step.previous !== undefined) return step.format(step.previous);
  if (step.hasDefault) return step.format(step.default);
  if (step.kind !== 'json' && step.initialText !== undefined) return step.initialText;
  return undefined;
}

/** Applies one typed line; returns a message when it was not accepted. */
function answer(driver: FormDriver, step: Step, line: string, fallback: string | undefined): string | undefined {
  const t = line.trim();
  if (t === '<') return driver.back() ? undefined : 'this is the first question';
  if (t === '-' && !step.required) return msg(driver.skip());
  if (t === '') {
    if (fallback !== undefined) return msg(driver.answerText(fallback));
    if (!step.required) return msg(driver.skip());
    if (step.kind !== 'string') return `${step.title} is required`;
  }
  if (step.choices && /^\d+(\s*,\s*\d+)*$/.test(t)) {
    const picks = t.split(',').map((n) => step.choices?.[Number(n) - 1]);
    if (picks.every((c) => c !== undefined)) {
      if (step.canPickMany) return msg(driver.answerValue(picks.map((c) => c?.value)));
      if (picks.length === 1) return msg(driver.answerValue(picks[0]?.value));
    }
  }
  return msg(driver.answerText(step.kind === 'string' || step.kind === 'mapKey' ? line : t));
}

function msg(r: { ok: boolean; message?: string }): string | undefined {
  return r.ok ? undefined : r.message;
}
