/** Value steps: what each kind accepts, the JSON type it sends, and its messages. */
import * as assert from 'node:assert/strict';
import { FormDriver, planForm, type Step } from '../../../src/core/forms';

/** The first step of a one-property form `{ v: schema }` (required). */
function stepOf(schema: Record<string, unknown>, required = true): Step {
  const d = new FormDriver(planForm({ type: 'object', properties: { v: schema }, required: required ? ['v'] : [] }));
  assert.ok(d.current, 'a step');
  return d.current;
}

describe('forms: value steps', () => {
  it('string: minLength, maxLength, pattern, and formats through Ajv', () => {
    const s = stepOf({ type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' });
    assert.equal(s.kind, 'string');
    assert.match(s.validate('a') ?? '', /at least 2/);
    assert.match(s.validate('abcde') ?? '', /at most 4/);
    assert.match(s.validate('AB') ?? '', /pattern/);
    assert.equal(s.parse('abc'), 'abc');
    for (const [format, bad, good] of [['email', 'nope', 'a@b.co'], ['uri', 'not a uri', 'https://x.org/a'], ['date', '2026-13-01', '2026-01-31'], ['date-time', '2026-01-31', '2026-01-31T10:00:00Z'], ['uuid', '123', '123e4567-e89b-42d3-a456-426614174000']]) {
      const f = stepOf({ type: 'string', format });
      assert.match(f.validate(bad) ?? '', new RegExp(`valid ${format}`), format);
      assert.equal(f.validate(good), undefined, format);
    }
  });

  it('number and integer: bounds, exclusive bounds, multipleOf; the value is a number', () => {
    const n = stepOf({ type: 'integer', minimum: 1, maximum: 10 });
    assert.equal(n.placeholder, 'integer, 1 ≤ n ≤ 10');
    assert.equal(n.parse(' 7 '), 7);
    assert.match(n.validate('0') ?? '', /≥ 1/);
    assert.match(n.validate('11') ?? '', /≤ 10/);
    assert.match(n.validate('2.5') ?? '', /whole number/);
    assert.match(n.validate('x') ?? '', /whole number/);
    const x = stepOf({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1, multipleOf: 0.25 });
    assert.match(x.validate('0') ?? '', /> 0/);
    assert.match(x.validate('1') ?? '', /< 1/);
    assert.match(x.validate('0.3') ?? '', /multiple of 0.25/);
    assert.equal(x.parse('0.5'), 0.5);
    const d4 = stepOf({ type: 'number', minimum: 0, exclusiveMinimum: true });
    assert.match(d4.validate('0') ?? '', /> 0/);
  });

  it('boolean: a choice, parsed from true/false/yes/no', () => {
    const b = stepOf({ type: 'boolean', default: false });
    assert.deepEqual(b.choices?.map((c) => c.value), [false, true]);
    assert.equal(b.parse('yes'), true);
    assert.equal(b.parse('false'), false);
    assert.ok(b.validate('maybe'));
  });

  it('enums keep their JSON types: a numeric enum sends a number; labels from enumNames and oneOf const+title', () => {
    const n = stepOf({ type: 'integer', enum: [1, 2, 3], enumNames: ['Low', 'Mid', 'High'] });
    assert.deepEqual(n.choices, [{ label: 'Low', value: 1 }, { label: 'Mid', value: 2 }, { label: 'High', value: 3 }]);
    assert.equal(n.parse('Mid'), 2);
    assert.equal(n.parse('3'), 3);
    assert.ok(n.validate('4'));
    const o = stepOf({ oneOf: [{ const: 'a', title: 'Alpha' }, { const: 'b', title: 'Beta', description: 'second' }] });
    assert.equal(o.kind, 'enum');
    assert.deepEqual(o.choices?.map((c) => [c.label, c.value]), [['Alpha', 'a'], ['Beta', 'b']]);
    assert.equal(o.parse('Beta'), 'b');
  });

  it('default and examples come first', () => {
    const e = stepOf({ type: 'string', enum: ['a', 'b', 'c'], default: 'c' });
    assert.deepEqual(e.choices?.map((c) => c.value), ['c', 'a', 'b']);
    assert.equal(e.initialText, 'c');
    const x = stepOf({ type: 'string', examples: ['ex1', 'ex2'] });
    assert.equal(x.initialText, 'ex1');
    assert.deepEqual(x.examples, ['ex1', 'ex2']);
  });

  it('nullable: "null" sends null in every spelling; a nullable string takes "\\"null\\"" as the text null', () => {
    for (const schema of [{ type: ['integer', 'null'] }, { anyOf: [{ type: 'integer' }, { type: 'null' }] }, { type: 'integer', nullable: true }]) {
      const s = stepOf(schema);
      assert.equal(s.kind, 'integer', JSON.stringify(schema));
      assert.equal(s.nullable, true);
      assert.equal(s.parse('null'), null);
      assert.equal(s.parse('5'), 5);
    }
    const str = stepOf({ type: ['string', 'null'] });
    assert.equal(str.parse('null'), null);
    assert.equal(str.parse('"null"'), 'null');
    const en = stepOf({ enum: ['x', null] });
    assert.deepEqual(en.choices?.map((c) => c.value), ['x', null]);
  });

  it('multi-select: an array of enum values, from labels, commas or JSON; minItems/maxItems', () => {
    const m = stepOf({ type: 'array', items: { type: 'integer', enum: [1, 2, 3] }, minItems: 1, maxItems: 2 });
    assert.equal(m.kind, 'multiSelect');
    assert.equal(m.canPickMany, true);
    assert.deepEqual(m.parse('1, 3'), [1, 3]);
    assert.deepEqual(m.parse('[2]'), [2]);
    assert.match(m.validate('') ?? '', /at least 1/);
    assert.match(m.validate('1,2,3') ?? '', /at most 2/);
    assert.match(m.validate('4') ?? '', /not one of/);
  });

  it('a JSON step is pre-filled with a skeleton and validated before moving on', () => {
    const j = stepOf({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], minItems: 2 });
    assert.equal(j.kind, 'json');
    assert.match(j.placeholder ?? '', /tuple/);
    assert.deepEqual(JSON.parse(j.initialText ?? ''), ['', 0]);
    assert.match(j.validate('[1') ?? '', /Not valid JSON/);
    assert.ok(j.validate('["a", "b"]'));
    assert.equal(j.validate('["a", 2]'), undefined);
  });

  it('check() validates values given directly, exactly as Ajv would', () => {
    const s = stepOf({ type: 'string', format: 'email' });
    assert.ok(s.check('nope'));
    assert.ok(s.check(3));
    assert.equal(s.check('a@b.co'), undefined);
  });
});
