/**
 * `mcp-devtools call`, `describe` and `prompt` (dist/cli.js) against server-everything,
 * filesystem and memory over stdio.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ToolPlanDescription } from '../../../src/cli/describe';
import { assertNoChildren, EVERYTHING, FILESYSTEM, MEMORY, runCli, type CliRun } from '../connection/helpers';



describe('cli: mcp-devtools call / describe / prompt', function () {
  this.timeout(60_000);
  let dir: string;
  type Run = CliRun;
  const runs: Record<string, Run> = {};

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-call-'));
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, 'hello.txt'), 'hello from a file\n');
    writeFileSync(path.join(dir, 'args.json'), JSON.stringify({ path: path.join(dir, 'missing.txt') }));
    writeFileSync(path.join(dir, '.vscode', 'mcp.json'), JSON.stringify({
      servers: {
        everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] },
        filesystem: { command: process.execPath, args: [FILESYSTEM, dir] },
        memory: { command: process.execPath, args: [MEMORY], env: { MEMORY_FILE_PATH: path.join(dir, 'memory.jsonl') } },
      },
    }));
    // Every run at once: the servers' start-up overlaps, which keeps this suite fast.
    const todo: Record<string, string[]> = {
      describeEverything: ['describe', 'everything', '--json'],
      describeFilesystem: ['describe', 'filesystem', '--json'],
      describeMemory: ['describe', 'memory', '--json'],
      describeOne: ['describe', 'everything', 'get-resource-links'],
      echo: ['call', 'everything', 'echo', '--args', '{"message":"hello there"}'],
      echoJson: ['call', 'everything', 'echo', '--args', '{"message":"raw"}', '--json'],
      isError: ['call', 'filesystem', 'read_text_file', '--args-file', 'args.json'],
      readOk: ['call', 'filesystem', 'read_text_file', '--args', JSON.stringify({ path: path.join(dir, 'hello.txt') })],
      wrong: ['call', 'memory', 'create_entities', '--args', '{"entities":[{"name":"a","entityType":"t","observations":[3]}]}'],
      badJson: ['call', 'everything', 'echo', '--args', '{'],
      prompt: ['prompt', 'everything', 'args-prompt', '--args', '{"city":"Paris"}'],
    };
    await Promise.all(Object.entries(todo).map(async ([k, args]) => (runs[k] = await runCli(args, dir))));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('describe --json reports no JSON fallback for any tool of everything, filesystem and memory', () => {
    const all = [runs.describeEverything, runs.describeFilesystem, runs.describeMemory];
    for (const r of all) assert.equal(r.status, 0, r.stderr);
    const plans = all.map((r) => JSON.parse(r.stdout) as ToolPlanDescription[]);
    assert.ok(plans[0].length >= 13 && plans[1].length === 14 && plans[2].length === 9, plans.map((p) => p.length).join(' '));
    for (const p of plans.flat()) {
      assert.equal(p.fallsBackToJson, false, p.tool);
      for (const f of p.fields) assert.equal(Object.keys(f).filter((k) => ['pointer', 'kind', 'required', 'fallsBackToJson'].includes(k)).length, 4);
    }
    const edit = plans[1].find((p) => p.tool === 'edit_file');
    assert.deepEqual(edit?.fields.map((f) => [f.pointer, f.kind, f.required, f.default]), [
      ['', 'object', true, undefined], ['/path', 'string', true, undefined], ['/edits', 'array', true, undefined], ['/edits/-', 'object', true, undefined],
      ['/edits/-/oldText', 'string', true, undefined], ['/edits/-/newText', 'string', true, undefined], ['/dryRun', 'boolean', false, false],
    ]);
  });

  it('describe prints the fields of one tool', () => {
    const r = runs.describeOne;
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^get-resource-links — .*\(JSON Schema draft-07\)\n {2}\/count {2}number, optional, default 3 {2}— Number of resource links/);
  });

  it('call prints the rendered result of echo; --json prints the raw result', () => {
    assert.equal(runs.echo.status, 0, runs.echo.stderr);
    assert.match(runs.echo.stdout, /^Echo: hello there\n— \d+ ms, \d+ B\n$/);
    assert.equal(runs.echoJson.status, 0, runs.echoJson.stderr);
    assert.deepEqual(JSON.parse(runs.echoJson.stdout), { content: [{ type: 'text', text: 'Echo: raw' }] });
  });

  it('exit 1 when the result has isError, with the server\'s message; structuredContent is checked', () => {
    assert.equal(runs.isError.status, 1);
    assert.match(runs.isError.stdout, /^Error: .*ENOENT/);
    assert.equal(runs.readOk.status, 0, runs.readOk.stderr);
    assert.match(runs.readOk.stdout, /hello from a file/);
    assert.match(runs.readOk.stdout, /structuredContent \(matches the outputSchema\)/);
  });

  it('without a terminal, invalid arguments are named and nothing is sent (exit 2)', () => {
    assert.equal(runs.wrong.status, 2);
    assert.match(runs.wrong.stderr, /entities\[0\]\.observations\[0\] must be string/);
    assert.equal(runs.badJson.status, 2);
    assert.match(runs.badJson.stderr, /--args is not JSON/);
  });

  it('prompt gets a prompt with arguments and prints its messages by role', () => {
    assert.equal(runs.prompt.status, 0, runs.prompt.stderr);
    assert.match(runs.prompt.stdout, /^## user\n.*Paris/m);
  });
});
