import * as os from 'node:os';
import type { ServerDefinition } from '../core/config/model';
// not the barrel: it re-exports resolve.ts, which has `which` (dist/live.js has it)
import { processPath } from '../core/configDoctor/clientPath';
import { formatLocation, type StartExplanation } from '../core/configDoctor/explain';
import { loadLive } from '../core/lazy';
import type { RevealArgs } from './revealServer';

/**
 * A failed start explained as the config doctor does (`core/configDoctor`): the config line at
 * fault and a fix, the command looked up on the PATH this VS Code gives its servers (and in nvm,
 * fnm, Volta, asdf and mise folders). Only for a server in the error state, so `dist/live.js` (which
 * has `which`) is loaded already: the registry that failed lives there.
 * @returns `undefined` for a failure the doctor does not know (HTTP errors, timeouts, …)
 */
export function explainFailure(def: ServerDefinition, state: { message: string; stderrTail: readonly string[] }): StartExplanation | undefined {
  const live = loadLive();
  const check = live.checkCommand(def, { platform: process.platform, env: process.env, home: os.homedir() }, { clientPath: processPath(process.env) });
  return live.explainStartFailure(def, state.message, state.stderrTail, check);
}

/** The explanation as tooltip or notification text: why, the fix, and where. */
export function explanationText(e: StartExplanation): string {
  return [`Why: ${e.problem}`, `Fix: ${e.fix}`, ...(e.at ? [`At: ${formatLocation(e.at)} ("${e.at.field}")`] : [])].join('\n');
}

/** Where `mcpDevtools.revealServer` opens the config for this explanation, when it has a place. */
export function revealArgsOf(e: StartExplanation): RevealArgs | undefined {
  return e.at && { file: e.at.file, line: e.at.line, character: e.at.character };
}
