/**
 * The one call pipeline (src/core/calls): resolve a target in a running server's lists, plan its
 * form, run it with cancellation and a timeout, and render what came back; against a real fixture
 * server (test/fixtures/servers/calls.mjs) over stdio, and server-everything for completions.
 */
import * as assert from 'node:assert/strict';
import { ServerRegistry } from '../../../src/core/connection/registry';
import type { ServerSnapshot } from '../../../src/core/connection/types';
import { promptArguments, runCall, templateUri, type CallOutcome } from '../../../src/core/calls/run';
import { callForm, completionRef, resolveTarget, TargetNotFoundError, type CallKind, type ResolvedTarget } from '../../../src/core/calls/target';
import { validateArguments } from '../../../src/core/forms/plan';
import { resourceContentsText } from '../../../src/core/results/resourceContents';
import { renderTerminal } from '../../../src/core/results/terminal';
import { assertNoChildren, fixture } from '../connection/helpers';

const TOKEN = 'sk-fixture-0123456789abcdefghij';

describe('calls: the call pipeline against a real server', function () {
  this.timeout(30_000);
  let registry: ServerRegistry;
  let id: string;
  const snapshot = (): ServerSnapshot => registry.get(id) as ServerSnapshot;
  const target = (kind: CallKind, name: string): ResolvedTarget => resolveTarget({ kind, server: id, name }, snapshot());
  const run = (kind: CallKind, name: string, args: Record<string, unknown> = {}, o: Partial<Parameters<typeof runCall>[3]> = {}) =>
    runCall(registry, target(kind, name), args, { timeoutMs: 20_000, ...o });
  const result = (o: CallOutcome) => {
    assert.equal(o.kind, 'result', o.kind === 'failed' ? o.error : '');
    return o as Extract<CallOutcome, { kind: 'result' }>;
  };

  before(async () => {
    registry = new ServerRegistry({ connectTimeoutMs: 15_000 });
    const def = fixture('calls', 'calls.mjs', [], { API_TOKEN: TOKEN });
    id = def.id;
    await registry.setDefinitions([def]);
    await registry.start(id);
    assert.equal(snapshot().state.kind, 'running', JSON.stringify(snapshot().state));
  });

  after(async () => {
    await registry.dispose();
    await assertNoChildren();
  });

  describe('resolve and plan', () => {
    it('finds tools and prompts by name; a missing one names what the server lists', () => {
      const add = target('tool', 'add');
      assert.ok(add.kind === 'tool' && add.tool.title === 'Add Numbers');
      assert.equal(target('prompt', 'greet').kind, 'prompt');
      assert.throws(() => target('tool', 'nope'), (e: Error) => e instanceof TargetNotFoundError && /^server "calls" has no tool named "nope" \(tools: add, fail, big, wait\)$/.test(e.message));
      assert.throws(() => target('prompt', 'add'), /has no prompt named "add" \(prompts: greet, leak\)/);
    });

    it('a resource template is found by its uriTemplate; any other template or URI resolves to itself', () => {
      const listed = target('resourceTemplate', 'fixture://item/{id}');
      assert.ok(listed.kind === 'resourceTemplate' && listed.template.name === 'item');
      const plain = target('resourceTemplate', 'fixture://blob');
      assert.deepEqual(plain.kind === 'resourceTemplate' && plain.template, { name: 'fixture://blob', uriTemplate: 'fixture://blob' });
    });

    it('plans a tool from its inputSchema, a prompt from its arguments (strings), a template from its variables (none for a URI)', () => {
      const tool = callForm(target('tool', 'add'));
      assert.equal(tool.label, 'Add Numbers');
      assert.equal(validateArguments(tool.plan, { a: 1, b: 2 }).valid, true);
      assert.equal(validateArguments(tool.plan, { a: '1', b: 2 }).valid, false);
      const prompt = callForm(target('prompt', 'greet'));
      assert.equal(prompt.label, 'prompt greet');
      assert.deepEqual((prompt.schema as { required: string[] }).required, ['name']);
      const template = callForm(target('resourceTemplate', 'fixture://item/{id}'));
      assert.deepEqual((template.schema as { required: string[] }).required, ['id']);
      assert.equal(validateArguments(template.plan, {}).valid, false);
      assert.equal(validateArguments(callForm(target('resourceTemplate', 'fixture://blob')).plan, {}).valid, true);
    });

    it('completion references: prompts and templates with variables, not tools', () => {
      assert.equal(completionRef(target('tool', 'add')), undefined);
      assert.deepEqual(completionRef(target('prompt', 'greet')), { type: 'ref/prompt', name: 'greet' });
      assert.deepEqual(completionRef(target('resourceTemplate', 'fixture://item/{id}')), { type: 'ref/resource', uri: 'fixture://item/{id}' });
      assert.equal(completionRef(target('resourceTemplate', 'fixture://blob')), undefined);
    });

    it('prompt arguments go as strings; a template without variables is its URI', () => {
      assert.deepEqual(promptArguments({ name: 'Ada', times: 3, opts: { a: 1 } }), { name: 'Ada', times: '3', opts: '{"a":1}' });
      assert.equal(templateUri('fixture://item/{id}', { id: 'a b' }), 'fixture://item/a%20b');
      assert.equal(templateUri('fixture://blob', { id: 'x' }), 'fixture://blob');
    });
  });

  describe('run and render', () => {
    it('a tool: its result rendered with the outputSchema verdict, the time in whole milliseconds', async () => {
      const o = result(await run('tool', 'add', { a: 2, b: 3 }));
      assert.deepEqual(o.raw.structuredContent, { sum: 5 });
      assert.equal(o.rendered.kind, 'tool');
      assert.equal(o.rendered.isError, false);
      const structured = o.rendered.parts.find((p) => p.kind === 'structured');
      assert.deepEqual(structured?.kind === 'structured' && structured.validation, { status: 'valid' });
      assert.ok(Number.isInteger(o.durationMs) && o.durationMs === o.rendered.durationMs);
    });

    it("a tool's isError is a result (the request succeeded), rendered as an error", async () => {
      const o = result(await run('tool', 'fail'));
      assert.equal(o.rendered.isError, true);
      assert.equal(o.rendered.errorMessage, 'it failed on purpose');
    });

    it('a prompt: any argument that is not a string is sent as its JSON text (prompts/get takes strings)', async () => {
      const o = result(await run('prompt', 'greet', { name: 'Ada', times: 3 }));
      assert.deepEqual(o.arguments, { name: 'Ada', times: '3' });
      assert.equal(o.rendered.kind, 'prompt');
      assert.match(renderTerminal(o.rendered), /^## user\nHello Ada x3\n/);
    });

    it('a resource template: the URI its variables make is read, the contents drawn by the one resource renderer', async () => {
      const o = result(await run('resourceTemplate', 'fixture://item/{id}', { id: '42' }));
      assert.equal(o.uri, 'fixture://item/42');
      assert.equal(o.rendered.kind, 'resource');
      assert.equal(resourceContentsText(o.rendered, { binaryHint: 'hint' }), '{\n  "id": "42"\n}');
      assert.equal(resourceContentsText(o.rendered, { binaryHint: 'hint', asSent: true }), '{"id":"42"}');
      const blob = result(await run('resourceTemplate', 'fixture://blob'));
      assert.equal(resourceContentsText(blob.rendered, { binaryHint: 'use --json for the base64 data' }), '[fixture://blob: application/octet-stream, 4 B; use --json for the base64 data]');
    });

    it('results over limitBytes are rendered cut, the full parts kept', async () => {
      const o = result(await run('tool', 'big', { bytes: 5000 }, { limitBytes: 1000 }));
      assert.equal(o.rendered.truncated, true);
      assert.ok(o.rendered.full);
      const p = o.rendered.parts[0];
      assert.deepEqual(p.kind === 'text' && p.truncated, { shownBytes: 1000, totalBytes: 5000 });
    });

    it("progress notifications reach onprogress; aborting cancels the request and the outcome says so", async () => {
      const ac = new AbortController();
      const seen: string[] = [];
      const o = await run('tool', 'wait', {}, {
        signal: ac.signal,
        onprogress: (p) => {
          if (p.kind === 'progress') seen.push(`${p.progress}/${p.total} ${p.message}`);
          ac.abort(new Error('cancelled by the test'));
        },
      });
      assert.deepEqual(seen, ['1/2 halfway']);
      assert.ok(o.kind === 'failed');
      assert.match(o.error, /cancelled by the test/);
      assert.equal(o.rendered.isError, true);
      assert.equal(o.rendered.errorMessage, o.error);
    });

    it('a request that outlives timeoutMs fails with a timeout', async () => {
      const o = await run('tool', 'wait', {}, { timeoutMs: 300 });
      assert.ok(o.kind === 'failed');
      assert.match(o.error, /timed out/i);
    });

    it("a failed request's message is redacted (the server's secrets never show), rendered as an error of its kind", async () => {
      const o = await run('prompt', 'leak');
      assert.ok(o.kind === 'failed');
      assert.match(o.error, /could not use token/);
      assert.ok(!o.error.includes(TOKEN), o.error);
      assert.ok(!JSON.stringify(o.rendered).includes(TOKEN));
      assert.equal(o.rendered.kind, 'prompt');
    });
  });
});
