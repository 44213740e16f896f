/**
 * Process-tree sampling cost per tick with ten running stdio servers.
 *
 * Before: every server's `TreeWatch` read the whole process table on its own 2 s timer, so one
 * interval cost ten reads. After: one `ProcessTableTicker` reads it once per tick for all of them.
 * Both are measured here on this machine's real process table (median of `ROUNDS` ticks, with the
 * load printed first, since the cost grows with the number of processes).
 */
import * as os from 'node:os';
import { processTable, ProcessTableTicker, TreeWatch } from '../src/core/connection/processTree';

const WATCHES = 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const processes = (await processTable()).size;
  console.log(`load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${processes} processes; ${WATCHES} watches; ${ROUNDS} rounds`);
  const before: number[] = [];
  const after: number[] = [];
  const ticker = new ProcessTableTicker(processTable, 3_600_000);
  const watches = Array.from({ length: WATCHES }, (_, i) => new TreeWatch(process.pid + i + 1, ticker));
  for (let r = 0; r < ROUNDS; r++) {
    // before: one read per watch per interval (they ran on their own timers, so not coalesced)
    let t = performance.now();
    for (let i = 0; i < WATCHES; i++) await processTable();
    before.push(performance.now() - t);
    t = performance.now();
    await ticker.tick();
    after.push(performance.now() - t);
  }
  watches.forEach((w) => w.stop());
  const b = median(before);
  const a = median(after);
  console.log(`per tick, ${WATCHES} watches: before (a read each) ${b.toFixed(1)} ms, after (one shared read) ${a.toFixed(1)} ms, ${(b / a).toFixed(1)}× less`);
}

void main();
