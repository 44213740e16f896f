/**
 * A bridged server made ready to start (`resolveMcpServerDefinition`): its variables resolved in
 * its client's dialect (`${env:X}`, `${X}`, `$X`, `${workspaceFolder}`, an env file), and its
 * command fixed for the PATH VS Code gives it ({@link checkCommand}): a command found only through
 * a version manager's folder becomes its absolute path, a script whose `#!/usr/bin/env` interpreter
 * is not on that PATH gets the interpreter's folder put first on `env.PATH`, and a Windows `.cmd`
 * shim runs through `cmd /c`.
 *
 * Pure core: no `vscode` import. Uses `which` (through `configDoctor/resolve.ts`): on the VS Code
 * side it comes through `lazy.ts` (`loadLive`).
 */
import * as path from 'node:path';
import type { ServerDefinition } from '../config/model';
import { delimiterOf, type ClientPath, type HostEnv } from '../configDoctor/clientPath';
import { checkCommand } from '../configDoctor/resolve';
import { resolveLaunch } from '../connection/launch';
import type { VariableContext } from '../connection/variables';

/** A bridged server's launch, resolved and fixed, with a note for each change made. */
export type ResolvedBridge =
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string | null>; cwd?: string; notes: string[] }
  | { kind: 'http'; url: string; headers: Record<string, string>; notes: string[] };

/**
 * @param processPath the PATH VS Code gives the servers it starts (the extension host's)
 * @throws VariableError when a variable cannot be resolved (the message names it); Error for a WebSocket server
 */
export async function resolveBridged(def: ServerDefinition, variables: VariableContext, host: HostEnv, processPath: ClientPath): Promise<ResolvedBridge> {
  const { launch } = await resolveLaunch(def, variables);
  if (launch.kind === 'ws') throw new Error(`server "${def.name}" is a WebSocket server, which VS Code cannot connect to`);
  if (launch.kind !== 'stdio') return { kind: 'http', url: launch.url, headers: launch.headers, notes: [] };
  const notes: string[] = [];
  let { command, args } = launch;
  const env = { ...launch.env };
  const r = checkCommand(def, host, { command, clientPath: processPath })?.resolution;
  if (r && (r.kind === 'found' || r.kind === 'shell-only')) {
    if (r.kind === 'shell-only') {
      notes.push(`"${command}" is not on VS Code's PATH; started as ${r.path}${r.manager ? ` (found through ${r.manager})` : ''}`);
      command = r.path;
    }
    if (r.missingInterpreter) {
      env.PATH = `${path.dirname(r.path)}${delimiterOf(host.platform)}${env.PATH ?? processPath.path}`;
      notes.push(`${path.dirname(r.path)} put first on PATH, for the ${r.missingInterpreter} that ${path.basename(r.path)} runs`);
    }
    if (r.windowsShim) {
      args = ['/c', command, ...args];
      command = 'cmd';
      notes.push(`${r.path} is a .cmd shim: started through cmd /c`);
    }
  }
  return { kind: 'stdio', command, args, env, ...(launch.cwd && { cwd: launch.cwd }), notes };
}
