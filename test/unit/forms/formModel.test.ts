/**
 * The form view's model: derived from the plan (no second reading of the schema), serialisable to
 * a webview, with the rule that picks the form view, and the per-field Ajv issues it shows.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkFormValue, chooseFormFrontEnd, FORM_VIEW_THRESHOLD, formModel, planForm, variantIndexFor, type FormNode } from '../../../src/core/forms';

const DIR = path.resolve(__dirname, '../../../../test/fixtures/tool-schemas');
const tool = (file: string, name: string) => (JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { tools: { name: string; inputSchema: unknown }[] }).tools.find((t) => t.name === name)!.inputSchema;

describe('forms: the form view model', () => {
  it('create_entities: an array of objects with an array of strings, titles, required flags, hints', () => {
    const m = formModel(planForm(tool('memory.json', 'create_entities'), 'create_entities'));
    const entities = m.root.properties?.[0];
    assert.equal(entities?.name, 'entities');
    assert.equal(entities?.required, true);
    assert.equal(entities?.field.kind, 'array');
    const item = entities?.field.items as FormNode;
    assert.deepEqual(item.properties?.map((p) => [p.name, p.field.kind, p.required]), [['name', 'string', true], ['entityType', 'string', true], ['observations', 'array', true]]);
    assert.equal(item.properties?.[0].field.description, 'The name of the entity');
    assert.equal(item.properties?.[2].field.items?.kind, 'string');
    assert.equal(m.repeats, true);
  });

  it('is plain data: cloneable as postMessage sends it, with no schema inside', () => {
    for (const [file, name] of [['memory.json', 'create_entities'], ['public-shapes.json', 'oneof_variants'], ['public-shapes.json', 'maps_and_multiselect'], ['public-shapes.json', 'recursive_tree']]) {
      const m = formModel(planForm(tool(file, name), name));
      assert.doesNotThrow(() => structuredClone(m), name); // no function, no class instance (postMessage clones it)
      assert.ok(!JSON.stringify(m).includes('"schema"'), name);
      assert.ok(!JSON.stringify(m).includes('"sources"'), name);
    }
  });

  it('carries bounds hints, defaults, examples, nullable, choices, variants, maps and the JSON fallback reason', () => {
    const m = formModel(planForm({
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 1, maximum: 10, default: 3 },
        s: { type: 'string', examples: ['C01234567'], format: 'email' },
        e: { enum: ['a', 'b', null] },
        v: { oneOf: [{ type: 'string' }, { type: 'object', properties: { x: { type: 'number' } } }] },
        env: { type: 'object', additionalProperties: { type: 'string' }, propertyNames: { pattern: '^[A-Z]+$' } },
        free: { type: 'object' },
      },
    }));
    const [n, s, e, v, env, free] = m.root.properties!.map((p) => p.field);
    assert.deepEqual([n.hint, n.default, n.hasDefault], ['integer, 1 ≤ n ≤ 10', 3, true]);
    assert.deepEqual([s.examples, s.format], [['C01234567'], 'email']);
    assert.deepEqual([e.nullable, e.choices?.map((c) => c.value)], [true, ['a', 'b']]);
    assert.deepEqual(v.variants?.map((x) => x.field.kind), ['string', 'object']);
    assert.deepEqual([env.kind, env.values?.kind, env.key?.pattern], ['map', 'string', '^[A-Z]+$']);
    // a free-form object: a map whose values are typed (string, number, boolean, null, JSON)
    assert.deepEqual([free.kind, free.values?.kind, free.values?.variants?.map((x) => x.label)], ['map', 'variant', ['string', 'number', 'boolean', 'null', 'JSON']]);
    assert.equal(free.values?.variants?.[4].field.byChoice, true);
  });

  it('picks a variant for a given value by its type', () => {
    const m = formModel(planForm({ type: 'object', properties: { v: { oneOf: [{ type: 'object', properties: { kind: { const: 'circle' }, r: { type: 'number' } } }, { type: 'object', properties: { kind: { const: 'square' }, side: { type: 'number' } } }] }, t: {} } }));
    const [v, t] = m.root.properties!.map((p) => p.field);
    assert.equal(variantIndexFor(v, { kind: 'square', side: 2 }), 1);
    assert.equal(variantIndexFor(v, { kind: 'circle' }), 0);
    assert.deepEqual([true, 4, 'x', null, [1], { a: 1 }].map((x) => variantIndexFor(t, x)), [2, 1, 0, 3, 4, 4]);
  });

  it(`opens the form view past ${FORM_VIEW_THRESHOLD} inputs or for an array of objects; the setting overrides`, () => {
    const echo = planForm(tool('everything.json', 'echo'));
    const entities = planForm(tool('memory.json', 'create_entities'));
    const wide = planForm({ type: 'object', properties: Object.fromEntries(Array.from({ length: FORM_VIEW_THRESHOLD + 1 }, (_, i) => [`p${i}`, { type: 'string' }])) });
    const narrow = planForm({ type: 'object', properties: Object.fromEntries(Array.from({ length: FORM_VIEW_THRESHOLD }, (_, i) => [`p${i}`, { type: 'string' }])) });
    assert.deepEqual([echo, entities, wide, narrow].map((p) => chooseFormFrontEnd(p, 'auto')), ['inputBoxes', 'formView', 'formView', 'inputBoxes']);
    assert.equal(chooseFormFrontEnd(entities, 'inputBoxes'), 'inputBoxes');
    assert.equal(chooseFormFrontEnd(echo, 'formView'), 'formView');
  });

  it('checks the arguments with Ajv and names each field', () => {
    const plan = planForm(tool('memory.json', 'create_entities'));
    const bad = checkFormValue(plan, { entities: [{ name: 'a', observations: ['x'] }] });
    assert.equal(bad.valid, false);
    assert.deepEqual(bad.issues.map((i) => i.pointer), ['/entities/0/entityType']);
    assert.equal(checkFormValue(plan, { entities: [{ name: 'a', entityType: 'person', observations: ['x'] }] }).valid, true);
  });
});
