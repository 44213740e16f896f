/** The driver: dynamic steps (variants, items, map entries), Back, progress, skipping, finishing and reopening. */
import * as assert from 'node:assert/strict';
import { FormDriver, planForm } from '../../../src/core/forms';

const ok = (r: { ok: boolean; message?: string }) => assert.ok(r.ok, r.message);

describe('forms: the driver', () => {
  it('walks a nested object, skips optional fields, and sends typed values', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['name'] }));
    assert.equal(d.current?.pointer, '/name');
    assert.equal(d.current?.required, true);
    assert.deepEqual(d.skip(), { ok: false, message: 'name is required' });
    ok(d.answerText('Ada'));
    assert.equal(d.current?.pointer, '/age');
    ok(d.answerText('36'));
    assert.equal(d.current?.kind, 'arrayNext');
    ok(d.skip());
    assert.ok(d.done);
    assert.deepEqual(d.finish(), { ok: true, arguments: { name: 'Ada', age: 36 }, warning: undefined });
  });

  it('const is filled without asking; a variant is picked first, then its fields', () => {
    const d = new FormDriver(planForm({
      type: 'object', required: ['shape', 'v'],
      properties: {
        v: { const: 2 },
        shape: { oneOf: [
          { title: 'Circle', type: 'object', properties: { kind: { const: 'circle' }, r: { type: 'number' } }, required: ['kind', 'r'] },
          { title: 'Square', type: 'object', properties: { kind: { const: 'square' }, side: { type: 'number' } }, required: ['kind', 'side'] },
        ] },
      },
    }));
    assert.equal(d.current?.kind, 'variant');
    assert.deepEqual(d.current?.choices?.map((c) => c.label), ['Circle', 'Square']);
    ok(d.answerText('Square'));
    assert.equal(d.current?.pointer, '/shape/side');
    ok(d.answerText('3'));
    assert.deepEqual(d.finish(), { ok: true, arguments: { shape: { kind: 'square', side: 3 }, v: 2 }, warning: undefined });
  });

  it('arrays: add item / done, respecting minItems and maxItems', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { xs: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 2 } }, required: ['xs'] }));
    assert.equal(d.current?.pointer, '/xs/0', 'the first item is asked at once (minItems 1)');
    ok(d.answerText('1'));
    assert.deepEqual(d.current?.choices?.map((c) => c.value), ['add', 'done']);
    ok(d.answerValue('add'));
    ok(d.answerText('2'));
    assert.ok(d.done, 'maxItems reached: no more add');
    assert.deepEqual(d.arguments(), { xs: [1, 2] });
  });

  it('maps: key, then value; keys are unique and follow propertyNames', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { env: { type: 'object', propertyNames: { pattern: '^[A-Z_]+$' }, additionalProperties: { type: 'string' } } }, required: ['env'] }));
    ok(d.answerValue('add'));
    assert.equal(d.current?.kind, 'mapKey');
    assert.match(d.current?.validate('lower') ?? '', /pattern/);
    ok(d.answerText('HOME'));
    assert.equal(d.current?.pointer, '/env/HOME');
    ok(d.answerText('/root'));
    ok(d.answerValue('add'));
    assert.match(d.current?.validate('HOME') ?? '', /already a key/);
    ok(d.answerText('PATH'));
    ok(d.answerText('/bin'));
    ok(d.answerValue('done'));
    assert.deepEqual(d.arguments(), { env: { HOME: '/root', PATH: '/bin' } });
  });

  it('optional and nullable objects: include / skip / null', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { o: { type: ['object', 'null'], properties: { a: { type: 'string' } } }, p: { type: 'object', properties: { b: { type: 'string' } } } }, required: ['o'] }));
    assert.equal(d.current?.kind, 'include');
    assert.deepEqual(d.current?.choices?.map((c) => c.value), ['fill', null]);
    ok(d.answerValue(null));
    assert.equal(d.current?.kind, 'include');
    assert.equal(d.current?.required, false);
    ok(d.skip());
    assert.deepEqual(d.finish(), { ok: true, arguments: { o: null }, warning: undefined });
  });

  it('Back returns to the last answer, remembers it as previous, and replays dynamic steps', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'string' } }, c: { type: 'boolean' } }, required: ['a', 'b', 'c'] }));
    assert.equal(d.canGoBack, false);
    assert.equal(d.back(), false);
    ok(d.answerText('one'));
    ok(d.answerValue('add'));
    ok(d.answerText('item'));
    assert.equal(d.current?.kind, 'arrayNext');
    assert.ok(d.back());
    assert.equal(d.current?.pointer, '/b/0');
    assert.equal(d.current?.previous, 'item');
    assert.ok(d.back());
    assert.ok(d.back());
    assert.equal(d.current?.pointer, '/a');
    assert.equal(d.current?.previous, 'one');
    ok(d.answerText('two'));
    assert.equal(d.fastForward(), 2, 'add and the item come back');
    assert.deepEqual(d.arguments(), { a: 'two', b: ['item'] });
  });

  it('progress counts answered steps and estimates those ahead ("3/7")', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } }, required: ['a'] }));
    assert.deepEqual(d.progress(), { index: 1, total: 3 });
    ok(d.answerText('x'));
    assert.deepEqual(d.progress(), { index: 2, total: 3 });
  });

  it('ask "missing" answers from the given arguments and asks only missing required fields', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'string' }, list: { type: 'array', items: { type: 'object', properties: { x: { type: 'string' }, y: { type: 'string' } }, required: ['x', 'y'] } } }, required: ['a', 'b', 'list'] };
    const d = new FormDriver(planForm(schema), { initial: { a: 'given', list: [{ x: '1' }] }, ask: 'missing' });
    assert.equal(d.current?.pointer, '/b');
    ok(d.answerText('4'));
    assert.equal(d.current?.pointer, '/list/0/y');
    ok(d.answerText('2'));
    assert.ok(d.done);
    assert.deepEqual(d.arguments(), { a: 'given', b: 4, list: [{ x: '1', y: '2' }] });
    assert.equal(d.canGoBack, true);
    d.back();
    assert.equal(d.current?.pointer, '/list/0/y');
  });

  it('finish validates the whole schema with Ajv and names the field and the step to reopen', () => {
    // A constraint the steps cannot see: dependentRequired between siblings.
    const schema = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, dependentRequired: { a: ['b'] } };
    const d = new FormDriver(planForm(schema));
    ok(d.answerText('x'));
    ok(d.skip());
    const r = d.finish();
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.deepEqual(r.issues, [{ pointer: '/b', message: 'is required when a is set', stepIndex: 1 }]);
    d.reopen(1);
    assert.equal(d.current?.pointer, '/b');
    ok(d.answerText('y'));
    assert.ok(d.finish().ok);
    const e = new FormDriver(planForm({ type: 'object', properties: { p: { type: 'string' } }, required: ['p'], not: { properties: { p: { const: 'bad' } } } }));
    ok(e.answerText('bad'));
    const r2 = e.finish();
    assert.ok(!r2.ok);
    e.reopen(0);
    assert.equal(e.current?.pointer, '/p');
    ok(e.answerText('good'));
    assert.ok(e.finish().ok);
  });

  it('a pointer names fields whose keys need escaping', () => {
    const d = new FormDriver(planForm({ type: 'object', properties: { 'a/b': { type: 'string' }, 'c~d': { type: 'string' } }, required: ['a/b', 'c~d'] }));
    assert.equal(d.current?.pointer, '/a~1b');
    ok(d.answerText('1'));
    assert.equal(d.current?.pointer, '/c~0d');
    ok(d.answerText('2'));
    assert.deepEqual(d.arguments(), { 'a/b': '1', 'c~d': '2' });
  });
});

describe('forms: the last arguments offered first', () => {
  it('initial arguments pre-fill value steps and imply control answers (variant, add/done)', () => {
    const schema = {
      type: 'object', required: ['xs', 'v'],
      properties: {
        xs: { type: 'array', items: { type: 'string' } },
        v: { oneOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false }, { type: 'object', properties: { b: { type: 'integer' } }, required: ['b'], additionalProperties: false }] },
      },
    };
    const d = new FormDriver(planForm(schema), { initial: { xs: ['one'], v: { b: 2 } } });
    assert.equal(d.current?.kind, 'arrayNext');
    assert.equal(d.current?.previous, 'add');
    ok(d.answerValue(d.current?.previous));
    assert.equal(d.current?.previous, 'one');
    ok(d.answerValue('one'));
    assert.equal(d.current?.previous, 'done');
    ok(d.answerValue('done'));
    assert.equal(d.current?.kind, 'variant');
    assert.equal(d.current?.previous, 1);
  });
});
