/**
 * The client capabilities the CLI declares, and why they matter: server-everything lists
 * `trigger-elicitation-request`, `trigger-url-elicitation` and `trigger-sampling-request` only to
 * a client that declared elicitation (form, URL mode) and sampling. On a terminal the CLI can
 * answer those requests, so it declares them and lists the same 17 tools as the extension; without
 * one it declares roots only and lists 14. The terminal runs in-process (`main` with scripted
 * streams as `io.terminal`); the plain run is the built dist/cli.js with stdin closed.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../../src/cli/main';
import { assertNoChildren, EVERYTHING, runCli } from '../connection/helpers';

const GATED = ['trigger-elicitation-request', 'trigger-url-elicitation', 'trigger-sampling-request'];

type ListJson = { name: string; clientCapabilities: Record<string, unknown>; tools: { name: string }[] }[];


/**
 * `main` on a scripted terminal: each time a question ends with the `> ` prompt, `answer` gets the
 * question's header line (`2/13 · /name  String`) and returns the line to type.
 */
async function onTerminal(args: string[], cwd: string, answer: (header: string) => string): Promise<{ status: number; stdout: string; asked: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let asked = '';
  let answered = 0;
  output.on('data', (d: Buffer) => {
    asked += d;
    if (!asked.endsWith('> ')) return;
    const headers = asked.match(/^\d+\/\d+ · .*$/gm) ?? [];
    answered++;
    input.write(answer(headers[headers.length - 1] ?? '') + '\n');
  });
  let stdout = '';
  const status = await main(args, { out: (s) => (stdout += s + '\n'), err: (s) => (asked += s + '\n'), cwd, env: process.env, terminal: { input, output } });
  input.end();
  assert.ok(answered < 100, 'the prompter looped');
  return { status, stdout, asked };
}

describe('cli: declared client capabilities decide server-everything\'s tool list', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcp-cli-caps-'));
    mkdirSync(path.join(dir, '.vscode'));
    writeFileSync(path.join(dir, '.vscode', 'mcp.json'), JSON.stringify({ servers: { everything: { command: process.execPath, args: [EVERYTHING, 'stdio'] } } }));
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await assertNoChildren();
  });

  it('without a terminal: list --json reports roots only, and the 14 tools that need nothing more', async () => {
    const r = await runCli(['list', 'everything', '--json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const [s] = JSON.parse(r.stdout) as ListJson;
    assert.deepEqual(s.clientCapabilities, { roots: { listChanged: true } });
    assert.equal(s.tools.length, 14, s.tools.map((t) => t.name).join(' '));
    assert.ok(s.tools.some((t) => t.name === 'get-roots-list'));
    for (const name of GATED) assert.ok(!s.tools.some((t) => t.name === name), name);
  });

  it('on a terminal: list --json reports roots, sampling and elicitation (form with applyDefaults, URL), and the extension\'s 17 tools', async () => {
    const r = await onTerminal(['list', 'everything', '--json'], dir, () => '');
    assert.equal(r.status, 0, r.asked);
    const [s] = JSON.parse(r.stdout) as ListJson;
    assert.deepEqual(s.clientCapabilities, { roots: { listChanged: true }, sampling: {}, elicitation: { form: { applyDefaults: true }, url: {} } });
    assert.equal(s.tools.length, 17, s.tools.map((t) => t.name).join(' '));
    for (const name of GATED) assert.ok(s.tools.some((t) => t.name === name), name);
  });

  it('elicitation is honoured: Respond, then the requested fields through the form prompter; skipped fields get their defaults', async () => {
    const r = await onTerminal(['call', 'everything', 'trigger-elicitation-request', '--json'], dir, (h) => (h.includes('/answer') ? '1' : h.includes('/name') ? 'Ada Lovelace' : '-'));
    assert.equal(r.status, 0, r.asked);
    assert.match(r.asked, /MCP server "everything" asks: Please provide inputs for the following fields:/);
    const text = (JSON.parse(r.stdout) as { content: { text: string }[] }).content.map((c) => c.text).join('\n');
    assert.match(text, /User provided the requested information/);
    assert.match(text, /- Name: Ada Lovelace/);
    assert.match(text, /- Favorite Integer: 42/);
  });

  it('elicitation can be declined', async () => {
    const r = await onTerminal(['call', 'everything', 'trigger-elicitation-request', '--json'], dir, () => '2');
    assert.equal(r.status, 0, r.asked);
    assert.match(r.stdout, /User declined to provide the requested information/);
  });

  it('sampling is honoured by a reply the user writes, or declined', async () => {
    const args = ['call', 'everything', 'trigger-sampling-request', '--args', '{"prompt":"What is MCP?","maxTokens":20}', '--json'];
    const r = await onTerminal(args, dir, (h) => (h.includes('/reply') ? 'A protocol, written by a person.' : '1'));
    assert.equal(r.status, 0, r.asked);
    assert.match(r.asked, /asks for a language model completion .*you write the reply\.\n {2}system: You are a helpful test server\.\n {2}user: .*What is MCP\?/);
    assert.match(r.stdout, /A protocol, written by a person\./);
    assert.match(r.stdout, /\\"model\\": \\"user\\"/);
    const d = await onTerminal(args, dir, () => '2');
    assert.equal(d.status, 1);
    assert.match(d.stdout + d.asked, /User rejected sampling request/);
  });
});
