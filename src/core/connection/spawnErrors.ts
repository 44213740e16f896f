/**
 * Spawn failures turned into messages that say what failed, why, and what to do.
 *
 * Pure core: no `vscode` import.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Launch } from './launch';

type StdioLaunch = Extract<Launch, { kind: 'stdio' }>;

/**
 * Checks what `spawn` would otherwise report as a bare `ENOENT`: a missing `cwd`.
 * @returns a message when the working directory is unusable, else `undefined`
 */
export async function checkCwd(launch: StdioLaunch): Promise<string | undefined> {
  if (!launch.cwd) return undefined;
  try {
    const st = await fs.stat(launch.cwd);
    if (!st.isDirectory()) return `the working directory ${launch.cwd} is not a directory; fix "cwd" in the config`;
  } catch {
    return `the working directory ${launch.cwd} does not exist; fix "cwd" in the config or create the folder`;
  }
  return undefined;
}

/**
 * A clear message for an error from spawning a stdio server.
 *
 * @param err the error `spawn` emitted (`code` ENOENT, EACCES, …)
 * @param launch what was run
 * @param searchPath the PATH the child was given (the one the command was looked up in)
 * @returns e.g. `spawn npx ENOENT — the PATH searched was /usr/bin:/bin; try an absolute path …`
 */
export function describeSpawnError(err: NodeJS.ErrnoException, launch: StdioLaunch, searchPath: string | undefined): string {
  const cmd = launch.command;
  const head = `spawn ${cmd} ${err.code ?? ''}`.trim();
  const relative = !path.isAbsolute(cmd) && /[\\/]/.test(cmd);
  if (err.code === 'ENOENT') {
    if (path.isAbsolute(cmd)) return `${head} — ${cmd} does not exist; check the path in "command"`;
    if (relative) return `${head} — ${cmd} is relative to the working directory ${launch.cwd ?? process.cwd()}, and not found there; use an absolute path`;
    const nodeTool = /^(npx|npm|node|pnpm|pnpx|yarn|bun|bunx|deno|corepack)(\.cmd|\.exe)?$/i.test(cmd);
    return [
      `${head} — the PATH searched was ${searchPath || '(empty)'}`,
      `; try an absolute path (run \`which ${cmd}\` in a terminal and put its answer in "command")`,
      nodeTool
        ? `, or nvm/fnm/volta users: ${cmd} lives in a folder your login shell adds to PATH, which an editor started from the desktop does not see — use the absolute path, or start the editor from a terminal`
        : '',
    ].join('');
  }
  if (err.code === 'EACCES') return `${head} — ${cmd} is not executable; run \`chmod +x\` on it, or start it through its interpreter (e.g. "command": "node")`;
  if (err.code === 'ENOTDIR') return `${head} — a part of the path to ${cmd} or of the cwd is not a directory`;
  if (err.code === 'E2BIG') return `${head} — the command line or environment is too large`;
  return `${head} — ${err.message}`;
}
