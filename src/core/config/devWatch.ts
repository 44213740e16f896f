/**
 * Globs for watching a server's source (VS Code's `dev.watch`, and "Watch Server Source…"): where
 * a glob is rooted, and a first guess at the folder of a server's code from its command line.
 *
 * Pure core: no `vscode` import.
 */
import * as path from 'node:path';
import type { ServerDefinition } from './model';

/** A glob split into the folder it starts from and the pattern below it. */
export interface RootedGlob {
  /** Absolute folder; the `base` given for a relative glob. */
  base: string;
  /** The pattern relative to `base`, `/`-separated (`**` when the glob named a folder only). */
  pattern: string;
  /** Written with a leading `!`: matching files do not restart the server (VS Code's `dev.watch` convention). */
  exclude: boolean;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Roots a glob: an absolute glob (`/srv/app/src/**\/*.ts`) starts at its longest folder without
 * glob characters (`/srv/app/src`, pattern `**\/*.ts`); a relative one (`src/**`) at `base`
 * (VS Code: the workspace folder). A glob with no glob characters names a file or folder itself.
 */
export function rootGlob(glob: string, base: string): RootedGlob {
  const exclude = glob.startsWith('!');
  const g = (exclude ? glob.slice(1) : glob).replace(/\\/g, '/');
  if (!path.isAbsolute(g) && !/^[A-Za-z]:\//.test(g)) return { base, pattern: g, exclude };
  const parts = g.split('/');
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  if (first === -1) return { base: path.dirname(g) || '/', pattern: path.basename(g), exclude };
  return { base: parts.slice(0, first).join('/') || '/', pattern: parts.slice(first).join('/'), exclude };
}

/**
 * A first guess at the glob of a server's source, for "Watch Server Source…": every file below the
 * folder of the first argument that looks like a script path (`build/index.js` → `<cwd>/build/**`),
 * else below its `cwd`, else below the config file's folder. Absolute, `/`-separated.
 */
export function suggestWatchGlob(def: ServerDefinition, workspaceFolder?: string): string {
  const t = def.transport;
  const cwd = t?.kind === 'stdio' && t.cwd && !t.cwd.value.includes('${') ? path.resolve(workspaceFolder ?? path.dirname(def.file), t.cwd.value) : workspaceFolder ?? path.dirname(def.file);
  const script = t?.kind === 'stdio' ? t.args.map((a) => a.value).find((a) => !a.startsWith('-') && !a.includes('${') && /\.(m?[jt]sx?|c[jt]s|py)$/i.test(a)) : undefined;
  const folder = script ? path.dirname(path.resolve(cwd, script)) : cwd;
  return `${folder.replace(/\\/g, '/')}/**`;
}
