/** Schema constructs: $ref/$defs with cycles, allOf, nullable variants, dialects; describePlan; prompts and URI templates. */
import * as assert from 'node:assert/strict';
import { samplePattern } from './patternSample';
import { describePlan, dialectOf, expandUriTemplate, FormDriver, planForm, promptArgumentsSchema, uriTemplateSchema, uriTemplateVariables, wholeFormAsJson } from '../../../src/core/forms';
import { MAX_DEPTH } from '../../../src/core/forms/classify';

describe('forms: schema constructs', () => {
  it('the dialect comes from $schema; 2020-12 when absent (spec 2025-11-25)', () => {
    assert.equal(dialectOf({}), '2020-12');
    assert.equal(dialectOf({ $schema: 'http://json-schema.org/draft-07/schema#' }), 'draft-07');
    assert.equal(dialectOf({ $schema: 'http://json-schema.org/draft-04/schema#' }), 'draft-07');
    assert.equal(dialectOf({ $schema: 'https://json-schema.org/draft/2019-09/schema' }), '2019-09');
    assert.equal(planForm({ $schema: 'http://json-schema.org/draft-07/schema#' }).dialect, 'draft-07');
  });

  it('2020-12 keywords are validated by the 2020-12 validator (prefixItems), draft-07 ones by draft-07 (items array)', () => {
    const p2020 = planForm({ type: 'array', prefixItems: [{ type: 'string' }], items: false });
    assert.equal(p2020.validator.validate(['a', 'b']).valid, false);
    assert.equal(p2020.validator.validate(['a']).valid, true);
    const p07 = planForm({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'array', items: [{ type: 'string' }], additionalItems: false });
    assert.equal(p07.validator.validate(['a', 'b']).valid, false);
  });

  it('local $ref with siblings; recursive $ref becomes a JSON step with a valid skeleton', () => {
    const schema = { type: 'object', $defs: { n: { type: 'object', properties: { v: { type: 'integer' }, next: { $ref: '#/$defs/n' } }, required: ['v'] } }, properties: { head: { $ref: '#/$defs/n', title: 'Head' } }, required: ['head'] };
    const fields = describePlan(schema);
    assert.deepEqual(fields.map((f) => [f.pointer, f.kind, f.fallsBackToJson]), [['', 'object', false], ['/head', 'object', false], ['/head/v', 'integer', false], ['/head/next', 'json', true]]);
    assert.equal(fields[1].title, 'Head');
    assert.match(fields[3].reason ?? '', /recursive/);
    const d = new FormDriver(planForm(schema));
    d.answerText('1');
    assert.equal(d.current?.kind, 'json');
    assert.deepEqual(JSON.parse(d.current?.initialText ?? ''), { v: 0 });
    assert.ok(d.answerText('{"v": 2, "next": {"v": 3}}').ok);
    assert.deepEqual(d.finish(), { ok: true, arguments: { head: { v: 1, next: { v: 2, next: { v: 3 } } } }, warning: undefined });
  });

  it('a $ref outside the schema, or pointing at nothing, is a JSON step with its reason', () => {
    const f = describePlan({ type: 'object', properties: { a: { $ref: 'https://example.com/s.json' }, b: { $ref: '#/$defs/missing' } } });
    assert.match(f[1].reason ?? '', /outside/);
    assert.match(f[2].reason ?? '', /nothing/);
  });

  it('allOf is merged: properties and required from every member, bounds tightened, validation exact', () => {
    const schema = { allOf: [{ type: 'object', properties: { a: { type: 'integer', minimum: 0 } }, required: ['a'] }, { properties: { a: { maximum: 5 }, b: { type: 'string' } } }] };
    const fields = describePlan(schema);
    assert.deepEqual(fields.map((f) => [f.pointer, f.kind, f.required]), [['', 'object', true], ['/a', 'integer', true], ['/b', 'string', false]]);
    const d = new FormDriver(planForm(schema));
    assert.match(d.current?.validate('6') ?? '', /5/, 'the bound from the second member');
  });

  it('nullable object via anyOf, nullable array, variants of types', () => {
    const fields = describePlan({ type: 'object', properties: { o: { anyOf: [{ type: 'object', properties: { x: { type: 'string' } } }, { type: 'null' }] }, xs: { type: ['array', 'null'], items: { type: 'number' } }, id: { type: ['string', 'integer'] } } });
    assert.deepEqual(fields.map((f) => [f.pointer, f.kind, f.nullable, f.variant ?? '']), [
      ['', 'object', false, ''], ['/o', 'object', true, ''], ['/o/x', 'string', false, ''], ['/xs', 'array', true, ''], ['/xs/-', 'number', false, ''],
      ['/id', 'variant', false, ''], ['/id', 'string', false, 'string'], ['/id', 'integer', false, 'integer'],
    ]);
  });

  it('describePlan lists defaults, choices, consts and the reason of each JSON fallback', () => {
    const f = describePlan({ type: 'object', properties: { e: { enum: [1, 2], default: 2 }, k: { const: 'x' }, any: {} }, required: ['e'] });
    assert.deepEqual(f[1], { pointer: '/e', kind: 'enum', title: 'e', description: undefined, required: true, nullable: false, default: 2, choices: [1, 2], fallsBackToJson: false });
    assert.equal(f[2].const, 'x');
    // a value of any type is a typed value (pick string, number, boolean, null or JSON), not a JSON fallback
    assert.deepEqual([f[3].kind, f[3].fallsBackToJson], ['variant', false]);
    assert.deepEqual(f.slice(4).map((x) => [x.variant, x.kind, x.fallsBackToJson]), [['string', 'string', false], ['number', 'number', false], ['boolean', 'boolean', false], ['null', 'const', false], ['JSON', 'json', false]]);
    assert.equal(describePlan({ type: 'object', properties: { x: { not: { type: 'string' } } } })[1].reason, 'only a `not` constraint');
  });

  it('prompt arguments plan as a form of strings with their required flags', () => {
    const schema = promptArgumentsSchema([{ name: 'city', description: 'Where', required: true }, { name: 'style' }]);
    const d = new FormDriver(planForm(schema));
    assert.equal(d.current?.title, 'city');
    assert.equal(d.current?.description, 'Where');
    d.answerText('Paris');
    d.skip();
    assert.deepEqual(d.finish(), { ok: true, arguments: { city: 'Paris' }, warning: undefined });
  });

  it('URI template variables plan as required strings and expand with percent-encoding', () => {
    assert.deepEqual(uriTemplateVariables('demo://resource/dynamic/{kind}/{resourceId}'), ['kind', 'resourceId']);
    const d = new FormDriver(planForm(uriTemplateSchema('demo://resource/dynamic/text/{resourceId}')));
    assert.match(d.current?.validate('') ?? '', /empty/);
    d.answerText('a b');
    const r = d.finish();
    assert.ok(r.ok);
    assert.equal(expandUriTemplate('demo://resource/dynamic/text/{resourceId}', r.arguments as Record<string, unknown>), 'demo://resource/dynamic/text/a%20b');
  });
});

describe('forms: the auto-answerer helper', () => {
  it('samples simple patterns', () => {
    for (const p of ['^[A-Z]{2,5}-\\d+$', '^v?\\d+\\.\\d+\\.\\d+(-[a-z]+)?$', '^[0-9a-f]{7,40}$', '^(foo|ba)r$', '[^x]+']) {
      const s = samplePattern(p);
      assert.ok(s !== undefined && new RegExp(p, 'u').test(s), `${p} → ${s}`);
    }
    assert.equal(samplePattern('(?=a)a'), undefined);
  });
});

describe('forms: "Edit as JSON…" round trip', () => {
  it('a driver resumed from edited JSON fills every valid field and stops at the first refused one', () => {
    const plan = planForm({ type: 'object', properties: { a: { type: 'string' }, n: { type: 'integer', maximum: 3 }, o: { type: 'boolean' } }, required: ['a', 'n'] });
    const d = new FormDriver(plan, { initial: { a: 'x', n: 9 }, ask: 'missing' });
    assert.equal(d.current?.pointer, '/n');
    assert.equal(d.current?.previous, 9);
    assert.ok(d.answerText('2').ok);
    assert.deepEqual(d.finish(), { ok: true, arguments: { a: 'x', n: 2 }, warning: undefined });
  });
});

describe('forms: size guard', () => {
  it('shared $refs that multiply per level (2^30 paths) are planned in bounded time, the excess as JSON', () => {
    const $defs: Record<string, unknown> = { d0: { type: 'string' } };
    for (let i = 1; i <= 30; i++) $defs[`d${i}`] = { type: 'object', properties: { l: { $ref: `#/$defs/d${i - 1}` }, r: { $ref: `#/$defs/d${i - 1}` } } };
    const fields = describePlan({ $defs, $ref: '#/$defs/d30' });
    assert.ok(fields.some((f) => f.fallsBackToJson && /more than 2000 fields/.test(f.reason ?? '')));
  });
});

describe('forms: hostile schemas', () => {
  it('a root that refers to itself is no form at all: the whole arguments are JSON, with the reason', () => {
    const plan = planForm({ type: 'object', $ref: '#' }, 'self-ref');
    assert.equal(wholeFormAsJson(plan), '$ref "#" is recursive');
    assert.equal(wholeFormAsJson(planForm({ type: 'object', properties: { a: { type: 'string' } } })), undefined);
    assert.equal(wholeFormAsJson(planForm({ type: 'object' })), undefined, 'no arguments is a form with no fields, not JSON');
  });

  it('a schema 50 levels deep: the planner stops at MAX_DEPTH with a JSON step that says so, and describe lists it', () => {
    let schema: Record<string, unknown> = { type: 'object', properties: { leaf: { type: 'string' } } };
    for (let i = 1; i < 50; i++) schema = { type: 'object', properties: { a: schema } };
    const fields = describePlan(schema);
    const last = fields[fields.length - 1];
    assert.equal(last.pointer, '/a'.repeat(MAX_DEPTH));
    assert.deepEqual([last.kind, last.fallsBackToJson, last.reason], ['json', true, `the schema nests more than ${MAX_DEPTH} levels deep: too deep for a form`]);
    assert.equal(wholeFormAsJson(planForm(schema)), undefined, 'the levels above still form fields');
  });
});
