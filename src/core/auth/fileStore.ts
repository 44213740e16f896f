/**
 * The CLI's {@link AuthStore}: one JSON file per key in the user's config folder
 * (`$XDG_CONFIG_HOME/mcp-devtools/auth`, else `~/.config/mcp-devtools/auth`), the folder mode 0700
 * and each file mode 0600, written whole (temporary file, then rename) so a crash never leaves half
 * a token. Never in a workspace: the folder comes from the environment, not from the config files.
 *
 * Pure core: no `vscode` import.
 */
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AuthStore } from './types';

/** The folder of {@link FileAuthStore}: `$XDG_CONFIG_HOME/mcp-devtools/auth`, else `~/.config/mcp-devtools/auth`. */
export function authStoreDir(env: Readonly<Record<string, string | undefined>>, home = os.homedir()): string {
  const base = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
  return path.join(base, 'mcp-devtools', 'auth');
}

const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

export class FileAuthStore implements AuthStore {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const entry = JSON.parse(await fs.readFile(this.file(key), 'utf8')) as { key?: string; value?: string };
      return entry.key === key ? entry.value : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || e instanceof SyntaxError) return undefined;
      throw new Error(`cannot read the sign-in store ${this.dir}: ${(e as Error).message}`);
    }
  }

  /** @throws Error naming the folder when it cannot be written */
  async set(key: string, value: string): Promise<void> {
    const file = this.file(key);
    const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true, mode: DIR_MODE });
      await fs.writeFile(tmp, JSON.stringify({ key, value }), { mode: FILE_MODE });
      // The mode given to writeFile is masked by the umask; set it exactly.
      await fs.chmod(tmp, FILE_MODE);
      await fs.rename(tmp, file);
    } catch (e) {
      await fs.rm(tmp, { force: true }).catch(() => undefined);
      throw new Error(`cannot write the sign-in store ${this.dir}: ${(e as Error).message}; check that the folder is yours and writable`);
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.file(key), { force: true });
  }

  async keys(): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return [];
    }
    const keys: string[] = [];
    for (const n of names.filter((f) => f.endsWith('.json'))) {
      try {
        const entry = JSON.parse(await fs.readFile(path.join(this.dir, n), 'utf8')) as { key?: unknown };
        if (typeof entry.key === 'string') keys.push(entry.key);
      } catch {
        // A file that is not ours, or half-written by another tool: skipped.
      }
    }
    return keys.sort();
  }
}

/** An {@link AuthStore} in memory (tests, and a session that must not persist anything). */
export class MemoryAuthStore implements AuthStore {
  private readonly values = new Map<string, string>();
  async get(key: string) { return this.values.get(key); }
  async set(key: string, value: string) { this.values.set(key, value); }
  async delete(key: string) { this.values.delete(key); }
  async keys() { return [...this.values.keys()].sort(); }
}
