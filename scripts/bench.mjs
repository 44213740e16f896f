// `npm run bench`: runs every out/bench/*.bench.js (built from bench/*.bench.ts) in its own node
// process, one after the other, so one benchmark's garbage and JIT state don't skew another's.
// Each benchmark prints its own figures: medians and ratios against a floor measured in the same run.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('out/bench').filter((f) => f.endsWith('.bench.js') && (!only.length || only.some((o) => f.includes(o)))).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace(/\.bench\.js$/, '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', `out/bench/${f}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
