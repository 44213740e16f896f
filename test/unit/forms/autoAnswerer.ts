/**
 * A test answerer: gives every step of a form a valid answer (defaults, examples, first choices,
 * minimal strings and numbers that satisfy the step) so a whole form can be driven without a UI.
 */
import { FormDriver, type Step } from '../../../src/core/forms';
import { samplePattern } from './patternSample';

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'a@example.com', uri: 'https://example.com/x', url: 'https://example.com/x', 'uri-reference': '/x', iri: 'https://example.com/x',
  date: '2026-01-31', 'date-time': '2026-01-31T12:00:00Z', time: '12:00:00Z', uuid: '123e4567-e89b-42d3-a456-426614174000',
  ipv4: '127.0.0.1', ipv6: '::1', hostname: 'example.com', duration: 'P1D', regex: '^a$', 'json-pointer': '/a',
};

/** Candidate strings, most natural first. */
function strings(step: Step): string[] {
  const f = step.field?.kind === 'string' ? step.field : undefined;
  const min = f?.minLength ?? 0;
  const fromPattern = f?.pattern !== undefined ? samplePattern(f.pattern) : undefined;
  const padded = fromPattern !== undefined && fromPattern.length < min ? fromPattern + 'a'.repeat(min - fromPattern.length) : undefined;
  const out = [f?.format ? FORMAT_SAMPLES[f.format] : undefined, fromPattern, padded, 'x'.repeat(Math.max(min, 1)), 'abc', 'a', 'A', '0', '1', 'a1', 'a-b', 'a_b', 'x'.repeat(Math.max(min, 3)), ''];
  return out.filter((x): x is string => x !== undefined);
}

function numbers(step: Step): number[] {
  const f = step.field?.kind === 'number' || step.field?.kind === 'integer' ? step.field : undefined;
  const m = f?.multipleOf ?? 1;
  const c: number[] = [];
  for (const base of [f?.minimum, f?.exclusiveMinimum, f?.maximum, f?.exclusiveMaximum, 0, 1]) {
    if (base === undefined) continue;
    const k = Math.ceil(base / m) * m;
    c.push(base, k, k + m, k - m, base + 1, base - 1, base + 0.5, base - 0.5);
  }
  return c;
}

/** A valid answer for `step` as a value, or `'skip'` when none is found and the step is optional. */
export function answerFor(step: Step, counts: Map<string, number>, variantPick = 0): unknown {
  const seen = counts.get(step.pointer) ?? 0;
  switch (step.kind) {
    case 'include': return 'fill';
    case 'variant': return Math.min(variantPick, (step.choices?.length ?? 1) - 1 - (step.nullable ? 1 : 0));
    case 'arrayNext': case 'mapNext': {
      counts.set(step.pointer, seen + 1);
      const wantAdd = seen < 1 && step.choices?.some((c) => c.value === 'add');
      return wantAdd || !step.choices?.some((c) => c.value === 'done') ? 'add' : 'done';
    }
    case 'mapKey': {
      const keyPattern = step.field?.kind === 'map' ? step.field.key.pattern : undefined;
      const sampled = keyPattern !== undefined ? samplePattern(keyPattern) : undefined;
      for (const s of ['key', ...(sampled !== undefined ? [sampled, sampled + 'a', sampled + '0'] : []), ...strings(step), 'k1', 'k2']) if (step.validate(s) === undefined) return s;
      return 'key';
    }
    default:
  }
  const candidates: unknown[] = [];
  if (step.hasDefault) candidates.push(step.default);
  candidates.push(...step.examples, step.previous);
  if (step.choices?.length) candidates.push(step.canPickMany ? step.choices.slice(0, (step.field?.kind === 'multiSelect' ? step.field.minItems : 0) || 1).map((c) => c.value) : step.choices[0].value);
  if (step.kind === 'string') candidates.push(...strings(step));
  if (step.kind === 'number' || step.kind === 'integer') candidates.push(...numbers(step));
  if (step.kind === 'json' && step.initialText !== undefined) candidates.push(JSON.parse(step.initialText));
  for (const c of candidates) if (c !== undefined && step.check(c) === undefined) return c;
  return step.required ? candidates.find((c) => c !== undefined) : 'skip';
}

/** Drives a form to the end with {@link answerFor}. @throws when a step refuses the answer or the form does not end. */
export function autoDrive(driver: FormDriver, variantPick = 0, maxSteps = 500): void {
  const counts = new Map<string, number>();
  for (let n = 0; driver.current; n++) {
    if (n > maxSteps) throw new Error('the form did not end');
    const step = driver.current;
    const a = answerFor(step, counts, variantPick);
    const r = a === 'skip' && !step.required ? driver.skip() : driver.answerValue(a);
    if (!r.ok) throw new Error(`step ${step.id} refused ${JSON.stringify(a)}: ${r.message}`);
  }
}
