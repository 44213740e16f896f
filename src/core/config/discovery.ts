import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { comparablePath, discoveryEnvFromProcess, pathApi, type DiscoveryEnv } from './env';
import { ALL_FORMATS, formatById, formatForPath, mayHoldServers, WORKSPACE_FORMATS, type ConfigFormat } from './formats';
import type { ConfigFile } from './model';
import { userConfigPaths, vscodeUserDataDirs } from './userPaths';

export { discoveryEnvFromProcess, type DiscoveryEnv } from './env';
export { userConfigPaths, type UserConfigPath } from './userPaths';

/** Options of {@link discoverConfigs}. */
export interface DiscoverOptions {
  /** Absolute paths of the workspace folders. */
  folders: readonly string[];
  /** Where the user's files are; default {@link discoveryEnvFromProcess}. */
  env?: DiscoveryEnv;
  /** Read user-scope files too (default `true`). */
  includeUser?: boolean;
  /** The open `.code-workspace` file, if any (VS Code's `workspace.workspaceFile`). */
  workspaceFile?: string;
}

/**
 * Finds and reads the MCP config files of the given workspace folders (every workspace-scope
 * format, `*` patterns expanded) — no user files.
 *
 * @param folders absolute paths of workspace folders
 * @returns one {@link ConfigFile} per existing file, in folder order then format order. A file that
 *   exists but cannot be read (permissions, a directory in its place) comes back with `error` set;
 *   a missing file is simply absent. Never throws.
 */
export async function discoverWorkspaceConfigs(folders: readonly string[]): Promise<ConfigFile[]> {
  const targets: { format: ConfigFormat; path: string }[] = [];
  for (const folder of folders) targets.push(...(await workspaceConfigCandidates(folder)));
  return readAll(targets);
}

/**
 * Where a folder's workspace-scope config files would be, in format order: every
 * {@link ConfigFormat.workspacePaths} under `folder`, `*` patterns expanded to the files that
 * exist (the other paths are returned whether they exist or not). Never throws.
 */
export async function workspaceConfigCandidates(folder: string): Promise<{ format: ConfigFormat; path: string }[]> {
  const targets: { format: ConfigFormat; path: string }[] = [];
  for (const format of WORKSPACE_FORMATS) {
    for (const rel of format.workspacePaths ?? []) {
      for (const file of await expand(folder, rel)) targets.push({ format, path: file });
    }
  }
  return targets;
}

/** A config file named explicitly cannot be used: it is missing or unreadable, or its format is unknown. */
export class ConfigPathError extends Error {}

/**
 * Reads config files named explicitly (the CLI's `--config`), each as the format `formatId` when
 * given, else as the format its path names ({@link formatForPath}: `.vscode/mcp.json`,
 * `.cursor/mcp.json`, `claude_desktop_config.json`, …, the same rules as the linter).
 *
 * @param files absolute paths
 * @returns one {@link ConfigFile} per distinct path, in order; a file that does not parse comes
 *   back with `error` set (and what could be recovered), as in discovery
 * @throws ConfigPathError when a file does not exist or cannot be read, when `formatId` is not a
 *   known format id, or when no format is given and the path is not one any MCP client reads
 */
export async function readNamedConfigs(files: readonly string[], opts: { formatId?: string; env?: DiscoveryEnv } = {}): Promise<ConfigFile[]> {
  const known = () => ALL_FORMATS.map((f) => f.id).join(', ');
  const given = opts.formatId === undefined ? undefined : ALL_FORMATS.find((f) => f.id === opts.formatId);
  if (opts.formatId !== undefined && !given) throw new ConfigPathError(`unknown format id "${opts.formatId}" (known: ${known()})`);
  const out: ConfigFile[] = [];
  for (const file of [...new Set(files)]) {
    const format = given ?? formatForPath(file, opts.env);
    if (!format) throw new ConfigPathError(`${file} is not a file any MCP client reads by that name, so its format is unknown: give its format id (CLI: --as <format-id>; known: ${known()})`);
    const text = await readIfExists(file);
    if (text === undefined) throw new ConfigPathError(`${file} does not exist`);
    if (typeof text !== 'string') throw new ConfigPathError(text.error);
    out.push(format.read(text, file));
  }
  return out;
}

/**
 * Finds and reads every config file: the workspace folders' (as {@link discoverWorkspaceConfigs}),
 * the open `.code-workspace` file, the Claude Code local-scope servers of `~/.claude.json` whose
 * `projects` key is one of the folders (one workspace-scope {@link ConfigFile} per folder, with
 * `workspaceFolder` set), and, with `includeUser`, every user-scope file of {@link userConfigPaths}
 * plus VS Code profiles' `User/profiles/<id>/mcp.json`. Each path is read once (first role wins).
 *
 * @returns workspace files first, then user files. Missing files are skipped; unreadable ones come
 *   back with `error`. Never throws.
 */
export async function discoverConfigs(opts: DiscoverOptions): Promise<ConfigFile[]> {
  const env = opts.env ?? discoveryEnvFromProcess();
  const includeUser = opts.includeUser ?? true;
  const found = await discoverWorkspaceConfigs(opts.folders);
  if (opts.workspaceFile) found.push(...(await readAll([{ format: formatById('vscode-code-workspace'), path: opts.workspaceFile }])));

  const claudeJson = userConfigPaths(env).find((u) => u.format.id === 'claude-code-user');
  const claude = claudeJson && (includeUser || opts.folders.length) ? (await readAll([claudeJson]))[0] : undefined;
  for (const folder of claude ? opts.folders : []) {
    const key = comparablePath(folder, env.platform);
    const servers = claude!.servers.filter((s) => s.project !== undefined && comparablePath(s.project, env.platform) === key);
    if (servers.length) found.push({ ...claude!, scope: 'workspace', workspaceFolder: folder, servers, inputs: [] });
  }
  if (includeUser) {
    if (claude) found.push({ ...claude, servers: claude.servers.filter((s) => s.project === undefined) });
    const targets = userConfigPaths(env).filter((u) => u !== claudeJson);
    const p = pathApi(env);
    for (const dir of vscodeUserDataDirs(env)) {
      for (const profile of await listDir(p.join(dir, 'User', 'profiles'))) {
        targets.push({ format: formatById('vscode-user'), path: p.join(dir, 'User', 'profiles', profile, 'mcp.json') });
      }
    }
    found.push(...(await readAll(targets)));
  }
  const seen = new Set<string>();
  return found.filter((f) => {
    const key = `${f.path}\0${f.workspaceFolder ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads each existing target with its format, in order; a shared settings file without its servers key is skipped. */
async function readAll(targets: readonly { format: ConfigFormat; path: string }[]): Promise<ConfigFile[]> {
  const texts = await Promise.all(targets.map((t) => readIfExists(t.path)));
  const out: ConfigFile[] = [];
  targets.forEach(({ format, path: file }, i) => {
    const text = texts[i];
    if (text === undefined) return;
    // a settings file (Zed's, VS Code's settings.json, opencode.json) without servers is not an MCP config file
    if (typeof text === 'string' && !mayHoldServers(format, text)) return;
    if (typeof text === 'string') out.push(format.read(text, file));
    else out.push({ path: file, client: format.client, scope: format.scope, format: format.id, servers: [], inputs: [], error: { message: text.error } });
  });
  return out;
}

/** `folder/rel`, or when the last segment of `rel` holds `*`, every matching file in that folder (sorted). */
async function expand(folder: string, rel: string): Promise<string[]> {
  const segments = rel.split('/');
  const last = segments.pop() ?? '';
  const dir = path.join(folder, ...segments);
  if (!last.includes('*')) return [path.join(dir, last)];
  const re = new RegExp(`^${last.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/\\\\]*')}$`);
  return (await listDir(dir)).filter((name) => re.test(name)).map((name) => path.join(dir, name));
}

/** The sorted entry names of a directory; `[]` when it does not exist or cannot be listed. */
async function listDir(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir)).sort();
  } catch {
    return [];
  }
}

/** The text of a file; `undefined` when it does not exist; `{error}` when it exists but can't be read. */
export async function readIfExists(file: string): Promise<string | undefined | { error: string }> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
    return { error: `Cannot read ${file}: ${err.code ?? ''} ${err.message}`.trim() };
  }
}
