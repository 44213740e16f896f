/**
 * A value field → its {@link Step}: what is accepted, how text becomes a JSON value, and the
 * messages the user sees. Every answer is also checked with Ajv against the schema locations of
 * its field, so a step never accepts what the final validation would refuse.
 *
 * Pure core: no `vscode` import.
 */
import type { Choice, Field } from './fields';
import type { Step, ValueStepKind } from './step';
import type { SchemaValidator } from './validator';

const FORMAT_HINTS: Record<string, string> = {
  email: 'email address', uri: 'URI (https://…)', 'uri-reference': 'URI reference', url: 'URL', date: 'date (YYYY-MM-DD)',
  'date-time': 'date and time (2026-01-31T12:00:00Z)', time: 'time (12:00:00Z)', uuid: 'UUID', ipv4: 'IPv4 address', ipv6: 'IPv6 address',
  hostname: 'host name', duration: 'ISO 8601 duration (P1D)', regex: 'regular expression',
};

/** Labels of a value for choice lists and messages: strings as they are, everything else as JSON. */
export function label(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/**
 * The step for a value field (`string`, `number`, `integer`, `boolean`, `enum`, `multiSelect`, `json`).
 * @throws Error for control fields (object, array, map, variant, const): they are walked, not asked.
 */
export function valueStep(field: Field, pointer: string, required: boolean, validator: SchemaValidator): Step {
  const { kind } = field;
  if (kind === 'object' || kind === 'array' || kind === 'map' || kind === 'variant' || kind === 'const') throw new Error(`a ${kind} field has no single value step`);
  const nullable = field.nullable;
  const exact = (v: unknown) => validator.check(field.sources, v);
  let choices: Choice[] | undefined;
  let own: (text: string) => { value?: unknown; message?: string };
  let placeholder: string | undefined;
  let format = (v: unknown) => (v === null ? 'null' : label(v));
  switch (field.kind) {
    case 'string': {
      placeholder = [field.format && (FORMAT_HINTS[field.format] ?? field.format), lengthHint(field.minLength, field.maxLength), field.pattern && `matching ${field.pattern}`].filter(Boolean).join(', ') || 'text';
      own = (text) => {
        if (nullable && text === '"null"') return { value: 'null' };
        if (field.minLength !== undefined && [...text].length < field.minLength) return { message: field.minLength === 1 ? 'Enter a value: it must not be empty' : `Enter at least ${field.minLength} characters` };
        if (field.maxLength !== undefined && [...text].length > field.maxLength) return { message: `Enter at most ${field.maxLength} characters (now ${[...text].length})` };
        if (field.pattern !== undefined && !safeTest(field.pattern, text)) return { message: `Must match the pattern ${field.pattern}` };
        return { value: text };
      };
      break;
    }
    case 'number':
    case 'integer': {
      const f = field;
      placeholder = [f.kind, boundsHint(f.minimum, f.exclusiveMinimum, f.maximum, f.exclusiveMaximum), f.multipleOf !== undefined && `multiple of ${f.multipleOf}`].filter(Boolean).join(', ');
      own = (text) => {
        const t = text.trim();
        const n = t === '' ? NaN : Number(t);
        if (!Number.isFinite(n)) return { message: f.kind === 'integer' ? 'Enter a whole number' : 'Enter a number' };
        if (f.kind === 'integer' && !Number.isInteger(n)) return { message: 'Enter a whole number (no fraction)' };
        if (f.minimum !== undefined && n < f.minimum) return { message: `Enter a number ≥ ${f.minimum}` };
        if (f.exclusiveMinimum !== undefined && n <= f.exclusiveMinimum) return { message: `Enter a number > ${f.exclusiveMinimum}` };
        if (f.maximum !== undefined && n > f.maximum) return { message: `Enter a number ≤ ${f.maximum}` };
        if (f.exclusiveMaximum !== undefined && n >= f.exclusiveMaximum) return { message: `Enter a number < ${f.exclusiveMaximum}` };
        return { value: n };
      };
      break;
    }
    case 'boolean':
      choices = [{ label: 'true', value: true }, { label: 'false', value: false }];
      own = (text) => {
        const t = text.trim().toLowerCase();
        if (['true', 'yes', 'y', '1', 'on'].includes(t)) return { value: true };
        if (['false', 'no', 'n', '0', 'off'].includes(t)) return { value: false };
        return { message: 'Enter true or false' };
      };
      break;
    case 'enum': {
      const list = field.choices;
      choices = list;
      format = (v) => (v === null ? 'null' : list.find((c) => c.value === v)?.label ?? label(v));
      own = (text) => {
        const c = pick(list, text.trim());
        return c ? { value: c.value } : { message: `Pick one of: ${list.map((x) => x.label).join(', ')}` };
      };
      break;
    }
    case 'multiSelect': {
      const f = field;
      choices = f.choices;
      placeholder = `several of: ${f.choices.map((c) => c.label).join(', ')} (comma-separated or a JSON array)`;
      format = (v) => (Array.isArray(v) ? v.map((x) => f.choices.find((c) => c.value === x)?.label ?? label(x)).join(', ') : label(v));
      own = (text) => {
        const t = text.trim();
        let parts: unknown[];
        if (t.startsWith('[')) {
          try {
            const a = JSON.parse(t) as unknown;
            if (!Array.isArray(a)) return { message: 'Enter a JSON array or comma-separated choices' };
            parts = a;
          } catch (e) {
            return { message: `Not JSON: ${(e as Error).message}` };
          }
        } else parts = t === '' ? [] : t.split(',').map((x) => x.trim());
        const values: unknown[] = [];
        for (const p of parts) {
          const c = typeof p === 'string' ? pick(f.choices, p) : f.choices.find((x) => x.value === p);
          if (!c) return { message: `"${label(p)}" is not one of: ${f.choices.map((x) => x.label).join(', ')}` };
          values.push(c.value);
        }
        if (values.length < f.minItems) return { message: `Pick at least ${f.minItems}` };
        if (f.maxItems !== undefined && values.length > f.maxItems) return { message: `Pick at most ${f.maxItems}` };
        return { value: values };
      };
      break;
    }
    default: {
      placeholder = `JSON${typeof field.schema.type === 'string' ? `: ${field.schema.type}` : ''}`;
      format = (v) => JSON.stringify(v, null, 2) ?? 'null';
      own = (text) => {
        try {
          return { value: JSON.parse(text) as unknown };
        } catch (e) {
          return { message: `Not valid JSON: ${(e as Error).message}` };
        }
      };
    }
  }
  const run = (text: string): { value?: unknown; message?: string } => {
    if (nullable && text.trim() === 'null' && kind !== 'json') return { value: null };
    const r = own(text);
    if (r.message !== undefined) return r;
    const m = exact(r.value);
    return m === undefined ? r : { message: m };
  };
  if (nullable && choices) choices = [...choices, { label: 'null', value: null }];
  if (choices && field.hasDefault) choices = [...choices.filter((c) => c.value === field.default), ...choices.filter((c) => c.value !== field.default)];
  const start = field.hasDefault ? field.default : field.examples.length ? field.examples[0] : kind === 'json' ? field.skeleton : undefined;
  return {
    id: `${pointer}:${kind}`,
    kind: kind as ValueStepKind,
    pointer,
    title: field.title,
    description: field.description,
    required,
    nullable,
    default: field.default,
    hasDefault: field.hasDefault,
    examples: field.examples,
    choices,
    canPickMany: kind === 'multiSelect' || undefined,
    placeholder: field.kind === 'json' ? `${placeholder} — ${field.reason}` : placeholder,
    initialText: start === undefined ? undefined : format(start),
    field,
    validate: (text) => run(text).message,
    parse(text) {
      const r = run(text);
      if (r.message !== undefined) throw new Error(r.message);
      return r.value;
    },
    check: (v) => (v === null && nullable ? undefined : exact(v)),
    format,
  };
}

function pick(list: Choice[], text: string): Choice | undefined {
  return list.find((c) => c.label === text) ?? list.find((c) => label(c.value) === text) ?? list.find((c) => c.label.toLowerCase() === text.toLowerCase());
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true; // Ajv reports a pattern it cannot compile; the step does not guess.
  }
}

function lengthHint(min?: number, max?: number): string | undefined {
  if (min !== undefined && max !== undefined) return `${min}–${max} characters`;
  if (min !== undefined) return `at least ${min} characters`;
  return max !== undefined ? `at most ${max} characters` : undefined;
}

function boundsHint(min?: number, exMin?: number, max?: number, exMax?: number): string | undefined {
  const lo = min !== undefined ? `${min} ≤ ` : exMin !== undefined ? `${exMin} < ` : '';
  const hi = max !== undefined ? ` ≤ ${max}` : exMax !== undefined ? ` < ${exMax}` : '';
  return lo || hi ? `${lo}n${hi}` : undefined;
}
