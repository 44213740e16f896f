/**
 * Connection benchmark, against server-everything over stdio.
 *
 * 1. Start-all: ten configured servers, from `ServerRegistry.startAll()` to every list loaded
 *    (tools, resources, resource templates, prompts; every page). Floor, in the same run: the same
 *    ten started in parallel with the raw SDK (`Client` + `StdioClientTransport`, connect, then the
 *    four lists following `nextCursor`), the slowest of the ten. Target: ≤ 1.15× the floor.
 * 2. Per call: 1,000 sequential `echo` calls on one connection, through `ServerRegistry.callTool`
 *    against the raw `client.callTool` on a second connection (its own server process), in
 *    several pairs of connections. Target: ≤ 1.05×.
 *
 * 3. Per call over Streamable HTTP, both sides on one server process (see httpCallBench).
 * 4. Event-loop stall while a server lists 10,000 tools in one page: the longest event-loop delay
 *    from start to the list loaded, ours (`ServerRegistry.start`) against the raw SDK's `connect` +
 *    `listTools` on the same fixture. Target: ≤ 1.5× the floor (one message is parsed and
 *    validated in one go on both sides; ours adds the list bookkeeping).
 *
 * Rounds alternate which side goes first, so warm caches and CPU boosts favour neither.
 */
import { spawn } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ServerDefinition } from '../src/core/config/model';
import { collectPages, ServerRegistry } from '../src/core/connection';

const SERVERS = 10;
const START_ROUNDS = Number(process.env.BENCH_START_ROUNDS ?? 5);
/** The layer passes the full environment to servers (as VS Code does); so does the floor, for a like-for-like start. */
const RAW_ENV = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
const CALLS = 1000;
const CALL_PAIRS = Number(process.env.BENCH_CALL_PAIRS ?? 5);
const BLOCK = 50;
const EVERYTHING = path.resolve(__dirname, '../../node_modules/@modelcontextprotocol/server-everything/dist/index.js');
const LOOPBACK = path.resolve(__dirname, '../../test/fixtures/servers/loopback.mjs');
const HUGE = path.resolve(__dirname, '../../test/fixtures/servers/huge.mjs');
const STALL_ROUNDS = Number(process.env.BENCH_STALL_ROUNDS ?? 5);
const R = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 }, offset: 0, length: 0 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const now = () => performance.now();

function definition(i: number): ServerDefinition {
  return {
    name: `everything-${i}`, id: `/bench/mcp.json#everything-${i}`, client: 'vscode', file: '/bench/mcp.json', range: R, options: {},
    transport: { kind: 'stdio', command: { value: process.execPath }, args: [{ value: EVERYTHING }, { value: 'stdio' }], env: {} },
  };
}

/** A raw SDK client with the same declared capabilities as ours (roots), so servers offer the same lists. */
async function rawClient(): Promise<Client> {
  const client = new Client({ name: 'raw-sdk', version: '0' }, { capabilities: { roots: { listChanged: true } } });
  client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [] }));
  // stderr piped and drained, as the connection layer does (an undrained pipe would stall the server).
  const transport = new StdioClientTransport({ command: process.execPath, args: [EVERYTHING, 'stdio'], env: RAW_ENV, stderr: 'pipe' });
  transport.stderr?.on('data', () => undefined);
  await client.connect(transport);
  return client;
}

async function rawListAll(client: Client): Promise<void> {
  const c = (cursor?: string) => (cursor ? { cursor } : {});
  await Promise.all([
    collectPages(async (x) => { const r = await client.listTools(c(x)); return { items: r.tools, nextCursor: r.nextCursor }; }),
    collectPages(async (x) => { const r = await client.listResources(c(x)); return { items: r.resources, nextCursor: r.nextCursor }; }),
    collectPages(async (x) => { const r = await client.listResourceTemplates(c(x)); return { items: r.resourceTemplates, nextCursor: r.nextCursor }; }),
    collectPages(async (x) => { const r = await client.listPrompts(c(x)); return { items: r.prompts, nextCursor: r.nextCursor }; }),
  ]);
}

/** The floor: ten raw SDK sessions in parallel; the slowest one's connect + lists, ms. */
async function rawStartAll(): Promise<number> {
  const t0 = now();
  const clients: Client[] = [];
  const times = await Promise.all(Array.from({ length: SERVERS }, async () => {
    const client = await rawClient();
    clients.push(client);
    await rawListAll(client);
    return now() - t0;
  }));
  await Promise.all(clients.map((c) => c.close()));
  return Math.max(...times);
}

/** Ours: startAll on a registry of ten, until every list is loaded, ms. */
async function oursStartAll(): Promise<number> {
  const registry = new ServerRegistry({});
  await registry.setDefinitions(Array.from({ length: SERVERS }, (_, i) => definition(i)));
  const t0 = now();
  await registry.startAll();
  const ms = now() - t0;
  const bad = registry.all().filter((s) => s.state.kind !== 'running' || Object.values(s.lists).some((l) => l.kind !== 'loaded'));
  await registry.dispose();
  if (bad.length) throw new Error(`${bad.length} servers did not load every list: ${JSON.stringify(bad[0].state)}`);
  return ms;
}

async function startBench(): Promise<void> {
  const raw: number[] = [];
  const ours: number[] = [];
  for (let round = 0; round < START_ROUNDS; round++) {
    if (round % 2) {
      ours.push(await oursStartAll());
      raw.push(await rawStartAll());
    } else {
      raw.push(await rawStartAll());
      ours.push(await oursStartAll());
    }
  }
  const [r, o] = [median(raw), median(ours)];
  console.log(`start all ${SERVERS} (stdio server-everything) to every list loaded, ${START_ROUNDS} rounds:`);
  console.log(`  raw SDK floor (slowest of ${SERVERS}): median ${r.toFixed(0)} ms  [${raw.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ServerRegistry.startAll:        median ${o.toFixed(0)} ms  [${ours.map((x) => x.toFixed(0)).join(', ')}]`);
  // On a shared machine the load swings between rounds; the ratio within each round (both sides
  // back to back) is steadier than the ratio of the medians.
  const paired = median(ours.map((x, i) => x / raw[i]));
  console.log(`  ratio of medians ${(o / r).toFixed(3)}×, median of per-round ratios ${paired.toFixed(3)}× (target ≤ 1.15×)`);
}

/**
 * One pair: a raw SDK connection and one of ours, each to its own server process, both having
 * listed every list first (the SDK caches output validators on listTools; ours always lists).
 * Returns per-call times (ms) of blocks of BLOCK calls, alternating sides.
 */
/** Mean milliseconds per call of `n` sequential calls. */
async function run(call: () => Promise<unknown>, n: number): Promise<number> {
  const t0 = now();
  for (let i = 0; i < n; i++) await call();
  return (now() - t0) / n;
}

async function callPair(): Promise<{ raw: number[]; ours: number[] }> {
  const raw = await rawClient();
  await rawListAll(raw);
  const registry = new ServerRegistry({});
  const id = definition(0).id;
  await registry.setDefinitions([definition(0)]);
  await registry.start(id);
  const args = { message: 'hello' };
  const rawCall = () => raw.callTool({ name: 'echo', arguments: args });
  const ourCall = () => registry.callTool(id, 'echo', args);
  await run(rawCall, 200);
  await run(ourCall, 200);
  const out = { raw: [] as number[], ours: [] as number[] };
  (globalThis as { gc?: () => void }).gc?.();
  for (let b = 0; b < CALLS / BLOCK; b++) {
    if (b % 2) {
      out.ours.push(await run(ourCall, BLOCK));
      out.raw.push(await run(rawCall, BLOCK));
    } else {
      out.raw.push(await run(rawCall, BLOCK));
      out.ours.push(await run(ourCall, BLOCK));
    }
  }
  await raw.close();
  await registry.dispose();
  return out;
}

async function callBench(): Promise<void> {
  // Each side talks to its own server process, and processes differ by a few percent on a busy
  // machine; several pairs average that out.
  const raw: number[] = [];
  const ours: number[] = [];
  for (let p = 0; p < CALL_PAIRS; p++) {
    const r = await callPair();
    raw.push(...r.raw);
    ours.push(...r.ours);
  }
  const [r, o] = [median(raw), median(ours)];
  console.log(`${CALLS} sequential echo calls per connection, ${CALL_PAIRS} pairs of connections, timed in blocks of ${BLOCK} alternating sides:`);
  console.log(`  raw SDK client.callTool:   median ${(r * 1000).toFixed(0)} µs per call (${(r * CALLS).toFixed(0)} ms per ${CALLS})`);
  console.log(`  ServerRegistry.callTool:   median ${(o * 1000).toFixed(0)} µs per call (${(o * CALLS).toFixed(0)} ms per ${CALLS})`);
  const paired = median(ours.map((x, i) => x / raw[i]));
  console.log(`  ratio of medians ${(o / r).toFixed(3)}×, median of per-block ratios ${paired.toFixed(3)}× (target ≤ 1.05×)`);
}

/** A port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * 3. The same comparison with both sides on ONE server process (server-everything's Streamable
 *    HTTP mode on 127.0.0.1, one session each), which takes the process-to-process noise of (2)
 *    out of the ratio.
 */
async function httpCallBench(): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', LOOPBACK, EVERYTHING, 'streamableHttp'], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}/mcp`;
    for (let i = 0; i < 300; i++) {
      const up = await new Promise<boolean>((r) => net.connect(port, '127.0.0.1').once('connect', function (this: net.Socket) { this.destroy(); r(true); }).once('error', () => r(false)));
      if (up) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const raw = new Client({ name: 'raw-sdk', version: '0' }, { capabilities: { roots: { listChanged: true } } });
    raw.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [] }));
    await raw.connect(new StreamableHTTPClientTransport(new URL(url)));
    await rawListAll(raw);
    const registry = new ServerRegistry({});
    const def: ServerDefinition = { ...definition(0), id: '/bench/mcp.json#http', transport: { kind: 'http', url: { value: url }, headers: {} } };
    await registry.setDefinitions([def]);
    await registry.start(def.id);
    const args = { message: 'hello' };
    const rawCall = () => raw.callTool({ name: 'echo', arguments: args });
    const ourCall = () => registry.callTool(def.id, 'echo', args);
    await run(rawCall, 200);
    await run(ourCall, 200);
    const rawTimes: number[] = [];
    const ourTimes: number[] = [];
    for (let b = 0; b < (CALLS * 3) / BLOCK; b++) {
      if (b % 2) {
        ourTimes.push(await run(ourCall, BLOCK));
        rawTimes.push(await run(rawCall, BLOCK));
      } else {
        rawTimes.push(await run(rawCall, BLOCK));
        ourTimes.push(await run(ourCall, BLOCK));
      }
    }
    await raw.close();
    await registry.dispose();
    const [r, o] = [median(rawTimes), median(ourTimes)];
    const paired = median(ourTimes.map((x, i) => x / rawTimes[i]));
    console.log(`${CALLS * 3} sequential echo calls per session, both sessions on one Streamable HTTP server process, blocks of ${BLOCK} alternating:`);
    console.log(`  raw SDK client.callTool:   median ${(r * 1000).toFixed(0)} µs per call`);
    console.log(`  ServerRegistry.callTool:   median ${(o * 1000).toFixed(0)} µs per call`);
    console.log(`  ratio of medians ${(o / r).toFixed(3)}×, median of per-block ratios ${paired.toFixed(3)}× (target ≤ 1.05×)`);
  } finally {
    child.kill('SIGTERM');
  }
}

/** The longest event-loop delay (ms) while `work` runs, at 10 ms resolution. */
async function maxStall(work: () => Promise<void>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  await work();
  delay.disable();
  return delay.max / 1e6;
}

async function stallBench(): Promise<void> {
  const raw: number[] = [];
  const ours: number[] = [];
  const rawSide = () => maxStall(async () => {
    const client = new Client({ name: 'raw-sdk', version: '0' }, { capabilities: { roots: { listChanged: true } } });
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: [] }));
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [HUGE], env: RAW_ENV, stderr: 'ignore' }));
    const { tools } = await client.listTools();
    if (tools.length !== 10_000) throw new Error(`raw SDK listed ${tools.length} tools`);
    await client.close();
  });
  const ourSide = () => maxStall(async () => {
    const registry = new ServerRegistry({});
    const def: ServerDefinition = { ...definition(0), id: '/bench/mcp.json#huge', transport: { kind: 'stdio', command: { value: process.execPath }, args: [{ value: HUGE }], env: {} } };
    await registry.setDefinitions([def]);
    await registry.start(def.id);
    const tools = registry.get(def.id)?.lists.tools;
    if (tools?.kind !== 'loaded' || tools.items.length !== 10_000) throw new Error(`ours listed ${JSON.stringify(tools).slice(0, 200)}`);
    await registry.dispose();
  });
  for (let round = 0; round < STALL_ROUNDS; round++) {
    if (round % 2) {
      ours.push(await ourSide());
      raw.push(await rawSide());
    } else {
      raw.push(await rawSide());
      ours.push(await ourSide());
    }
  }
  const [r, o] = [median(raw), median(ours)];
  console.log(`longest event-loop stall while a server lists 10,000 tools in one page, ${STALL_ROUNDS} rounds:`);
  console.log(`  raw SDK connect + listTools:   median ${r.toFixed(0)} ms  [${raw.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ServerRegistry.start:          median ${o.toFixed(0)} ms  [${ours.map((x) => x.toFixed(0)).join(', ')}]`);
  console.log(`  ratio of medians ${(o / r).toFixed(3)}×, median of per-round ratios ${median(ours.map((x, i) => x / raw[i])).toFixed(3)}× (target ≤ 1.5×)`);
}

(async () => {
  if (process.env.BENCH_ONLY_STALL) return stallBench();
  if (!process.env.BENCH_SKIP_START) await startBench();
  await callBench();
  await httpCallBench();
  await stallBench();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
