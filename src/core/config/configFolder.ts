/**
 * Which folder is "the workspace" when there is no editor to say so: the command line walks up
 * from where it runs to the nearest folder with MCP config files, and a file named explicitly
 * belongs to the folder its path implies.
 *
 * Pure core: no `vscode` import.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { workspaceConfigCandidates } from './discovery';
import { comparablePath, discoveryEnvFromProcess, type DiscoveryEnv } from './env';
import { formatById, mayHoldServers } from './formats';

/**
 * The folder whose MCP config files apply to `start`: `start` itself, or its nearest ancestor that
 * holds a workspace-scope config file of any client (`.vscode/mcp.json`, `*.code-workspace`,
 * `.mcp.json`, `.cursor/mcp.json`, `.gemini/settings.json`, `.codex/config.toml`,
 * `.continue/mcpServers/*`, `.kiro/settings/mcp.json`, …; a shared settings file such as
 * `.vscode/settings.json` only when it has its servers key). The nearest folder wins and folders further up are not merged: git
 * finds `.git` and ESLint finds `eslint.config.js` the same way.
 *
 * The walk stops below the user's home directory (`env.home`): there `.cursor/mcp.json`,
 * `.gemini/settings.json` and `.codex/config.toml` are those clients' user-scope files, not a
 * project's. Home is looked at only when it is `start` itself (as before there was a walk).
 *
 * @param start an absolute folder path
 * @returns the absolute path of that folder, or `undefined` when neither `start` nor any folder
 *   above it (up to the filesystem root, or below home) has a config file. Never throws: a folder
 *   that cannot be read counts as having none.
 */
export async function findConfigFolder(start: string, env: DiscoveryEnv = discoveryEnvFromProcess()): Promise<string | undefined> {
  const home = comparablePath(env.home, env.platform);
  let dir = path.resolve(start);
  for (;;) {
    if (await hasConfigFile(dir)) return dir;
    const parent = path.dirname(dir);
    if (parent === dir || comparablePath(parent, env.platform) === home) return undefined;
    dir = parent;
  }
}

/** Whether some workspace-scope config file exists (as a file) in `folder`. */
async function hasConfigFile(folder: string): Promise<boolean> {
  for (const { path: file, format } of await workspaceConfigCandidates(folder)) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    // `.vscode/settings.json`, `.zed/settings.json`, `opencode.json`: only with their servers key
    if (!format.shared || mayHoldServers(format, await fs.readFile(file, 'utf8').catch(() => ''))) return true;
  }
  return false;
}

/**
 * The workspace folder a config file implies by its path, for `${workspaceFolder}`, relative
 * `cwd`s and roots: for a workspace-scope format, the folder its workspace path hangs from
 * (`/p/.vscode/mcp.json` → `/p`; `/p/.continue/mcpServers/x.yaml` → `/p`; `/p/a.code-workspace`
 * → `/p`).
 *
 * @param file an absolute path
 * @param formatId the id of the format the file is read as (formats.ts)
 * @returns `undefined` for a user-scope format, or when the path does not end with one of the
 *   format's workspace paths (a file read with an explicit format under another name)
 * @throws Error for an unknown format id (ids are constants of formats.ts)
 */
export function workspaceFolderOf(file: string, formatId: string): string | undefined {
  const format = formatById(formatId);
  const segments = path.resolve(file).split(path.sep);
  for (const rel of format.workspacePaths ?? []) {
    const tail = rel.split('/');
    if (segments.length <= tail.length) continue;
    const end = segments.slice(-tail.length);
    const matches = tail.every((t, i) => new RegExp(`^${t.split('*').map(escape).join('.*')}$`, 'i').test(end[i]));
    if (matches) return segments.slice(0, -tail.length).join(path.sep) || path.sep;
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
