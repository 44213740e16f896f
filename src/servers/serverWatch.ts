import * as path from 'node:path';
import * as vscode from 'vscode';
import { rootGlob } from '../core/config/devWatch';
import type { ServerDefinition } from '../core/config/model';

/**
 * How long after the last change of a watched file a server restarts, milliseconds: a save often
 * comes in a burst (format on save, a build writing many files, a `git checkout`), and the server
 * should restart once per burst, not once per file.
 */
export const WATCH_DEBOUNCE_MS = 300;

/** How many lines of {@link ServerWatches.activity} are kept per server. */
const ACTIVITY_KEPT = 30;

/** One server's watch: its globs, the watchers, and the files changed since the last restart. */
interface Watch {
  key: string;
  globs: readonly string[];
  source: 'config' | 'command';
  disposables: vscode.Disposable[];
  timer?: NodeJS.Timeout;
  changed: Set<string>;
  excluded: Set<string>;
  /** `Date.now()` when the watchers were made: a file last modified before it is no change of ours. */
  since: number;
}

/**
 * Restarts servers when their source changes: the globs of VS Code's `dev.watch` (relative to the
 * workspace folder of the config file, as VS Code roots them; a leading `!` excludes), or the
 * glob given to "Watch Server Source…" for this window. A `FileSystemWatcher` per glob
 * (`RelativePattern`); an excluding glob has a watcher too, and a file both match does not count.
 * Changes are gathered for {@link WATCH_DEBOUNCE_MS}, then `restart` runs once with the files.
 */
export class ServerWatches implements vscode.Disposable {
  private readonly watches = new Map<string, Watch>();
  /** Globs from "Watch Server Source…", by server id: they win over the config's for this window. */
  private readonly fromCommand = new Map<string, readonly string[]>();
  /** Servers whose config watch was stopped with "Stop Watching" for this window. */
  private readonly stopped = new Set<string>();
  private definitions: readonly ServerDefinition[] = [];
  /** What each watch saw lately (events, dropped events, restarts), newest last: for a failed test's message and bug reports. */
  private readonly seen = new Map<string, string[]>();

  constructor(private readonly restart: (id: string, files: string[]) => void) {}

  /** Follows the servers of the config files: watches start, change or end with their `dev.watch`. */
  sync(defs: readonly ServerDefinition[]): void {
    this.definitions = defs;
    const seen = new Set<string>();
    for (const def of defs) {
      seen.add(def.id);
      const command = this.fromCommand.get(def.id);
      const globs = command ?? (this.stopped.has(def.id) ? [] : (def.dev?.watch ?? []).map((w) => w.value).filter((g) => g.trim()));
      this.set(def, globs, command ? 'command' : 'config');
    }
    for (const id of [...this.watches.keys()]) if (!seen.has(id)) this.clear(id);
  }

  /** "Watch Server Source…": watches `globs` for this server, for this window. */
  watch(def: ServerDefinition, globs: readonly string[]): void {
    this.fromCommand.set(def.id, globs);
    this.stopped.delete(def.id);
    this.set(def, globs, 'command');
  }

  /** "Stop Watching": no restart on change any more, for this window. */
  unwatch(id: string): void {
    this.fromCommand.delete(id);
    this.stopped.add(id);
    this.clear(id);
  }

  /** The globs watched for a server, and whether they come from its config or the command; `undefined` when not watched. */
  watched(id: string): { globs: readonly string[]; source: 'config' | 'command' } | undefined {
    const w = this.watches.get(id);
    return w && { globs: w.globs, source: w.source };
  }

  private set(def: ServerDefinition, globs: readonly string[], source: Watch['source']): void {
    const base = baseFolder(def);
    const key = JSON.stringify([base, globs]);
    const old = this.watches.get(def.id);
    if (old?.key === key) return;
    this.clear(def.id);
    if (!globs.length) return;
    const w: Watch = { key, globs, source, disposables: [], changed: new Set(), excluded: new Set(), since: Date.now() };
    this.note(def.id, `watching ${globs.join(', ')} from ${base}`);
    for (const glob of globs) {
      const rooted = rootGlob(glob, base);
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(rooted.base), rooted.pattern));
      const note = (uri: vscode.Uri) => this.noted(def.id, w, uri, rooted.exclude);
      w.disposables.push(watcher, watcher.onDidChange(note), watcher.onDidCreate(note), watcher.onDidDelete(note));
    }
    this.watches.set(def.id, w);
  }

  /** What the watch of a server saw lately, newest last (at most {@link ACTIVITY_KEPT} lines, each `<ISO time> <what>`). */
  activity(id: string): readonly string[] {
    return this.seen.get(id) ?? [];
  }

  private note(id: string, what: string): void {
    const lines = this.seen.get(id) ?? [];
    lines.push(`${new Date().toISOString()} ${what}`);
    this.seen.set(id, lines.slice(-ACTIVITY_KEPT));
  }

  private noted(id: string, w: Watch, uri: vscode.Uri, exclude: boolean): void {
    this.note(id, `${exclude ? 'excluded' : 'event'} ${uri.fsPath}`);
    (exclude ? w.excluded : w.changed).add(uri.fsPath);
    clearTimeout(w.timer);
    w.timer = setTimeout(() => {
      const files = [...w.changed].filter((f) => !w.excluded.has(f));
      w.changed.clear();
      w.excluded.clear();
      void modifiedSince(files, w.since).then((changed) => {
        const current = this.watches.get(id) === w;
        this.note(id, `${changed.length && current ? 'restart for' : 'no restart for'} ${changed.length} of ${files.length} file(s)${current ? '' : ' (the watch was replaced)'}`);
        if (changed.length && current) this.restart(id, changed);
      });
    }, WATCH_DEBOUNCE_MS);
  }

  private clear(id: string): void {
    const w = this.watches.get(id);
    if (!w) return;
    clearTimeout(w.timer);
    vscode.Disposable.from(...w.disposables).dispose();
    this.watches.delete(id);
  }

  /** The definition of a server, as last synced. */
  definition(id: string): ServerDefinition | undefined {
    return this.definitions.find((d) => d.id === id);
  }

  dispose(): void {
    for (const id of [...this.watches.keys()]) this.clear(id);
  }
}

/** Where a server's relative globs start: the workspace folder of its config file (as VS Code), else the first workspace folder, else the file's folder. */
export function baseFolder(def: ServerDefinition): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(def.file)) ?? vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder?.uri.fsPath ?? path.dirname(def.file);
}

/**
 * The files modified at or after `since` (`Date.now()` ms), or gone: a file watcher may report a
 * write made just before it was created (seen in code-server: the server's source written, then
 * watched, then a change event for that write), which must not restart the server.
 */
async function modifiedSince(files: readonly string[], since: number): Promise<string[]> {
  const kept = await Promise.all(files.map(async (f) => {
    try {
      return (await vscode.workspace.fs.stat(vscode.Uri.file(f))).mtime >= since ? f : undefined;
    } catch {
      return f; // deleted: a change
    }
  }));
  return kept.filter((f): f is string => f !== undefined);
}
