/**
 * The config files a verb reads, and the workspace folder they imply: the nearest folder with
 * MCP config files from the working directory up (as git and ESLint find theirs), or the files
 * named with `--config`; `--user` adds every client's user-scope files.
 */
import * as path from 'node:path';
import { findConfigFolder, workspaceFolderOf } from '../core/config/configFolder';
import { ConfigPathError, discoverConfigs, readNamedConfigs } from '../core/config/discovery';
import type { ConfigFile, ServerDefinition } from '../core/config/model';
import { UsageError, type Io } from './io';
import type { ConfigChoice } from './options';

/** What {@link loadConfigs} found. */
export interface LoadedConfigs {
  files: ConfigFile[];
  /**
   * The folder the files were found in by the walk up from the working directory; the working
   * directory itself when nothing was found or the files were named with `--config`.
   */
  folder: string;
  /** The folders offered as roots: {@link folder}, or with `--config`, the workspace folder of each named workspace-scope file. */
  roots: string[];
  /** `${workspaceFolder}` of a server: the folder its file implies, else {@link folder}. */
  workspaceFolder(server: ServerDefinition): string;
  /** Where the files were looked for, for "nothing found" messages. */
  describe(): string;
}

/**
 * Reads the config files of `choice` for a verb run in `io.cwd`.
 * @throws UsageError when a `--config` file is missing, unreadable, or of an unknown format
 */
export async function loadConfigs(io: Io, choice: ConfigChoice): Promise<LoadedConfigs> {
  const folderOfFile = new Map<string, string>();
  let files: ConfigFile[];
  let folder = io.cwd;
  let roots: string[];
  if (choice.configs.length) {
    try {
      files = await readNamedConfigs(choice.configs.map((c) => path.resolve(io.cwd, c)), { formatId: choice.as });
    } catch (e) {
      if (e instanceof ConfigPathError) throw new UsageError(`--config: ${e.message}`);
      throw e;
    }
    for (const f of files) {
      const dir = f.format && f.scope === 'workspace' ? workspaceFolderOf(f.path, f.format) : undefined;
      if (dir) folderOfFile.set(f.path, dir);
    }
    roots = [...new Set(folderOfFile.values())];
    if (!roots.length) roots = [io.cwd];
    if (choice.user) {
      const named = new Set(files.map((f) => f.path));
      files.push(...(await discoverConfigs({ folders: [], includeUser: true })).filter((f) => !named.has(f.path)));
    }
  } else {
    folder = (await findConfigFolder(io.cwd)) ?? io.cwd;
    roots = [folder];
    files = await discoverConfigs({ folders: [folder], includeUser: choice.user });
  }
  const byServer = new Map<string, string>();
  for (const f of files) {
    const dir = f.workspaceFolder ?? folderOfFile.get(f.path);
    if (dir) for (const s of f.servers) byServer.set(s.id, dir);
  }
  return {
    files,
    folder,
    roots,
    workspaceFolder: (server) => byServer.get(server.id) ?? folder,
    describe: () => choice.configs.length
      ? `in ${choice.configs.join(', ')}`
      : `in ${io.cwd} or any folder above it${choice.user ? ', or in the user\'s files' : ' (--user also reads every client\'s user-scope files; --config names files)'}`,
  };
}

/** No config file at all: for servers given as a URL or a command line only (`adHoc.ts`); the folder is `io.cwd`. */
export function noConfigFiles(io: Io): LoadedConfigs {
  return { files: [], folder: io.cwd, roots: [io.cwd], workspaceFolder: () => io.cwd, describe: () => '(none read: the server was given as a URL or a command line)' };
}
