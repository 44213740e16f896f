/**
 * The form driver: runs a {@link FormPlan} one answer at a time, for any UI (the VS Code
 * QuickPick/InputBox adapter, the CLI prompter, tests). Back replays the earlier answers; earlier
 * answers stay remembered as `step.previous` so going forward again pre-fills them.
 *
 * Pure core: no `vscode` import.
 */
import { getAt } from './pointer';
import { validateArguments, type FormPlan } from './plan';
import { isValueStep, type Step } from './step';
import type { ValidationIssue } from './validator';
import { walkField, type Answer, type Doc, type Walk } from './walk';
import { autoAnswer, estimateAnswer } from './autoFill';

/** How far {@link FormDriver.progress} looks ahead to estimate the steps left (a guard against endless forms). */
const MAX_STEPS_AHEAD = 500;
/** How many steps the driver answers from the initial arguments in a row at most (a guard against endless forms). */
const MAX_AUTO_ANSWERS = 10_000;

export interface DriverOptions {
  /** Arguments to start from (the last call's, or `--args`): offered as each step's `previous`. */
  initial?: unknown;
  /**
   * `'missing'`: answer every step `initial` already answers (when valid) and skip optional fields
   * it leaves out, so only missing required fields are asked (the CLI on a TTY). Default `'all'`.
   */
  ask?: 'all' | 'missing';
}

/** A failed answer: the message for the user; the step stays current. */
export type AnswerResult = { ok: true } | { ok: false, message: string };

/** An issue of the final validation, with the index of the step to reopen (in {@link FormDriver.history}), if one wrote that field. */
export interface FinishIssue extends ValidationIssue {
  stepIndex?: number;
}

interface Recorded {
  id: string;
  answer: Answer;
  auto: boolean;
}

export class FormDriver {
  private answers: Recorded[] = [];
  private remembered: Recorded[] = [];
  private walk!: Walk;
  private doc: Doc = { value: undefined };
  private currentStep: Step | undefined;
  private steps: Step[] = [];

  constructor(readonly plan: FormPlan, private readonly options: DriverOptions = {}) {
    this.replay();
    this.settle();
  }

  /** The step to answer now, or `undefined` when the form is complete. */
  get current(): Step | undefined {
    return this.currentStep;
  }

  get done(): boolean {
    return this.currentStep === undefined;
  }

  /** The steps answered so far, in order (auto-answered ones included), and their answers. */
  get history(): { step: Step; answer: Answer; auto: boolean }[] {
    return this.steps.map((step, i) => ({ step, answer: this.answers[i].answer, auto: this.answers[i].auto }));
  }

  /** Whether {@link back} has a step the user answered to return to. */
  get canGoBack(): boolean {
    return this.answers.some((a) => !a.auto);
  }

  /**
   * "3/7": `index` is the current step's position among the steps the user answers (1-based);
   * `total` adds an estimate of the steps still ahead (array and map loops count their minimum).
   */
  progress(): { index: number; total: number } {
    const index = this.answers.filter((a) => !a.auto).length + 1;
    if (!this.currentStep) return { index: index - 1, total: index - 1 };
    const doc: Doc = { value: undefined };
    const w = walkField(this.plan.root, '', true, this.plan.validator, doc);
    let r = w.next();
    for (const a of this.answers) r = w.next(a.answer);
    let ahead = 0;
    for (let n = 0; !r.done && n < MAX_STEPS_AHEAD; n++) {
      const auto = this.autoFor(r.value);
      if (!auto) ahead++;
      r = w.next(auto ?? estimateAnswer(r.value));
    }
    return { index, total: index + ahead - 1 };
  }

  /** The arguments built so far (complete once {@link done}). A copy: safe to keep. */
  arguments(): unknown {
    return this.doc.value === undefined ? {} : structuredClone(this.doc.value);
  }

  /** Answers the current step with typed text (see {@link Step.parse}). */
  answerText(text: string): AnswerResult {
    const step = this.requireStep();
    const message = step.validate(text);
    if (message !== undefined) return { ok: false, message };
    return this.record({ kind: 'value', value: step.parse(text) }, false);
  }

  /** Answers the current step with a value (a picked choice's `value`, or JSON from an editor). */
  answerValue(value: unknown): AnswerResult {
    const step = this.requireStep();
    const message = step.check(value);
    if (message !== undefined) return { ok: false, message };
    return this.record({ kind: 'value', value }, false);
  }

  /** Skips the current (optional) step: the property is left out. */
  skip(): AnswerResult {
    const step = this.requireStep();
    if (step.required) return { ok: false, message: `${step.title} is required` };
    return this.record({ kind: 'skip' }, false);
  }

  /** Returns to the last step the user answered (auto-answered steps are passed over). @returns false at the first step */
  back(): boolean {
    if (!this.canGoBack) return false;
    let popped: Recorded | undefined;
    do {
      popped = this.answers.pop();
      if (popped) this.remembered.unshift(popped);
    } while (popped?.auto);
    this.replay();
    return true;
  }

  /**
   * Goes back to the step at `index` of {@link history} (to fix a field the final validation
   * refused). Later answers are remembered: {@link fastForward} re-applies them.
   */
  reopen(index: number): void {
    if (index < 0 || index >= this.answers.length) throw new RangeError(`no answered step ${index} (there are ${this.answers.length})`);
    this.remembered = [...this.answers.slice(index), ...this.remembered];
    this.answers = this.answers.slice(0, index);
    this.replay();
  }

  /** Re-applies remembered answers while they fit the steps that come (same id, still valid). @returns how many */
  fastForward(): number {
    let n = 0;
    while (this.currentStep && this.remembered[0]?.id === this.currentStep.id) {
      const r = this.remembered[0];
      if (r.answer.kind === 'value' && this.currentStep.check(r.answer.value) !== undefined) break;
      if (r.answer.kind === 'skip' && this.currentStep.required) break;
      this.remembered.shift();
      this.push(r);
      n++;
      this.settle();
    }
    return n;
  }

  /**
   * The final check: the complete arguments against the whole schema (Ajv). Each issue names the
   * field and the step to reopen.
   * @throws Error when the form is not complete
   */
  finish(): { ok: true; arguments: unknown; warning?: string } | { ok: false; issues: FinishIssue[] } {
    if (this.currentStep) throw new Error(`the form is not complete: "${this.currentStep.title}" is still to answer`);
    const args = this.arguments();
    const r = validateArguments(this.plan, args);
    if (r.valid) return { ok: true, arguments: args, warning: r.schemaError && `arguments not validated: ${r.schemaError}` };
    return { ok: false, issues: r.issues.map((i) => ({ ...i, stepIndex: this.stepFor(i.pointer) })) };
  }

  private stepFor(pointer: string): number | undefined {
    let best: number | undefined;
    let bestLen = -1;
    this.steps.forEach((s, i) => {
      const p = s.pointer;
      const covers = pointer === p || pointer.startsWith(p + '/') || p === '';
      if (covers && p.length >= bestLen && !this.answers[i].auto) {
        best = i;
        bestLen = p.length;
      }
    });
    return best;
  }

  private requireStep(): Step {
    if (!this.currentStep) throw new Error('the form is complete: there is no step to answer');
    return this.currentStep;
  }

  private record(answer: Answer, auto: boolean): AnswerResult {
    const step = this.requireStep();
    // The remembered future stays: later steps with the same id are pre-filled (and fastForward
    // re-applies them); a changed variant or item count gives other ids, which it never matches.
    if (this.remembered[0]?.id === step.id) this.remembered.shift();
    this.push({ id: step.id, answer, auto });
    this.settle();
    return { ok: true };
  }

  private push(r: Recorded): void {
    this.answers.push(r);
    this.steps.push(this.currentStep as Step);
    this.advance(this.walk.next(r.answer));
  }

  private replay(): void {
    this.doc = { value: undefined };
    this.steps = [];
    this.walk = walkField(this.plan.root, '', true, this.plan.validator, this.doc);
    let r = this.walk.next();
    for (const a of this.answers) {
      if (r.done) break;
      this.steps.push(r.value);
      r = this.walk.next(a.answer);
    }
    this.advance(r);
  }

  private advance(r: IteratorResult<Step, void>): void {
    this.currentStep = r.done ? undefined : this.decorate(r.value);
  }

  private decorate(step: Step): Step {
    const r = this.remembered[0];
    if (r && r.id === step.id && r.answer.kind === 'value') return { ...step, previous: r.answer.value };
    const initial = this.options.initial;
    if (initial === undefined) return step;
    if (isValueStep(step)) {
      const given = getAt(initial, step.pointer);
      return given === undefined ? step : { ...step, previous: given };
    }
    // Control steps: the choice the initial arguments imply (the variant they match, add while items remain).
    const implied = autoAnswer(step, initial, this.plan.validator);
    return implied?.kind === 'value' ? { ...step, previous: implied.value } : step;
  }

  /** Auto-answers while the current step is answered by `initial` (mode `'missing'`). */
  private settle(): void {
    for (let n = 0; this.currentStep && n < MAX_AUTO_ANSWERS; n++) {
      const a = this.autoFor(this.currentStep);
      if (!a) return;
      this.push({ id: this.currentStep.id, answer: a, auto: true });
    }
  }

  private autoFor(step: Step): Answer | undefined {
    return this.options.ask === 'missing' ? autoAnswer(step, this.options.initial, this.plan.validator) : undefined;
  }
}
