/**
 * Keeps the servers of a config file while it does not parse: a missing comma half-way through an
 * edit must not make its servers disappear (and get stopped).
 *
 * Pure core: no `vscode` import.
 */
import type { ConfigFile } from './model';

/**
 * Remembers, per file (path and, for Claude Code local scope, workspace folder), the last read
 * that had no `error`. {@link LastGoodConfigs.apply} puts those servers and inputs back into a read
 * that has one. A file missing from a read is forgotten: deleting a file removes its servers.
 */
export class LastGoodConfigs {
  private readonly good = new Map<string, ConfigFile>();

  /**
   * @param files one read of every config file (as `discoverConfigs` returns them)
   * @returns the same files in the same order; a file with `error` that read without one before
   *   comes back with that read's `servers` and `inputs`, its own `error`, and `keptLastGood: true`
   */
  apply(files: readonly ConfigFile[]): ConfigFile[] {
    const seen = new Set<string>();
    const out = files.map((f) => {
      const key = `${f.path}\0${f.workspaceFolder ?? ''}`;
      seen.add(key);
      if (!f.error) {
        this.good.set(key, f);
        return f;
      }
      const last = this.good.get(key);
      return last ? { ...f, servers: last.servers, inputs: last.inputs, keptLastGood: true } : f;
    });
    for (const key of this.good.keys()) if (!seen.has(key)) this.good.delete(key);
    return out;
  }
}
