import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every *.test.js of `dir` with mocha inside the extension host and prints
 * `RESULT: N passed, N failed` for the harness to collect. Rejects when a test failed.
 */
export function runMochaIn(dir: string): Promise<void> {
  console.log('__EXTENSION_TESTS_BEGIN__');
  // MCP_DEVTOOLS_TEST_GREP=<regexp>: run only the matching tests (for working on one)
  const grep = process.env.MCP_DEVTOOLS_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  Mocha.reporters.Base.useColors = false; // the log goes through the workbench, not a terminal
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
    runner.on('end', () => console.log(`RESULT: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`));
  });
}
