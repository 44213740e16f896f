/**
 * Workbench benchmark (issue 9, item 8): the extension as a user gets it, in the real VS Code.
 *
 * 1. Activation bundle: `node scripts/build.mjs --production` into a temporary copy of the extension;
 *    the size of every bundle it ships (dist/*.js but the CLI), minified. Target: dist/extension.js,
 *    the one loaded at activation, ≤ 350 KB (KB = 1,000 bytes; KiB shown beside it).
 * 2. Activation time, as the extension host reports it to the workbench: load code + call activate
 *    (what "Developer: Show Running Extensions" shows), read from "Developer: Startup Performance".
 *    Median over BENCH_WINDOWS fresh window loads (each a new page, so a new extension host), after one
 *    warm-up load whose figures are dropped. Target ≤ 25 ms.
 * 3. First render of the Servers tree's Tools group with 1,000 tools: from the tools being loaded to
 *    `getChildren` + 1,000 × `getTreeItem` done, in the extension host (bench/workbench/host.ts).
 *    Median over the same windows. Target ≤ 50 ms.
 *
 * The temporary copy is loaded as a development extension through the smoke-test driver's `payload`
 * URL parameter (test/harness), with bench/workbench/host.ts as its extensionTestsPath. One
 * code-server serves every window. Prints figures and ratios to the targets; never fails on a figure.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { launchBrowser } from '../test/harness/browser.mjs';
import { startCodeServer } from '../test/harness/codeServer.mjs';
import { ensureRuntime } from '../test/harness/runtime.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 7);
const TOOLS = 1000;
const WINDOW_TIMEOUT_MS = 120000;
const MARKER = '__MCP_DEVTOOLS_BENCH__ ';
const TARGET = { bundleKB: 350, activationMs: 25, treeMs: 50 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const line = (what, value, unit, target) => {
  const verdict = value <= target ? 'meets' : 'misses';
  console.log(`${what.padEnd(58)} ${value.toFixed(1).padStart(8)} ${unit}   target ≤ ${target} ${unit}   ${(value / target).toFixed(2)}× (${verdict})`);
};

const work = mkdtempSync(path.join(tmpdir(), 'mcp-devtools-bench-'));
let server; let browser;
try {
  // 1. the extension as packaged: production bundles + what its manifest points at
  const ext = path.join(work, 'extension');
  mkdirSync(ext);
  for (const f of ['package.json', 'README.md', 'LICENSE', 'media']) cpSync(path.join(root, f), path.join(ext, f), { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--production', `--outdir=${path.join(ext, 'dist')}`], { cwd: root, stdio: 'inherit' });
  const bundles = readdirSync(path.join(ext, 'dist')).filter((f) => f.endsWith('.js') && f !== 'cli.js').sort();
  console.log(`${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${WINDOWS} windows after 1 warm-up`);
  for (const f of bundles) {
    const bytes = statSync(path.join(ext, 'dist', f)).size;
    const what = `bundle dist/${f} (minified)${f === 'extension.js' ? ', loaded at activation' : ', loaded on first use'}`;
    if (f === 'extension.js') line(what, bytes / 1000, 'KB', TARGET.bundleKB);
    else console.log(`${what.padEnd(58)} ${(bytes / 1000).toFixed(1).padStart(8)} KB`);
  }

  // a workspace that activates the extension (workspaceContains), and a user config with the 1,000-tool server
  const rt = await ensureRuntime();
  const ws = path.join(work, 'workspace');
  mkdirSync(path.join(ws, '.vscode'), { recursive: true });
  writeFileSync(path.join(ws, '.vscode', 'mcp.json'), JSON.stringify({ servers: { local: { command: 'node', args: ['server.js'] } } }, null, 2));
  const home = path.join(work, 'home');
  mkdirSync(path.join(home, '.cursor'), { recursive: true });
  const huge = path.join(root, 'test/fixtures/servers/huge.mjs');
  writeFileSync(path.join(home, '.cursor', 'mcp.json'), JSON.stringify({ mcpServers: { huge: { command: rt.node, args: [huge], env: { TOOL_COUNT: String(TOOLS) } } } }, null, 2));

  server = await startCodeServer({ dataDir: path.join(work, 'code-server'), testDriver: true });
  const remote = (p) => `vscode-remote://${new URL(server.url).host}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ext)],
    ['extensionTestsPath', remote(path.join(root, 'out/bench/workbench/host.js'))],
    ['extensionEnvironment', JSON.stringify({ HOME: home, MCP_DEVTOOLS_BENCH_TOOLS: String(TOOLS) })],
  ];
  const url = `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  browser = await launchBrowser();

  /** One fresh window: a new page loads the workbench, the host script reports, the page closes. */
  async function window() {
    const page = await browser.context.newPage();
    const log = [];
    let result;
    let resolveDone; const done = new Promise((r) => { resolveDone = r; });
    await page.exposeFunction('codeAutomationExit', (c) => resolveDone(c));
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.startsWith(MARKER)) result = JSON.parse(text.slice(MARKER.length));
      else log.push(`[${level}] ${text}`);
    });
    try {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
      const code = await Promise.race([done, new Promise((r) => setTimeout(r, WINDOW_TIMEOUT_MS, 'timeout'))]);
      if (code !== 0 || !result) throw new Error(`the window ended with ${code} and ${result ? 'figures' : 'no figures'}:\n${log.slice(-40).join('\n')}`);
      return result;
    } finally {
      await page.close();
    }
  }

  await window();
  const runs = [];
  for (let i = 0; i < WINDOWS; i++) {
    runs.push(await window());
    if (process.stderr.isTTY) process.stderr.write(`window ${i + 1}/${WINDOWS} done\r`);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');

  // 2. and 3.
  const act = runs.map((r) => r.activation);
  const { eager, event } = act[0];
  const m = (k) => median(act.map((a) => a[k]));
  line(`activation (load code + call activate), median of ${WINDOWS}`, median(act.map((a) => a.loadCode + a.callActivate)), 'ms', TARGET.activationMs);
  console.log(`  load code ${m('loadCode')} ms, call activate ${m('callActivate')} ms, finish activate ${m('finishActivate')} ms (median each); event ${event}${eager ? ' (eager)' : ''}`);
  console.log(`  per window (load + call): ${act.map((a) => a.loadCode + a.callActivate).join(', ')} ms`);
  const req = act.map((a) => a.requireMs).filter((x) => typeof x === 'number');
  // load code = the host's own awaits (other extensions run meanwhile) + require of dist/extension.js
  if (req.length) console.log(`  of load code, require(dist/extension.js) ${median(req)} ms median (per window: ${req.join(', ')} ms; host performance marks)`);
  line(`Servers tree, first render of ${TOOLS.toLocaleString('en')} tools, median of ${WINDOWS}`, median(runs.map((r) => r.treeMs)), 'ms', TARGET.treeMs);
  console.log(`  per window: ${runs.map((r) => r.treeMs.toFixed(1)).join(', ')} ms`);
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
}
