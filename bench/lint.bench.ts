/**
 * Lint benchmark: a generated VS Code mcp.json with 1,000 servers (stdio and http, env, headers,
 * ${input:…} references and their inputs, comments), linted with every rule.
 *
 * PATH lookups: the default `which` with its 30 s cache, warmed by the first run (so the timed
 * runs measure the linter, not the file system).
 * Floor, measured in the same process: jsonc-parser `parseTree` + `getNodeValue` + one validation
 * with the compiled ajv validator of the VS Code schema, on the same text.
 * Target: median ≤ 15 ms and ≤ 3× the floor.
 */
import { getNodeValue, parseTree } from 'jsonc-parser';
import { cpus, loadavg } from 'node:os';
import { formatById } from '../src/core/config/formats';
import { lint } from '../src/core/lint';
import { validatorForClient } from '../src/core/lint/schemas';

const SERVERS = 1000;
const RUNS = 40;
const WARMUP = 5;

function generate(n: number): string {
  const lines = ['{', '  // generated: 1,000 servers', '  "inputs": ['];
  const inputs: string[] = [];
  for (let i = 0; i < n; i += 10) inputs.push(`    { "type": "promptString", "id": "token-${i}", "description": "Token for server ${i}", "password": true }`);
  lines.push(inputs.join(',\n'), '  ],', '  "servers": {');
  const servers: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 === 2) {
      servers.push(`    "remote-${i}": {\n      "type": "http",\n      "url": "https://mcp${i}.example.com/mcp",\n      "headers": { "Authorization": "Bearer \${input:token-${i - (i % 10)}}" }\n    }`);
    } else {
      servers.push(`    "local-${i}": {\n      "type": "stdio",\n      "command": "${i % 2 ? 'node' : 'npx'}",\n      "args": ["-y", "@example/server-${i}", "\${workspaceFolder}"],\n      "env": { "LOG_LEVEL": "info", "API_TOKEN": "\${input:token-${i - (i % 10)}}" }\n    }`);
    }
  }
  lines.push(servers.join(',\n'), '  }', '}');
  return lines.join('\n');
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times `a` and `b` alternately (a, b, a, b, …) so that load on the machine hits both series alike;
 * one full GC before the series, none inside it.
 */
function timePair(a: () => unknown, b: () => unknown): [number[], number[]] {
  for (let i = 0; i < WARMUP; i++) {
    a();
    b();
  }
  (globalThis as { gc?: () => void }).gc?.();
  const ta: number[] = [];
  const tb: number[] = [];
  const once = (fn: () => unknown, into: number[]) => {
    const t0 = process.hrtime.bigint();
    fn();
    into.push(Number(process.hrtime.bigint() - t0) / 1e6);
  };
  for (let i = 0; i < RUNS; i++) {
    once(a, ta);
    once(b, tb);
  }
  return [ta, tb];
}

const text = generate(SERVERS);
const path = '/bench/.vscode/mcp.json';
const format = formatById('vscode-workspace');
const validate = validatorForClient('vscode');
const options = { format, env: process.env };

const first = lint(text, path, options);
const errors = first.filter((f) => f.severity === 'error');
if (errors.length) {
  console.error(`unexpected errors in the generated file: ${errors.slice(0, 3).map((e) => `${e.code}: ${e.message}`).join('; ')}`);
  process.exit(1);
}

const [floor, linted] = timePair(
  () => {
    const tree = parseTree(text, [], { allowTrailingComma: true });
    validate(tree ? getNodeValue(tree) : undefined);
  },
  () => lint(text, path, options),
);

const mFloor = median(floor);
const mLint = median(linted);
const ratio = mLint / mFloor;
console.log(`document: ${SERVERS} servers, ${(text.length / 1024).toFixed(0)} KiB, ${first.length} findings; ${RUNS} runs of each (floor and lint alternating) after ${WARMUP} warm-up; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`);
console.log(`floor (parseTree + getNodeValue + ajv validate): median ${mFloor.toFixed(2)} ms`);
console.log(`lint (all rules, cached PATH lookups):          median ${mLint.toFixed(2)} ms  (min ${Math.min(...linted).toFixed(2)}, max ${Math.max(...linted).toFixed(2)})`);
console.log(`best runs (least disturbed by load): floor ${Math.min(...floor).toFixed(2)} ms, lint ${Math.min(...linted).toFixed(2)} ms, ratio ${(Math.min(...linted) / Math.min(...floor)).toFixed(2)}×`);
console.log(`ratio to floor: ${ratio.toFixed(2)}×   target: ≤ 15 ms and ≤ 3×  → ${mLint <= 15 && ratio <= 3 ? 'met' : 'MISSED'}`);
