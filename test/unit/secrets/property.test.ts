/**
 * The redaction policy as a property (fast-check): for generated configs holding up to four
 * generated secrets (token shapes anywhere; random values under credential names, after credential
 * options, in URL userinfo and credential query parameters), no output prints any of them: `lint`
 * in stylish, JSON and SARIF; `servers` and `servers --json`; the trust dialog's summary.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { renderFindings } from '../../../src/cli/lint';
import { main } from '../../../src/cli/main';
import { formatForPath } from '../../../src/core/config/formats';
import { lint } from '../../../src/core/lint';
import { trustSummary } from '../../../src/core/trust';
import { DET } from '../lint/helpers';

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const body = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });

/** A token format: secret wherever it is written. */
const token = fc.tuple(fc.constantFrom('ghp_', 'gho_', 'github_pat_', 'sk-', 'sk-proj-', 'sk-ant-', 'xoxb-', 'glpat-', 'AIza'), body(32, 44)).map(([p, b]) => p + b);
/** A random value: secret only where a name or a position says so. Digits and both cases, so it is random enough for the linter. */
const random = body(20, 32).map((b) => `Q7z${b}9Kx`);

type Place = 'env' | 'header' | 'bearer' | 'argEq' | 'argNext' | 'argBare' | 'userinfo' | 'query' | 'tokenUser';
const placed = fc.oneof(
  fc.tuple(fc.constantFrom<Place>('env', 'header', 'bearer', 'argEq', 'argNext', 'userinfo', 'query'), fc.oneof(token, random)),
  fc.tuple(fc.constantFrom<Place>('argBare', 'tokenUser'), token),
);

/** Where each client wants its servers, and how a remote server is written there. */
const CLIENTS = [
  { file: '.vscode/mcp.json', key: 'servers', remote: (url: string, headers: Record<string, string>) => ({ type: 'http', url, headers }) },
  { file: '.mcp.json', key: 'mcpServers', remote: (url: string, headers: Record<string, string>) => ({ type: 'http', url, headers }) },
  { file: '.cursor/mcp.json', key: 'mcpServers', remote: (url: string, headers: Record<string, string>) => ({ url, headers }) },
  { file: '.gemini/settings.json', key: 'mcpServers', remote: (url: string, headers: Record<string, string>) => ({ httpUrl: url, headers }) },
] as const;

function config(client: (typeof CLIENTS)[number], secrets: [Place, string][]): string {
  const env: Record<string, string> = { PLAIN: 'x' };
  const headers: Record<string, string> = { Accept: 'application/json' };
  const args = ['-y', 'some-server'];
  let url = 'https://mcp.example.com/mcp';
  secrets.forEach(([place, s], i) => {
    if (place === 'env') env[`SERVICE_${i}_TOKEN`] = s;
    else if (place === 'header') headers[`X-Api-Key-${i}`] = s;
    else if (place === 'bearer') headers.Authorization = `Bearer ${s}`;
    else if (place === 'argEq') args.push(`--api-key=${s}`);
    else if (place === 'argNext') args.push('--password', s);
    else if (place === 'argBare') args.push(s);
    else if (place === 'userinfo') url = url.replace('https://', `https://alice:${s}@`);
    else if (place === 'query') url += `${url.includes('?') ? '&' : '?'}api_key=${s}&page=${i}`;
    else url = url.replace('https://', `https://${s}@`);
  });
  return JSON.stringify({ [client.key]: { local: { command: 'npx', args, env }, remote: client.remote(url, headers) } }, null, 2);
}

/** The text `s` shows when it is in a URL's userinfo or query (percent-encoded), and as written. */
const forms = (s: string) => [s, encodeURIComponent(s)];

function assertNone(text: string, secrets: [Place, string][], what: string): void {
  for (const [place, s] of secrets) for (const f of forms(s)) assert.ok(!text.includes(f), `${what} prints the ${place} secret ${s.slice(0, 6)}…:\n${text}`);
}

describe('secrets: no output prints a generated secret (fast-check)', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'mcp-secret-prop-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lint: stylish, JSON and SARIF', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLIENTS), fc.array(placed, { minLength: 1, maxLength: 4 }), (client, secrets) => {
        const text = config(client, secrets);
        const file = path.join('/ws', client.file);
        const findings = lint(text, file, DET);
        for (const format of ['stylish', 'json', 'sarif'] as const) assertNone(renderFindings(format, [{ file, findings }], '/ws'), secrets, `lint --format ${format}`);
      }),
      { numRuns: Number(process.env.SECRET_PROP_RUNS ?? 300) },
    );
  });

  it('servers, servers --json and the trust summary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CLIENTS), fc.array(placed, { minLength: 1, maxLength: 4 }), async (client, secrets) => {
        const file = path.join(dir, path.basename(client.file) === 'mcp.json' ? client.file.replace('/', '-') : path.basename(client.file));
        const named = path.join(dir, client.file);
        const text = config(client, secrets);
        writeFileSync(file, text);
        for (const args of [['servers'], ['servers', '--json']]) {
          let out = '';
          const code = await main([...args, '--config', file, '--as', formatForPath(named)!.id], { out: (s) => (out += s + '\n'), err: (s) => (out += s + '\n'), cwd: dir, env: {} });
          assert.equal(code, 0, out);
          assert.ok(out.includes('remote'), out);
          assertNone(out, secrets, args.join(' '));
        }
        for (const def of formatForPath(named)!.read(text, named).servers) {
          const summary = await trustSummary(def, { env: {}, workspaceFolder: dir, userHome: dir, input: async () => 'never asked' });
          assertNone(summary, secrets, 'trust summary');
        }
      }),
      { numRuns: Number(process.env.SECRET_PROP_RUNS ?? 100) },
    );
  });
});
