// The extension-tests entry of the Restricted Mode suite (a workspace that is not trusted).
import { runMochaIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
