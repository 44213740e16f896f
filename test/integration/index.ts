// The extension-tests entry (extensionTestsPath): runs every *.test.js beside it with mocha inside the
// extension host and prints `RESULT: N passed, N failed` for the harness to collect.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  console.log('__EXTENSION_TESTS_BEGIN__');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  Mocha.reporters.Base.useColors = false; // the log goes through the workbench, not a terminal
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} integration test(s) failed.`)) : resolve()));
    runner.on('end', () => console.log(`RESULT: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`));
  });
}
