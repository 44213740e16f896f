/**
 * Tools called as tasks (spec 2025-11-25) through the one call pipeline (`core/calls/run.ts` →
 * `task.ts`), over real stdio: server-everything's `simulate-research-query` (statuses with
 * messages, `input_required` answered through elicitation, cancel), and the fixture
 * test/fixtures/servers/tasks.mjs for the endings server-everything never reaches (failed with and
 * without a result, progress during a task, an optional task tool).
 */
import * as assert from 'node:assert/strict';
import type { ElicitRequest } from '@modelcontextprotocol/sdk/types.js';
import { ServerRegistry } from '../../../src/core/connection/registry';
import type { ServerSnapshot } from '../../../src/core/connection/types';
import { callsAsTask, runCall, type CallOutcome, type RunOptions } from '../../../src/core/calls/run';
import { resolveTarget } from '../../../src/core/calls/target';
import type { CallProgress } from '../../../src/core/calls/task';
import { renderTerminal } from '../../../src/core/results/terminal';
import { assertNoChildren, EVERYTHING, fixture, stdio } from '../connection/helpers';

const texts = (o: CallOutcome) => o.rendered.parts.map((p) => ('text' in p ? p.text : '')).join('\n');
const statuses = (seen: CallProgress[]) => seen.flatMap((p) => (p.kind === 'task' ? [`${p.task.status}${p.task.statusMessage ? `: ${p.task.statusMessage}` : ''}`] : []));

describe('calls: tools called as tasks (spec 2025-11-25) over real stdio', function () {
  this.timeout(60_000);
  let registry: ServerRegistry;
  const elicitations: ElicitRequest['params'][] = [];
  const ids = { everything: '', tasks: '' };
  const target = (server: keyof typeof ids, name: string) => resolveTarget({ kind: 'tool', server: ids[server], name }, registry.get(ids[server]) as ServerSnapshot);
  const run = (server: keyof typeof ids, name: string, args: Record<string, unknown> = {}, o: Partial<RunOptions> = {}) => {
    const seen: CallProgress[] = [];
    const outcome = runCall(registry, target(server, name), args, { timeoutMs: 20_000, onprogress: (p) => seen.push(p), ...o });
    return outcome.then((outcome) => ({ outcome, seen }));
  };

  before(async () => {
    registry = new ServerRegistry({
      connectTimeoutMs: 20_000,
      // the elicitation capability is what makes server-everything ask (`ambiguous`); answered like a user picking "historical"
      requests: () => ({ elicit: async (params) => (elicitations.push(params), { action: 'accept', content: { interpretation: 'historical' } }) }),
    });
    const everything = stdio('everything', process.execPath, [EVERYTHING, 'stdio']);
    const tasks = fixture('tasks', 'tasks.mjs');
    ids.everything = everything.id;
    ids.tasks = tasks.id;
    await registry.setDefinitions([everything, tasks]);
    await Promise.all([registry.start(everything.id), registry.start(tasks.id)]);
    registry.setTrace(true);
    for (const id of Object.values(ids)) assert.equal(registry.get(id)?.state.kind, 'running', JSON.stringify(registry.get(id)?.state));
  });

  after(async () => {
    await registry.dispose();
    await assertNoChildren();
  });

  const sent = (id: string, method: string) => registry.logs(id).filter((e) => e.kind === 'trace' && e.direction === 'send' && e.method === method).length;

  it("a tool's taskSupport counts only when the server declares tasks.requests.tools.call; which calls become tasks", () => {
    const research = target('everything', 'simulate-research-query');
    assert.equal(research.kind === 'tool' && research.taskSupport, 'required');
    const echo = target('everything', 'echo');
    assert.equal(echo.kind === 'tool' && echo.taskSupport, 'forbidden');
    assert.deepEqual(['required', 'optional', 'forbidden', undefined].map((s) => callsAsTask(s as never)), [true, false, false, false]);
    assert.deepEqual(['required', 'optional', 'forbidden'].map((s) => callsAsTask(s as never, 'whenSupported')), [true, true, false]);
    assert.equal(callsAsTask('required', 'never'), false);
  });

  it('simulate-research-query runs as a task: every status with its message, then the result from tasks/result', async () => {
    const { outcome, seen } = await run('everything', 'simulate-research-query', { topic: 'bees' });
    assert.equal(outcome.kind, 'result', outcome.kind === 'failed' ? outcome.error : '');
    assert.match(texts(outcome), /# Research Report: bees/);
    assert.equal(outcome.rendered.isError, false);
    assert.equal(outcome.task?.status, 'completed');
    const s = statuses(seen);
    assert.match(s[0], /^working: Gathering sources/, s.join(' | '));
    // one poll a second (the task's pollInterval) over four one-second stages: most stages are seen, each once
    assert.ok(new Set(s.filter((x) => x.startsWith('working'))).size >= 2, s.join(' | '));
    assert.equal(new Set(s).size, s.length, `each status reported once: ${s.join(' | ')}`);
    assert.equal(s[s.length - 1].split(':')[0], 'completed');
    assert.ok(sent(ids.everything, 'tasks/get') >= 3, 'polled tasks/get');
    assert.ok(sent(ids.everything, 'tasks/result') >= 1, 'fetched tasks/result');
  });

  it('input_required is answered through the client\'s elicitation handler, and the task goes on with the answer', async () => {
    elicitations.length = 0;
    const { outcome, seen } = await run('everything', 'simulate-research-query', { topic: 'bees', ambiguous: true });
    assert.equal(outcome.kind, 'result', outcome.kind === 'failed' ? outcome.error : '');
    const s = statuses(seen);
    const asked = s.findIndex((x) => x.startsWith('input_required'));
    assert.ok(asked > 0, s.join(' | '));
    assert.ok(s.slice(asked).some((x) => x.startsWith('working: Continuing with interpretation: "historical"')), s.join(' | '));
    assert.equal(elicitations.length, 1);
    assert.match(elicitations[0].message, /multiple interpretations/);
    assert.match(texts(outcome), /Clarification\*\*: historical/);
  });

  it('aborting mid-task sends tasks/cancel: the outcome is failed, the task cancelled', async () => {
    const ac = new AbortController();
    const before = sent(ids.everything, 'tasks/cancel');
    const seen: CallProgress[] = [];
    const { outcome } = await run('everything', 'simulate-research-query', { topic: 'bees' }, {
      signal: ac.signal,
      onprogress: (p) => {
        seen.push(p);
        if (p.kind === 'task' && p.task.statusMessage) ac.abort(new Error('cancelled by the test'));
      },
    });
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.error, 'cancelled by the test');
    assert.equal(outcome.rendered.isError, true);
    assert.equal(outcome.task?.status, 'cancelled');
    assert.equal(sent(ids.everything, 'tasks/cancel'), before + 1);
    assert.match(statuses(seen).at(-1) ?? '', /^cancelled/);
    const again = await registry.tasks(ids.everything).getTask(outcome.task.taskId);
    assert.equal(again.status, 'cancelled', 'the server has it cancelled');
  });

  it('a task that ends failed with an isError result renders as an error result with that content', async () => {
    const { outcome, seen } = await run('tasks', 'fails');
    assert.equal(outcome.kind, 'result', outcome.kind === 'failed' ? outcome.error : '');
    assert.equal(outcome.task?.status, 'failed');
    assert.equal(outcome.rendered.isError, true);
    assert.match(texts(outcome), /the job broke: disk full/);
    assert.ok(statuses(seen).includes('working: checking the disk'), statuses(seen).join(' | '));
    assert.match(renderTerminal(outcome.rendered), /disk full/);
  });

  it('a task that ends failed with no result fails the call with its statusMessage', async () => {
    const { outcome } = await run('tasks', 'breaks');
    assert.ok(outcome.kind === 'failed');
    assert.match(outcome.error, /^the task failed: the worker crashed \(tasks\/result: /);
    assert.equal(outcome.task?.status, 'failed');
    assert.equal(outcome.rendered.isError, true);
  });

  it("progress notifications on the creating request's token arrive during the task; cancel reaches the server", async () => {
    const ac = new AbortController();
    const seen: CallProgress[] = [];
    const { outcome } = await run('tasks', 'forever', {}, {
      signal: ac.signal,
      onprogress: (p) => {
        seen.push(p);
        if (p.kind === 'progress') ac.abort(new Error('enough'));
      },
    });
    assert.ok(outcome.kind === 'failed');
    assert.equal(outcome.task?.status, 'cancelled', outcome.error);
    const progress = seen.find((p) => p.kind === 'progress');
    assert.deepEqual(progress && progress.kind === 'progress' && [progress.progress, progress.total, progress.message], [1, 10, 'one tenth']);
    await new Promise<void>((resolve) => {
      const check = () => (registry.logs(ids.tasks).some((e) => e.kind === 'stderr' && /cancelled: Client cancelled task execution/.test(e.text)) ? resolve() : setTimeout(check, 50));
      check();
    });
  });

  it("an optional task tool is a plain call by default, a task when asked; 'never' sends a required one plain and shows the server's refusal", async () => {
    const plain = await run('tasks', 'either');
    assert.equal(plain.outcome.kind, 'result');
    assert.equal(plain.outcome.task, undefined);
    assert.match(texts(plain.outcome), /done/);
    const asTask = await run('tasks', 'either', {}, { tasks: 'whenSupported' });
    assert.equal(asTask.outcome.task?.status, 'completed');
    assert.match(texts(asTask.outcome), /done/);
    // McpServer answers its own -32601 as an isError result
    const refused = await run('tasks', 'fails', {}, { tasks: 'never' });
    assert.equal(refused.outcome.task, undefined);
    assert.equal(refused.outcome.rendered.isError, true);
    assert.match(texts(refused.outcome), /-32601.*requires task augmentation/);
  });
});
