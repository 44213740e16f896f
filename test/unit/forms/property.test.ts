/** fast-check: planning, describing and driving any schema never throws, and driven forms end. */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { describePlan, FormDriver, planForm } from '../../../src/core/forms';
import { answerFor } from './autoAnswerer';

const leaf = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'null') }, { requiredKeys: [] }),
  fc.record({ type: fc.constant('string'), minLength: fc.nat(5), maxLength: fc.nat(9), pattern: fc.constantFrom('^a', '[', 'x+', '^\\d+$'), format: fc.constantFrom('email', 'uri', 'date', 'uuid', 'nope') }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constantFrom('number', 'integer'), minimum: fc.integer({ min: -5, max: 5 }), maximum: fc.integer({ min: -5, max: 5 }), exclusiveMinimum: fc.oneof(fc.boolean(), fc.integer()), multipleOf: fc.constantFrom(0.5, 2, 3) }, { requiredKeys: ['type'] }),
  fc.record({ enum: fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean()), { maxLength: 4 }) }),
  fc.record({ const: fc.jsonValue() }),
  fc.record({ $ref: fc.constantFrom('#', '#/$defs/a', '#/$defs/b', '#/definitions/x', '#/nope', 'http://x/y', '#anchor', '#/%zz') }),
  fc.constantFrom(true, false, {}, { not: {} }, { type: ['string', 'null'] }, { type: [] }, { type: 42 }, { allOf: 'x' }, { oneOf: [] }),
);

const schema = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('object'), tie('array'), tie('combo'), tie('map')),
  object: fc.record({
    type: fc.constantFrom('object', ['object', 'null'], undefined),
    properties: fc.dictionary(fc.constantFrom('a', 'b', 'c/d', '~e', ''), tie('node'), { maxKeys: 4 }),
    required: fc.array(fc.constantFrom('a', 'b', 'c/d', 'zz'), { maxLength: 3 }),
    additionalProperties: fc.oneof(fc.boolean(), tie('node')),
  }, { requiredKeys: ['properties'] }),
  array: fc.record({ type: fc.constant('array'), items: fc.oneof(tie('node'), fc.array(tie('node'), { maxLength: 2 })), minItems: fc.nat(3), maxItems: fc.nat(3), uniqueItems: fc.boolean(), prefixItems: fc.array(tie('node'), { maxLength: 2 }) }, { requiredKeys: ['type'] }),
  map: fc.record({ type: fc.constant('object'), additionalProperties: tie('node'), patternProperties: fc.dictionary(fc.constantFrom('^a', '['), tie('node'), { maxKeys: 2 }), propertyNames: fc.record({ pattern: fc.constantFrom('^x', '(') }), minProperties: fc.nat(2), maxProperties: fc.nat(3) }, { requiredKeys: ['additionalProperties'] }),
  combo: fc.oneof(
    fc.record({ oneOf: fc.array(tie('node'), { maxLength: 3 }) }),
    fc.record({ anyOf: fc.array(tie('node'), { maxLength: 3 }), type: fc.constantFrom('object', 'string', undefined) }, { requiredKeys: ['anyOf'] }),
    fc.record({ allOf: fc.array(tie('node'), { maxLength: 3 }) }),
  ),
}));

const root = fc.record({
  type: fc.constantFrom('object', undefined),
  properties: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), schema.node, { maxKeys: 4 }),
  required: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  $defs: fc.record({ a: schema.node, b: schema.node }, { requiredKeys: [] }),
  definitions: fc.record({ x: schema.node }, { requiredKeys: [] }),
  $schema: fc.constantFrom('http://json-schema.org/draft-07/schema#', 'https://json-schema.org/draft/2020-12/schema', 'https://json-schema.org/draft/2019-09/schema', 'nonsense'),
}, { requiredKeys: ['properties'] });

describe('forms: property tests', function () {
  this.timeout(20_000);

  it('planning and describing any schema (even nonsense) never throws', () => {
    fc.assert(fc.property(fc.oneof(root, schema.node, fc.jsonValue()), (s) => {
      const plan = planForm(s);
      assert.ok(Array.isArray(describePlan(plan)));
      plan.validator.validate({});
    }), { numRuns: 300 });
  });

  it('driving any schema with the auto-answerer (or Back, or Skip) never throws and ends', () => {
    fc.assert(fc.property(root, fc.array(fc.nat(9), { minLength: 50, maxLength: 50 }), (s, moves) => {
      const d = new FormDriver(planForm(s));
      const counts = new Map<string, number>();
      for (let n = 0; d.current && n < 200; n++) {
        const step = d.current;
        const m = moves[n % moves.length];
        d.progress();
        if (m === 0 && n < 60) d.back();
        else if (m === 1 && !step.required) d.skip();
        else if (m === 2) d.answerText(step.initialText ?? '');
        else {
          const a = answerFor(step, counts, m % 3);
          const r = a === 'skip' ? d.skip() : d.answerValue(a);
          if (!r.ok && !step.required) d.skip();
          else if (!r.ok) return; // A schema no value satisfies (e.g. minimum > maximum): the form stops there, without throwing.
        }
      }
      if (d.done) d.finish();
    }), { numRuns: 200 });
  });
});
