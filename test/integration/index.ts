// The extension-tests entry (extensionTestsPath) of the main suite: every *.test.js beside it.
import { runMochaIn } from './mochaRunner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
