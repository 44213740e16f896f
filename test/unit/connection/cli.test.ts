/** `mcp-devtools list` and `read` (dist/cli.js, a URI or a URI template) against server-everything over stdio, Streamable HTTP and SSE. */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { assertNoChildren, EVERYTHING, FIXTURES, runCli, startChildServer, type ChildServer } from './helpers';



describe('connection: mcp-devtools list / read', function () {
  this.timeout(30_000);
  let dir: string;
  let http: ChildServer;
  let sse: ChildServer;

  before(async () => {
    [http, sse] = await Promise.all([startChildServer(EVERYTHING, ['streamableHttp']), startChildServer(EVERYTHING, ['sse'])]);
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-list-'));
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'mcp.json'), JSON.stringify({
      inputs: [{ id: 'token', type: 'promptString', password: true, description: 'token' }],
      servers: {
        stdio: { command: process.execPath, args: [EVERYTHING, 'stdio'] },
        http: { type: 'http', url: `http://127.0.0.1:${http.port}/mcp`, headers: { Authorization: 'Bearer ${input:token}' } },
        sse: { type: 'sse', url: `http://127.0.0.1:${sse.port}/sse` },
        crash: { command: process.execPath, args: [path.join(FIXTURES, 'crash.mjs')] },
      },
    }));
  });

  after(async () => {
    await Promise.all([http?.stop(), sse?.stop()]);
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('prints tools, resources, templates and prompts over stdio, Streamable HTTP and SSE', async () => {
    const r = await runCli(['list', 'stdio', 'http', 'sse'], dir, { MCP_INPUT_TOKEN: 'cli-secret-token' });
    assert.equal(r.status, 0, r.stderr);
    for (const name of ['stdio', 'http', 'sse']) assert.match(r.stdout, new RegExp(`^${name} .* (stdio|http|sse), protocol \\d{4}-\\d\\d-\\d\\d$`, 'm'));
    assert.equal(r.stdout.match(/^ {4}echo {2}Echo Tool/gm)?.length, 3);
    assert.equal(r.stdout.match(/^ {2}Resource Templates \(2\)$/gm)?.length, 3);
    assert.equal(r.stdout.match(/^ {4}simple-prompt/gm)?.length, 3);
    assert.ok(!r.stdout.includes('cli-secret-token') && !r.stderr.includes('cli-secret-token'));
  });

  it('--json gives every list; a failing server exits 1 with its reason on stderr', async () => {
    const r = await runCli(['list', 'sse', 'crash', '--json'], dir);
    assert.equal(r.status, 1);
    const json = JSON.parse(r.stdout) as { name: string; state: string; error?: string; tools: { name: string }[] | null }[];
    assert.deepEqual(json.map((s) => [s.name, s.state]), [['sse', 'running'], ['crash', 'error']]);
    assert.ok(json[0].tools?.some((t) => t.name === 'echo'));
    assert.match(r.stderr, /server "crash" failed: .*exited before answering initialize \(exit code 3\)\n {2}stderr: fixture crash: missing API_KEY/);
  });

  it('an unanswerable ${input:…} says which variable to set', async () => {
    const r = await runCli(['list', 'http'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /\$\{input:token\} needs a value: .*set the environment variable MCP_INPUT_TOKEN/);
  });

  it('read prints a text resource; an unknown server is a usage error (2)', async () => {
    const r = await runCli(['read', 'stdio', 'demo://resource/dynamic/text/7'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /7/);
    const bad = await runCli(['read', 'nope', 'x://y'], dir);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /no server named "nope".*configured: stdio, http, sse, crash/);
  });

  it('read takes a resource template: its variables from --args, or a usage error (2) naming the missing one', async () => {
    const template = 'demo://resource/dynamic/text/{resourceId}';
    const r = await runCli(['read', 'stdio', template, '--args', '{"resourceId":"42"}'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Resource 42: /);
    const missing = await runCli(['read', 'stdio', template], dir);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /^mcp-devtools read: demo:\/\/resource\/dynamic\/text\/\{resourceId\}: invalid arguments: resourceId is required/);
  });
});
