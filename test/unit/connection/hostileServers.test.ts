/**
 * The CLI against servers that send malformed or hostile data (fixtures in test/fixtures/servers):
 * a malformed tool list is the server's fault (exit 1, its error, no usage text); a malformed
 * initialize result is one line (which server, which message, the first validation error), the
 * rest with --verbose; schemas a form cannot follow say so and point at --args.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertNoChildren, FIXTURES, runCli, writeFiles } from './helpers';

describe('connection: the CLI against hostile servers', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-hostile-'));
    const server = (file: string) => ({ command: process.execPath, args: [path.join(FIXTURES, file)] });
    writeFiles(dir, {
      '.vscode/mcp.json': JSON.stringify({
        servers: { 'bad-list': server('malformed.mjs'), 'bad-init': server('malformed-initialize.mjs'), schemas: server('malformed-schemas.mjs') },
      }),
    });
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('a malformed tool list: describe and call exit 1 with the server\'s error, no usage text', async () => {
    for (const args of [['describe', 'bad-list'], ['describe', 'bad-list', 'x'], ['call', 'bad-list', 'x', '--args', '{}']]) {
      const r = await runCli(args, dir);
      assert.equal(r.status, 1, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, new RegExp(`^mcp-devtools ${args[0]}: server "bad-list" could not list its tools: tools/list returned a malformed result: tools\\.0\\.name: `));
      assert.doesNotMatch(r.stderr, /usage:/);
    }
    // the user's mistake stays exit 2: a tool that does not exist on a server that lists fine
    const r = await runCli(['describe', 'schemas', 'no-such-tool'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /has no tool named "no-such-tool".*\nusage:/);
  });

  it('a malformed initialize result: one line naming the server, initialize and the first error; --verbose adds the log', async () => {
    const r = await runCli(['describe', 'bad-init'], dir);
    assert.equal(r.status, 1);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^mcp-devtools describe: server "bad-init" failed: .*malformed-initialize\.mjs: initialize returned a malformed result: protocolVersion: Invalid input: expected string, received number \(and 3 more: capabilities, serverInfo, instructions\)$/);

    const v = await runCli(['describe', 'bad-init', '--verbose'], dir);
    assert.equal(v.status, 1);
    assert.match(v.stderr, /^log of server "bad-init" \(\d+ entries\):$/m);
    assert.match(v.stderr, /^ {2}→ initialize \{.*"method":"initialize"/m);
    assert.match(v.stderr, /^ {2}← initialize \{.*"result":\{"protocolVersion":20250618,"capabilities":"all of them"/m);

    const list = await runCli(['list', 'bad-init'], dir);
    assert.equal(list.status, 1);
    assert.equal(list.stderr.trimEnd().split('\n').length, 1, list.stderr);
  });

  it('describe on hostile schemas: says recursive or too deep, and that the call takes JSON (--args)', async () => {
    const r = await runCli(['describe', 'schemas'], dir);
    assert.equal(r.status, 0, r.stderr);
    const block = (tool: string) => r.stdout.split('\n\n').find((b) => b.startsWith(`${tool} — `)) ?? '';
    assert.doesNotMatch(block('self-ref'), /\(no arguments\)/);
    assert.match(block('self-ref'), /\(no form: \$ref "#" is recursive\. The call takes its arguments as JSON: mcp-devtools call schemas self-ref --args '\{…\}'\)/);
    const deep = block('deep').split('\n');
    assert.match(deep[deep.length - 2], /^ {2}(\/a){32} {2}json, required, JSON step: the schema nests more than 32 levels deep: too deep for a form$/);
    assert.match(deep[deep.length - 1], /give every argument as JSON: mcp-devtools call schemas deep --args/);
    assert.match(block('tree'), /\/root\/children\/- {2}json, required, JSON step: \$ref "#\/\$defs\/node" is recursive/);

    const json = await runCli(['describe', 'schemas', 'self-ref', '--json'], dir);
    assert.equal((JSON.parse(json.stdout) as { noForm?: string }).noForm, '$ref "#" is recursive');
    // and the call takes the JSON
    const call = await runCli(['call', 'schemas', 'self-ref', '--args', '{"x": 1}', '--json'], dir);
    assert.equal(call.status, 0, call.stderr);
    assert.match(call.stdout, /\\"x\\":1/);
  });
});
