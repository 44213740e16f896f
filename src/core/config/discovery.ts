import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { WORKSPACE_FORMATS } from './formats';
import type { ConfigFile } from './model';

/**
 * Finds and reads the MCP config files of the given workspace folders.
 *
 * @param folders absolute paths of workspace folders
 * @returns one {@link ConfigFile} per existing file, in folder order then format order. A file that
 *   exists but cannot be read (permissions, a directory in its place) comes back with `error` set;
 *   a missing file is simply absent. Never throws.
 */
export async function discoverWorkspaceConfigs(folders: readonly string[]): Promise<ConfigFile[]> {
  const found: ConfigFile[] = [];
  for (const folder of folders) {
    for (const format of WORKSPACE_FORMATS) {
      for (const rel of format.workspacePaths ?? []) {
        const file = path.join(folder, ...rel.split('/'));
        const text = await readIfExists(file);
        if (text === undefined) continue;
        if (typeof text !== 'string') {
          found.push({ path: file, client: format.client, scope: 'workspace', servers: [], inputs: [], error: { message: text.error } });
        } else {
          found.push(format.read(text, file));
        }
      }
    }
  }
  return found;
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
