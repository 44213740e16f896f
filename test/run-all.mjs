// `npm test`: every test, in order: typecheck + lint, build, the MCP conformance suite through the CLI,
// unit tests (mocha, plain node), the
// VS Code runtime (installed once, cached), integration tests in a real VS Code extension host, and
// the end-to-end test in a real workbench. Every stage is bounded; all stages run even when one fails.
// Ends with `N passed, N failed` (tests over all stages; a failing check such as typecheck counts as one
// failure) and exits 1 when anything failed.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnGroup, stopGroup } from './harness/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const MIN = 60000;

/** name, command, time limit, and how to read pass/fail counts from its output (else 1 check). */
const stages = [
  { name: 'typecheck', cmd: [bin('tsc'), '--noEmit', '-p', '.'], limit: 5 * MIN },
  { name: 'eslint', cmd: [bin('eslint'), '.'], limit: 5 * MIN },
  { name: 'build', cmd: [process.execPath, 'scripts/build.mjs', '--tests'], limit: 5 * MIN },
  // the official MCP client conformance suite through the CLI (dist/cli.js): installed once into the
  // runtime cache and run on the cache's Node 24, inside a network namespace (its servers listen on every
  // interface); RESULT counts the checks of core, backcompat and draft (extensions printed, not counted)
  { name: 'conformance', cmd: [process.execPath, 'scripts/conformance.mjs', '--netns'], limit: 10 * MIN, counts: resultCounts },
  { name: 'unit', cmd: [bin('mocha'), '--no-color'], limit: 10 * MIN, counts: mochaCounts },
  { name: 'vscode runtime', cmd: [process.execPath, '-e', "import('./test/harness/runtime.mjs').then(async (r) => { const rt = await r.ensureRuntime(); r.chromiumPath(); console.log('code-server', r.CODE_SERVER_VERSION, 'on', rt.node); })"], limit: 20 * MIN },
  { name: 'integration', cmd: [process.execPath, 'test/integration/run.mjs'], limit: 12 * MIN, counts: resultCounts },
  { name: 'e2e', cmd: [process.execPath, 'test/e2e/run.mjs'], limit: 8 * MIN, counts: resultCounts },
];

function mochaCounts(out) {
  const p = /(\d+) passing/.exec(out);
  const f = /(\d+) failing/.exec(out);
  return p || f ? { passed: Number(p?.[1] ?? 0), failed: Number(f?.[1] ?? 0) } : undefined;
}
function resultCounts(out) {
  // one RESULT line per suite (integration runs two): their sum
  const all = [...out.matchAll(/RESULT: (\d+) passed, (\d+) failed/g)];
  if (!all.length) return undefined;
  return all.reduce((t, m) => ({ passed: t.passed + Number(m[1]), failed: t.failed + Number(m[2]) }), { passed: 0, failed: 0 });
}

function runStage(stage) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    console.log(`\n=== ${stage.name}: ${stage.cmd.map((c) => path.relative(root, c) || c).join(' ')}`);
    const child = spawnGroup(stage.cmd[0], stage.cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; void stopGroup(child, 2000); }, stage.limit);
    child.once('error', (e) => { out += e.message; });
    child.once('close', async (code) => {
      clearTimeout(timer);
      await stopGroup(child, 1000); // leftovers of the stage's process group
      const counts = stage.counts?.(out);
      const ok = code === 0 && !timedOut && (!counts || counts.failed === 0);
      const result = counts ? { ...counts } : { passed: ok ? 1 : 0, failed: ok ? 0 : 1 };
      if (!ok && result.failed === 0) result.failed = 1; // a crash or hang after passing tests still fails
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      console.log(`=== ${stage.name}: ${ok ? 'ok' : timedOut ? `TIMED OUT after ${stage.limit / 1000} s` : `FAILED (exit ${code})`} in ${secs} s`);
      resolve({ name: stage.name, ok, secs, ...result });
    });
  });
}

const results = [];
for (const stage of stages) results.push(await runStage(stage));
console.log('\nsummary:');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name.padEnd(15)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed  ${r.secs} s`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
