/**
 * The planner against every tool of the reference servers (collected by
 * scripts/collect-tool-schemas.mjs) and hand-written shapes of other public servers: the plan
 * covers every property, and answering every step gives arguments Ajv accepts.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createAjv, describePlan, dialectOf, FormDriver, planForm } from '../../../src/core/forms';
import { autoDrive } from './autoAnswerer';

const DIR = path.resolve(__dirname, '../../../../test/fixtures/tool-schemas');
interface ToolFixture { name: string; inputSchema: Record<string, unknown> }
const load = (file: string): ToolFixture[] => (JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as { tools: ToolFixture[] }).tools;

/** Every property pointer a schema declares, as describePlan names them (items `-`, map values `*`), refs followed. */
function declaredPointers(schema: unknown, root: unknown, at = '', seen: string[] = []): string[] {
  if (!schema || typeof schema !== 'object') return [];
  let s = schema as Record<string, unknown>;
  if (typeof s.$ref === 'string') {
    if (seen.includes(s.$ref)) return [];
    const target = s.$ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], root);
    return declaredPointers(target, root, at, [...seen, s.$ref]);
  }
  const out: string[] = [];
  for (const m of [...((s.allOf as unknown[]) ?? [])]) out.push(...declaredPointers(m, root, at, seen));
  for (const m of [...((s.oneOf as unknown[]) ?? []), ...((s.anyOf as unknown[]) ?? [])]) out.push(...declaredPointers(m, root, at, seen));
  s = s as Record<string, Record<string, unknown>>;
  for (const [k, v] of Object.entries((s.properties as Record<string, unknown>) ?? {})) {
    const p = `${at}/${k}`;
    out.push(p, ...declaredPointers(v, root, p, seen));
  }
  if (s.items && typeof s.items === 'object' && !Array.isArray(s.items)) out.push(...declaredPointers(s.items, root, `${at}/-`, seen));
  return out;
}

for (const file of ['everything.json', 'filesystem.json', 'memory.json', 'public-shapes.json']) {
  const tools = load(file);
  const reference = file !== 'public-shapes.json';
  describe(`forms: every tool of ${file}`, () => {
    it('has tools', () => assert.ok(tools.length >= 9, `${tools.length} tools`));
    for (const tool of tools) {
      describe(tool.name, () => {
        it('the plan covers every property', () => {
          const fields = new Set(describePlan(tool.inputSchema).map((f) => f.pointer));
          for (const p of declaredPointers(tool.inputSchema, tool.inputSchema)) assert.ok(fields.has(p), `${p} is not in the plan`);
        });
        if (reference) {
          it('falls back to JSON nowhere', () => {
            assert.deepEqual(describePlan(tool.inputSchema).filter((f) => f.fallsBackToJson), []);
          });
        }
        it('every variant answered with valid values gives arguments Ajv accepts', () => {
          const ajv = createAjv(dialectOf(tool.inputSchema));
          const validate = ajv.compile({ ...tool.inputSchema, $schema: undefined });
          for (const pick of [0, 1, 2]) {
            const driver = new FormDriver(planForm(tool.inputSchema, tool.name));
            autoDrive(driver, pick);
            const r = driver.finish();
            assert.ok(r.ok, JSON.stringify(r));
            assert.ok(validate(r.arguments), `${JSON.stringify(r.arguments)}: ${ajv.errorsText(validate.errors)}`);
          }
        });
      });
    }
  });
}

describe('forms: the fixtures are the real tools/list output', () => {
  it('server-everything lists its elicitation, sampling and roots tools to a client that declares them', () => {
    const names = load('everything.json').map((t) => t.name);
    for (const n of ['echo', 'get-sum', 'trigger-sampling-request', 'trigger-elicitation-request', 'get-roots-list']) assert.ok(names.includes(n), n);
  });
  it('filesystem has 14 tools, memory 9', () => {
    assert.equal(load('filesystem.json').length, 14);
    assert.equal(load('memory.json').length, 9);
  });
});

describe('forms: tools needing no JSON fallback, on every fixture tool', () => {
  // issue 12: free-form objects (no declared properties) are key/value editors with typed values,
  // not JSON steps. Before that change: 52 of 56 tools (92.9%); after: 55 of 56 (98.2%): only the
  // recursive tree is left, its recursion point edited as JSON.
  it('at least 97% of the tools plan without a JSON step', () => {
    const tools = ['everything.json', 'filesystem.json', 'memory.json', 'public-shapes.json'].flatMap(load);
    const clean = tools.filter((t) => !describePlan(t.inputSchema).some((f) => f.fallsBackToJson));
    assert.deepEqual(tools.filter((t) => !clean.includes(t)).map((t) => t.name), ['recursive_tree']);
    assert.ok(clean.length / tools.length >= 0.97, `${clean.length}/${tools.length}`);
  });
  it('a free-form object is a map of typed values in both front ends', () => {
    const tool = load('public-shapes.json').find((t) => t.name === 'stripe_create_customer') as ToolFixture;
    const d = new FormDriver(planForm(tool.inputSchema, tool.name));
    d.answerText('a@example.com');
    assert.equal(d.current?.kind, 'mapNext');
    d.answerValue('add');
    d.answerText('plan');
    assert.equal(d.current?.kind, 'variant');
    assert.deepEqual(d.current?.choices?.map((c) => c.label), ['string', 'number', 'boolean', 'null', 'JSON']);
    d.answerValue(1);
    d.answerText('42');
    d.answerValue('done');
    d.skip();
    const r = d.finish();
    assert.deepEqual(r.ok && r.arguments, { email: 'a@example.com', metadata: { plan: 42 } });
  });
});
