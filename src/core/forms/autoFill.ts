/**
 * Answers a driver can give without asking: from given arguments (the CLI's `--args`, prompting
 * only for what is missing), and rough answers to estimate how many steps lie ahead.
 *
 * Pure core: no `vscode` import.
 */
import { kindFits } from './fields';
import { getAt } from './pointer';
import { isValueStep, type Step } from './step';
import type { SchemaValidator } from './validator';
import type { Answer } from './walk';

const value = (v: unknown): Answer => ({ kind: 'value', value: v });
const SKIP: Answer = { kind: 'skip' };
const itemIndex = (step: Step) => Number(/#(\d+)$/.exec(step.id)?.[1] ?? 0);
const offers = (step: Step, v: unknown) => step.choices?.some((c) => c.value === v) ?? false;

/**
 * The answer `given` (the arguments supplied so far) implies for a step, or `undefined` when the
 * user must be asked: a required value that is missing, or a given value the step refuses.
 * Optional fields missing from `given` are skipped.
 */
export function autoAnswer(step: Step, given: unknown, validator: SchemaValidator): Answer | undefined {
  const at = getAt(given, step.pointer);
  if (isValueStep(step)) {
    if (at === undefined) return step.required ? undefined : SKIP;
    return step.check(at) === undefined ? value(at) : undefined;
  }
  if (at === undefined) return step.required ? undefined : SKIP;
  if (at === null) return offers(step, null) ? value(null) : undefined;
  switch (step.kind) {
    case 'include':
      return value('fill');
    case 'variant': {
      const f = step.field;
      if (f?.kind !== 'variant') return undefined;
      const i = f.variants.findIndex((x) => kindFits(x.field, at) && x.field.sources.length > 0 && validator.check(x.field.sources, at) === undefined);
      return i >= 0 ? value(i) : undefined;
    }
    case 'arrayNext': {
      if (!Array.isArray(at)) return undefined;
      const next = itemIndex(step) < at.length ? 'add' : 'done';
      return offers(step, next) ? value(next) : undefined;
    }
    case 'mapNext': {
      if (typeof at !== 'object' || Array.isArray(at)) return undefined;
      const next = itemIndex(step) < Object.keys(at).length ? 'add' : 'done';
      return offers(step, next) ? value(next) : undefined;
    }
    case 'mapKey': {
      if (typeof at !== 'object' || Array.isArray(at)) return undefined;
      const key = Object.keys(at)[itemIndex(step)];
      return key !== undefined && step.check(key) === undefined ? value(key) : undefined;
    }
    default:
      return undefined;
  }
}

/** A stand-in answer for counting the steps ahead: optional containers skipped, loops at their minimum. */
export function estimateAnswer(step: Step): Answer {
  switch (step.kind) {
    case 'include':
      return step.required ? value('fill') : SKIP;
    case 'variant':
      return value(0);
    case 'arrayNext':
    case 'mapNext':
      return offers(step, 'done') ? value('done') : value('add');
    case 'mapKey':
      return value(`${step.id}`);
    default:
      return value(step.hasDefault ? step.default : null);
  }
}
