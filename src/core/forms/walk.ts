/**
 * Walking a field tree into steps: a generator that yields one {@link Step} at a time, receives
 * its answer, and writes values into the arguments document. Dynamic parts (which variant, how
 * many items, which map keys) follow from earlier answers, so the same answers always give the
 * same steps: the driver replays answers to go Back.
 *
 * Pure core: no `vscode` import.
 */
import type { ArrayField, Field, MapField, VariantField } from './fields';
import { join, parsePointer } from './pointer';
import type { Step } from './step';
import type { SchemaValidator } from './validator';
import { label, valueStep } from './valueSteps';

/** An answer to a step: a value (for control steps, the chosen choice's value), or Skip (optional steps only). */
export type Answer = { kind: 'value'; value: unknown } | { kind: 'skip' };

/** The arguments being built: `doc.value` is the root (an object for a tool). */
export interface Doc {
  value: unknown;
}

export type Walk = Generator<Step, void, Answer>;

/** Writes `value` at `pointer`; containers on the way already exist (the walk creates them first). */
export function setAt(doc: Doc, pointer: string, value: unknown): void {
  const tokens = parsePointer(pointer);
  if (!tokens.length) {
    doc.value = value;
    return;
  }
  let cur = doc.value as Record<string, unknown>;
  for (const t of tokens.slice(0, -1)) cur = cur[t] as Record<string, unknown>;
  cur[tokens[tokens.length - 1]] = value;
}

/** Yields the steps of one field at `pointer`; writes its value (nothing when skipped). */
export function* walkField(field: Field, pointer: string, required: boolean, v: SchemaValidator, doc: Doc): Walk {
  switch (field.kind) {
    case 'const':
      setAt(doc, pointer, field.value);
      return;
    case 'object': {
      if (pointer !== '' && (!required || field.nullable)) {
        const a = yield control(field, pointer, 'include', required, [{ label: `Fill in ${field.title}`, value: 'fill' }]);
        if (a.kind === 'skip') return;
        if (a.value === null) return setAt(doc, pointer, null);
      }
      setAt(doc, pointer, {});
      for (const p of field.properties) yield* walkField(p.field, join(pointer, p.name), p.required, v, doc);
      return;
    }
    case 'array':
      return yield* walkArray(field, pointer, required, v, doc);
    case 'map':
      return yield* walkMap(field, pointer, required, v, doc);
    case 'variant':
      return yield* walkVariant(field, pointer, required, v, doc);
    default: {
      const a = yield valueStep(field, pointer, required, v);
      if (a.kind === 'value') setAt(doc, pointer, a.value);
    }
  }
}

function* walkArray(field: ArrayField, pointer: string, required: boolean, v: SchemaValidator, doc: Doc): Walk {
  let n = 0;
  for (;;) {
    if (field.maxItems !== undefined && n >= field.maxItems) return;
    const optionalHere = n === 0 && (!required || field.nullable);
    if (n >= field.minItems || optionalHere) {
      const choices = [{ label: `Add item ${n + 1} to ${field.title}`, value: 'add' }];
      if (n >= field.minItems) choices.push({ label: n ? `Done (${n} item${n > 1 ? 's' : ''})` : 'Done (empty list)', value: 'done' });
      const a = yield control(field, pointer, 'arrayNext', required || n > 0, choices, `#${n}`);
      if (a.kind === 'skip') return;
      if (a.value === null) return setAt(doc, pointer, null);
      if (n === 0) setAt(doc, pointer, []);
      if (a.value === 'done') return;
    } else if (n === 0) setAt(doc, pointer, []);
    yield* walkField(field.items, join(pointer, n), true, v, doc);
    n++;
  }
}

function* walkMap(field: MapField, pointer: string, required: boolean, v: SchemaValidator, doc: Doc): Walk {
  const keys: string[] = [];
  for (;;) {
    const n = keys.length;
    if (field.maxProperties !== undefined && n >= field.maxProperties) return;
    const choices = [{ label: `Add an entry to ${field.title}`, value: 'add' }];
    if (n >= field.minProperties) choices.push({ label: n ? `Done (${n} entr${n > 1 ? 'ies' : 'y'})` : 'Done (no entries)', value: 'done' });
    const a = yield control(field, pointer, 'mapNext', required || n > 0, choices, `#${n}`);
    if (a.kind === 'skip') return;
    if (a.value === null) return setAt(doc, pointer, null);
    if (n === 0) setAt(doc, pointer, {});
    if (a.value === 'done') return;
    const k = yield keyStep(field, pointer, keys, n);
    if (k.kind !== 'value' || typeof k.value !== 'string') return;
    keys.push(k.value);
    yield* walkField(field.value, join(pointer, k.value), true, v, doc);
  }
}

function* walkVariant(field: VariantField, pointer: string, required: boolean, v: SchemaValidator, doc: Doc): Walk {
  const choices = field.variants.map((x, i) => ({ label: x.label, value: i, description: x.description }));
  const a = yield control(field, pointer, 'variant', required, choices);
  if (a.kind === 'skip') return;
  if (a.value === null) return setAt(doc, pointer, null);
  const chosen = field.variants[typeof a.value === 'number' ? a.value : 0] ?? field.variants[0];
  yield* walkField(chosen.field, pointer, true, v, doc);
}

/** A control step: answered with one of `choices` (plus `null` when the field is nullable). */
function control(field: Field, pointer: string, kind: Step['kind'], required: boolean, choices: { label: string; value: unknown; description?: string }[], suffix = ''): Step {
  // `null` is offered where the container starts: an include/variant step, or the first add/done.
  const all = field.nullable && (suffix === '' || suffix === '#0') ? [...choices, { label: 'null', value: null }] : choices;
  const find = (text: string) => all.find((c) => c.label === text.trim() || label(c.value) === text.trim());
  return {
    id: `${pointer}:${kind}${suffix}`,
    kind,
    pointer,
    title: field.title,
    description: field.description,
    required,
    nullable: all.some((c) => c.value === null),
    hasDefault: false,
    examples: [],
    choices: all,
    field,
    validate: (text) => (find(text) ? undefined : `Pick one of: ${all.map((c) => c.label).join(', ')}`),
    parse(text) {
      const c = find(text);
      if (!c) throw new Error(`Pick one of: ${all.map((x) => x.label).join(', ')}`);
      return c.value;
    },
    check: (value) => (all.some((c) => c.value === value) ? undefined : `Pick one of: ${all.map((c) => c.label).join(', ')}`),
    format: (value) => all.find((c) => c.value === value)?.label ?? label(value),
  };
}

/** The key of a new map entry: not empty, not taken, and within `propertyNames` / the pattern. */
function keyStep(field: MapField, pointer: string, taken: readonly string[], n: number): Step {
  const k = field.key;
  const message = (text: string): string | undefined => {
    if (text === '') return 'Enter a key';
    if (taken.includes(text)) return `"${text}" is already a key`;
    if (k.choices && !k.choices.includes(text)) return `Pick one of: ${k.choices.join(', ')}`;
    if (k.minLength !== undefined && text.length < k.minLength) return `Enter at least ${k.minLength} characters`;
    if (k.maxLength !== undefined && text.length > k.maxLength) return `Enter at most ${k.maxLength} characters`;
    if (k.pattern !== undefined) {
      try {
        if (!new RegExp(k.pattern, 'u').test(text)) return `Must match the pattern ${k.pattern}`;
      } catch {
        // A pattern JavaScript cannot compile: Ajv reports it at the end.
      }
    }
    return undefined;
  };
  return {
    id: `${pointer}:mapKey#${n}`,
    kind: 'mapKey',
    pointer,
    field,
    title: `Key of entry ${n + 1} in ${field.title}`,
    description: field.description,
    required: true,
    nullable: false,
    hasDefault: false,
    examples: [],
    choices: k.choices?.filter((c) => !taken.includes(c)).map((c) => ({ label: c, value: c })),
    placeholder: k.pattern ? `key matching ${k.pattern}` : 'key',
    validate: message,
    parse(text) {
      const m = message(text);
      if (m) throw new Error(m);
      return text;
    },
    check: (value) => (typeof value === 'string' ? message(value) : 'A key is text'),
    format: (value) => String(value),
  };
}
