/**
 * `mcp-devtools call` (dist/cli.js) of tools that run as tasks (spec 2025-11-25), over real stdio:
 * server-everything's `simulate-research-query` and the fixture tasks.mjs, named in a config file in
 * a temporary folder. The status goes to stderr, one plain line per change (no terminal here).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { taskStatusReporter } from '../../../src/cli/taskStatus';
import { assertNoChildren, EVERYTHING, FIXTURES, runCli, type CliRun } from '../connection/helpers';

describe('cli: mcp-devtools call of task tools', function () {
  // six CLI processes, each with its server, start at once: on a loaded machine that takes a while
  this.timeout(120_000);
  let dir: string;
  const runs: Record<string, CliRun> = {};

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-tasks-'));
    writeFileSync(path.join(dir, '.mcp.json'), JSON.stringify({
      mcpServers: {
        everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] },
        tasks: { command: process.execPath, args: [path.join(FIXTURES, 'tasks.mjs')] },
      },
    }));
    const bees = ['call', 'everything', 'simulate-research-query', '--args', '{"topic":"bees"}'];
    const todo: Record<string, string[]> = {
      bees,
      beesJson: [...bees, '--json'],
      ambiguous: ['call', 'everything', 'simulate-research-query', '--args', '{"topic":"bees","ambiguous":true}', '--elicit', 'defaults'],
      fails: ['call', 'tasks', 'fails'],
      breaks: ['call', 'tasks', 'breaks'],
      eitherTask: ['call', 'tasks', 'either', '--task'],
      both: ['call', 'tasks', 'either', '--task', '--no-task'],
      promptTask: ['prompt', 'everything', 'simple-prompt', '--task'],
    };
    await Promise.all(Object.entries(todo).map(async ([k, args]) => (runs[k] = await runCli(args, dir))));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('call simulate-research-query waits for the task and prints its result (exit 0), the status on stderr', () => {
    const r = runs.bees;
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /# Research Report: bees/);
    assert.match(r.stderr, /^task working: Gathering sources\.\.\.$/m);
    assert.match(r.stderr, /^task completed/m);
    assert.ok(!r.stdout.includes('task working'), 'no status on stdout');
  });

  it('--json prints only the raw result on stdout', () => {
    const r = runs.beesJson;
    assert.equal(r.status, 0, r.stderr);
    const raw = JSON.parse(r.stdout);
    assert.match(raw.content[0].text, /Research Report: bees/);
    assert.match(r.stderr, /^task completed/m);
  });

  it('input_required is answered as --elicit says, and the task completes', () => {
    const r = runs.ambiguous;
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /^task input_required: Found multiple interpretations for "bees"/m);
    assert.match(r.stdout, /Research Report: bees \(/);
  });

  it('a task that ends failed is an error: its isError result (exit 1), or its statusMessage when it has none', () => {
    assert.equal(runs.fails.status, 1);
    assert.match(runs.fails.stdout + runs.fails.stderr, /the job broke: disk full/);
    assert.match(runs.fails.stderr, /^task failed/m);
    assert.equal(runs.breaks.status, 1);
    assert.match(runs.breaks.stderr, /calling breaks on "tasks" failed: the task failed: the worker crashed/);
  });

  // the plain call of an optional tool and --no-task's plain call of a required one: test/unit/calls/tasks.test.ts (the same runCall)
  it('--task calls an optional task tool as a task; --task with --no-task, or --task on prompt, are usage errors', () => {
    assert.equal(runs.eitherTask.status, 0, runs.eitherTask.stderr);
    assert.match(runs.eitherTask.stderr, /^task completed/m);
    assert.equal(runs.both.status, 2);
    assert.match(runs.both.stderr, /give --task or --no-task, not both/);
    assert.equal(runs.promptTask.status, 2);
  });
});

describe('cli: the task status on a terminal', () => {
  const task = (status: 'working' | 'input_required' | 'completed', statusMessage?: string) =>
    ({ kind: 'task' as const, task: { taskId: 't1', status, statusMessage, ttl: null, createdAt: '', lastUpdatedAt: '' } });

  it('rewrites one line for working and progress, leaves input_required and the end standing, clears the line at the end', () => {
    const events: string[] = [];
    const io = { out: () => undefined, err: (t: string) => events.push(`err ${t}`), cwd: '.', env: {}, statusLine: (t: string | undefined) => events.push(t === undefined ? 'clear' : `line ${t}`) };
    const r = taskStatusReporter(io);
    r.onprogress({ kind: 'progress', progress: 1 });
    r.onprogress(task('working', 'step 1'));
    r.onprogress({ kind: 'progress', progress: 2, total: 4, message: 'half' });
    r.onprogress(task('input_required', 'which one?'));
    r.onprogress(task('working'));
    r.onprogress(task('completed'));
    r.end();
    assert.deepEqual(events, [
      'line task working: step 1',
      'line task working: step 1 · 2 of 4: half',
      'clear', 'err task input_required: which one?',
      'line task working',
      'clear', 'err task completed',
    ]);
  });

  it('without a terminal, prints a line per change on stderr', () => {
    const lines: string[] = [];
    const r = taskStatusReporter({ out: () => undefined, err: (t) => lines.push(t), cwd: '.', env: {} });
    r.onprogress(task('working', 'a'));
    r.onprogress(task('completed'));
    r.end();
    assert.deepEqual(lines, ['task working: a', 'task completed']);
  });
});
