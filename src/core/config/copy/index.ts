/**
 * Copy a server from one client's config file into another's ("Copy Server to…",
 * `mcp-devtools copy`): the server written in the target client's dialect (`entry.ts`: type
 * words, URL keys, variables, timeouts and their units), put into the target file with its
 * comments kept (`write.ts`), with a note for everything the target writes differently or cannot
 * express (`notes.ts`), and the diff of the file (`diff.ts`).
 *
 * What a client must provide to be a copy target: its module's `typeKeys`/`typeWords`, `urlKeys`,
 * `preferredUrlKey`, `remote`, `headerPaths`, `timeouts` and `variables` (all there for reading
 * already), and optionally `writes` (`WriteDialect` in clients/types.ts) for `cwd`/`envFile`,
 * options and Codex-style variables passed by name. A new `VariableSyntax` needs its entry in
 * `clients/variables.ts`.
 *
 * Pure core: no `vscode` import.
 */
import { CLIENTS } from '../../clients';
import { pathApi, type DiscoveryEnv } from '../env';
import { formatById, type ConfigFormat } from '../formats';
import { copiedEntry, CopyError, type CopySource } from './entry';
import { CopyNotes, type CopyNote } from './notes';
import { serverNames, withServer } from './write';

export { CopyError, type CopySource } from './entry';
export type { CopyNote } from './notes';
export { unifiedDiff } from './diff';
export { envNameOfId, parseReferences, type Piece, type Reference } from './references';

/** The target's name is taken and neither a new name nor replacing was asked for. */
export class NameClashError extends CopyError {
  constructor(readonly name: string, readonly path: string) {
    super(`the target file already has a server "${name}": give another name, or replace it`);
  }
}

/** What to copy where. */
export interface CopyRequest {
  source: CopySource;
  /** The target format's id (`claude-code-project`, `codex-project`, …). */
  to: string;
  /** Absolute path of the target file. */
  path: string;
  /** Its text; `''` when it does not exist yet. */
  text: string;
  /** The name to write it under (default: the server's). */
  name?: string;
  /** Replace a server of that name in the target (else a clash throws {@link NameClashError}). */
  replace?: boolean;
}

/** A copy, planned: the target's text before and after, and what was not carried over as it was. */
export interface CopyPlan {
  format: ConfigFormat;
  path: string;
  name: string;
  /** A server of that name was in the target, and is replaced. */
  replaced: boolean;
  before: string;
  after: string;
  /** The server's object as written in the target. */
  entry: Record<string, unknown>;
  notes: CopyNote[];
}

/**
 * Plans a copy; writes nothing.
 * @throws CopyError when the target cannot hold the server or its file cannot be read;
 *   {@link NameClashError} when the name is taken and `replace` is not set
 */
export function planCopy(req: CopyRequest): CopyPlan {
  const format = formatById(req.to);
  const name = req.name ?? req.source.def.name;
  if (!name.trim()) throw new CopyError('the server name is empty: give a name');
  const taken = serverNames(req.text, format, req.path).includes(name);
  if (taken && !req.replace) throw new NameClashError(name, req.path);
  const notes = new CopyNotes();
  const entry = copiedEntry(req.source, format.client, notes);
  const after = withServer(req.text, format, name, entry, taken);
  return { format, path: req.path, name, replaced: taken, before: req.text, after, entry, notes: notes.list };
}

/**
 * The file a format's servers go in by default: for a workspace format, its first workspace path
 * under `folder` (a `*` in it becomes the server's name: `.continue/mcpServers/<name>.yaml`); for a
 * user format, its client's first user path on `env.platform`. `undefined` when there is none to
 * pick (`.code-workspace` files: name one).
 */
export function defaultTargetPath(formatId: string, folder: string, env: DiscoveryEnv, serverName: string): string | undefined {
  const format = formatById(formatId);
  if (format.scope === 'workspace') {
    const rel = format.workspacePaths?.[0];
    if (!rel || rel.startsWith('*')) return undefined;
    return pathApi(env).join(folder, ...rel.replace('*', serverName.replace(/[^\w.-]/g, '_')).split('/'));
  }
  return CLIENTS[format.client].userPaths(env).find((u) => u.format === formatId)?.path;
}
