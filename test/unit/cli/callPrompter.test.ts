/** The terminal prompter: numbered choices, Enter for defaults, `-` to skip, `<` to go back, retries on bad input. */
import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { fillArguments } from '../../../src/cli/callArgs';
import { promptForm } from '../../../src/cli/formPrompter';
import { FormDriver, planForm } from '../../../src/core/forms';

/** Runs the prompter over scripted input lines; returns the arguments and everything it printed. */
async function run(schema: unknown, lines: string[], initial?: Record<string, unknown>): Promise<{ outcome: string; args: unknown; out: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d));
  input.end(lines.map((l) => l + '\n').join(''));
  const driver = new FormDriver(planForm(schema), { initial, ask: initial ? 'missing' : 'all' });
  const outcome = await promptForm(driver, { input, output });
  return { outcome, args: driver.arguments(), out };
}

describe('cli: the terminal form prompter', () => {
  const schema = {
    type: 'object',
    properties: {
      level: { type: 'integer', enum: [1, 2, 3], enumNames: ['low', 'mid', 'high'] },
      count: { type: 'integer', minimum: 1, default: 5 },
      tags: { type: 'array', items: { type: 'string' } },
      note: { type: 'string' },
    },
    required: ['level', 'count', 'tags'],
  };

  it('numbers pick choices, Enter takes the default, bad input is asked again, - skips', async () => {
    const r = await run(schema, ['9', '2', '', '1', 'first', '2', '-']);
    assert.equal(r.outcome, 'done');
    assert.deepEqual(r.args, { level: 2, count: 5, tags: ['first'] });
    assert.match(r.out, /1\/\d+ · \/level {2}level\n {2}1\) low\n {2}2\) mid\n {2}3\) high/);
    assert.match(r.out, /✗ Pick one of: low, mid, high/);
    assert.match(r.out, /Enter = 5/);
  });

  it('< goes back and Enter keeps the earlier answer', async () => {
    const r = await run(schema, ['high', '7', '<', '', '2', '-']);
    assert.deepEqual(r.args, { level: 3, count: 7, tags: [] });
  });

  it('with given arguments only the missing required fields are asked; end of input cancels', async () => {
    const r = await run(schema, ['3'], { level: 1, tags: ['x'] });
    assert.deepEqual(r.args, { level: 1, count: 3, tags: ['x'] });
    const c = await run(schema, []);
    assert.equal(c.outcome, 'cancelled');
  });

  it('fillArguments asks on a terminal and validates otherwise', async () => {
    const plan = planForm({ type: 'object', properties: { m: { type: 'string' } }, required: ['m'] });
    const input = new PassThrough();
    input.end('typed\n');
    assert.deepEqual(await fillArguments(plan, {}, { validate: true, streams: { input, output: new PassThrough() } }), { args: { m: 'typed' } });
    assert.deepEqual(await fillArguments(plan, { m: 'given' }, { validate: true }), { args: { m: 'given' } });
    const bad = await fillArguments(plan, {}, { validate: true });
    assert.ok('error' in bad && /m is required/.test(bad.error));
    assert.deepEqual(await fillArguments(plan, {}, { validate: false }), { args: {} });
  });
});
