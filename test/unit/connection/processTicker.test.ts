import * as assert from 'node:assert/strict';
import { ProcessTableTicker, TreeWatch, type ProcessTable } from '../../../src/core/connection/processTree';

describe('process trees: one timer and one table read per tick for every watch', () => {
  it('ten watches share one read per tick, and each learns its own descendants', async function () {
    if (process.platform === 'win32') this.skip();
    // pid 100..109 are the servers; 1000+i is a child of server i
    const table: ProcessTable = new Map();
    for (let i = 0; i < 10; i++) {
      table.set(100 + i, { ppid: 1, start: 's' });
      table.set(1000 + i, { ppid: 100 + i, start: `c${i}` });
    }
    // a live process (this one) under server 0, so what a watch remembered can be seen in survivors()
    table.set(process.pid, { ppid: 100, start: 'me' });
    let reads = 0;
    const ticker = new ProcessTableTicker(async () => (reads++, table), 3_600_000);
    const watches = Array.from({ length: 10 }, (_, i) => new TreeWatch(100 + i, ticker));
    assert.equal(ticker.active, true);
    await ticker.tick();
    assert.equal(reads, 1, 'one table read for ten watches');
    await ticker.tick();
    assert.equal(reads, 2);
    // what each watch remembered: its own descendants only (the fake pids are not alive, this process is)
    const survivors = await Promise.all(watches.map((w) => w.survivors()));
    assert.equal(ticker.active, false, 'the timer stops with the last watch');
    assert.deepEqual(survivors, [[process.pid], [], [], [], [], [], [], [], [], []]);
  });

  it('overlapping reads are shared; stopping every watch stops the timer', async () => {
    let reads = 0;
    let release!: (t: ProcessTable) => void;
    const ticker = new ProcessTableTicker(() => (reads++, new Promise<ProcessTable>((r) => (release = r))), 3_600_000);
    const a = new TreeWatch(1, ticker);
    const b = new TreeWatch(2, ticker);
    const both = Promise.all([a.sample(), b.sample(), ticker.tick()]);
    release(new Map());
    await both;
    assert.equal(reads, 1);
    a.stop();
    assert.equal(ticker.active, process.platform !== 'win32');
    b.stop();
    assert.equal(ticker.active, false);
  });
});
