/**
 * Protocol log benchmark: what keeping a message costs (`MessageLog.append`, paid for every message
 * of every server) and what masking it for display costs on top (its first `json` read: credential
 * names, then a `Redactor` with a few secrets on every string), per message, for three sizes: a `tools/call` request (~150 B), a `tools/list` response of 50 tools
 * (~20 KB), and a 1 MiB text result. Floor: `JSON.stringify` of the same message once (what the
 * SDK's stdio transport does to send it). Prints medians in microseconds and the ratio.
 */
import { MessageLog } from '../src/core/protocol';
import { Redactor } from '../src/core/secrets';

const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const call = { jsonrpc: '2.0', id: 12, method: 'tools/call', params: { name: 'echo', arguments: { message: 'Hello from the benchmark' }, _meta: { progressToken: 12 } } };
const tools = {
  jsonrpc: '2.0', id: 3,
  result: { tools: Array.from({ length: 50 }, (_, i) => ({ name: `tool-${i}`, description: `Does thing number ${i} with care and returns what it found.`, inputSchema: { type: 'object', properties: { query: { type: 'string', description: 'what to look for' }, limit: { type: 'number' }, apiKey: { type: 'string' } }, required: ['query'] } })) },
};
const huge = { jsonrpc: '2.0', id: 4, result: { content: [{ type: 'text', text: 'lorem ipsum dolor sit amet '.repeat(40_000) }] } };

function perMessage(n: number, f: () => void): number {
  const xs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) f();
    xs.push(((performance.now() - t0) * 1000) / n);
  }
  return median(xs);
}

const redactor = new Redactor(['env-secret-value-42', 'another-secret-abcdef', 'input-answer-1234']);
const log = new MessageLog({ capacity: 2000, redact: (t) => redactor.redact(t) });
for (const [label, message, n] of [['tools/call request', call, 20_000], ['tools/list, 50 tools', tools, 500], ['1 MiB text result', huge, 10]] as const) {
  const bytes = Buffer.byteLength(JSON.stringify(message));
  const floor = perMessage(n, () => JSON.stringify(message));
  const ours = perMessage(n, () => log.append('received', message));
  // paid only for a message the view shows (expanded, filtered by text, copied), once
  const shown = perMessage(n, () => log.append('received', message)!.json);
  console.log(`${label} (${bytes.toLocaleString('en-US')} B): kept in ${ours.toFixed(1)} µs, floor (one JSON.stringify) ${floor.toFixed(1)} µs, ${(ours / floor).toFixed(2)}×; kept and masked for display ${shown.toFixed(1)} µs`);
}
