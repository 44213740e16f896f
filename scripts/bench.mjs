// `npm run bench`: runs every out/bench/*.bench.js (built from bench/*.bench.ts) and every
// bench/*.bench.mjs (drivers that need no build of their own, such as the one that starts the real
// VS Code) in its own node process, one after the other, so one benchmark's garbage and JIT state
// don't skew another's. Each benchmark prints its own figures: medians and ratios against a floor
// measured in the same run, or against its targets.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const pick = (f) => !only.length || only.some((o) => f.includes(o));
const files = [
  ...readdirSync('out/bench').filter((f) => f.endsWith('.bench.js')).map((f) => `out/bench/${f}`),
  ...readdirSync('bench').filter((f) => f.endsWith('.bench.mjs')).map((f) => `bench/${f}`),
].filter((f) => pick(f.slice(f.lastIndexOf('/') + 1))).sort((a, b) => a.slice(a.lastIndexOf('/')).localeCompare(b.slice(b.lastIndexOf('/'))));
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.slice(f.lastIndexOf('/') + 1).replace(/\.bench\.m?js$/, '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', f], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
