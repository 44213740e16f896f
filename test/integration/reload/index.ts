// The extension-tests entry of the Reload Window suite: run once per phase by the harness
// (code-shim `--reload-phases=2`: the same page loads the workbench again, a new extension host on
// the same user data), with MCP_DEVTOOLS_RELOAD_PHASE=1, then 2.
import { runMochaIn } from '../mochaRunner';

export function run(): Promise<void> {
  return runMochaIn(__dirname);
}
