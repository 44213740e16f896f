/**
 * Where a stdio server's command is found: on the PATH its client gets ({@link clientPath}), only
 * on the user's shell PATH (through a version manager's folder), or nowhere. The search is the
 * `which` package's (the same module `spawn` follows: each PATH folder in order, and on Windows
 * each `PATHEXT` extension), over an explicit PATH, so it is the search the client's process does.
 *
 * Pure core: no `vscode` import.
 */
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import * as path from 'node:path';
import which from 'which';
import type { ServerDefinition } from '../config/model';
import { clientPath, delimiterOf, pathOf, versionManagerOf, type ClientPath, type HostEnv, type VersionManager } from './clientPath';

/** What a command resolves to. */
export type CommandResolution =
  | {
      /**
       * - `found`: on the client's PATH (or an absolute path that exists);
       * - `shell-only`: not on the client's PATH, but on the shell's (or in a version manager's folder).
       */
      kind: 'found' | 'shell-only';
      command: string;
      /** The absolute path of the executable. */
      path: string;
      /** When {@link path} is in a folder only a shell's init file puts on PATH. */
      manager?: VersionManager;
      /**
       * A script whose first line is `#!/usr/bin/env <interpreter>` (npx, most npm bins), when the
       * interpreter is not on the client's PATH: the script is found, and then fails (`env: node: No such file or directory`).
       */
      missingInterpreter?: string;
      /** Windows: a `.cmd` or `.bat` shim, which `spawn` without a shell cannot run. */
      windowsShim?: boolean;
    }
  | { kind: 'missing'; command: string }
  /** Not checked: the command holds a variable, or a path relative to a folder only known at start. */
  | { kind: 'unchecked'; command: string; reason: string };

/** A command's resolution with the PATH it was looked up on. */
export interface CommandCheck {
  resolution: CommandResolution;
  clientPath: ClientPath;
  /** The server's own `env.PATH`, when it sets one (it replaces the client's). */
  ownPath?: string;
}

/** The folders a version manager installs executables into, under `host`'s home (those that exist). */
export function versionManagerFolders(host: HostEnv): string[] {
  const { env, home } = host;
  const sub = (dir: string, ...tail: string[]) => {
    try {
      return readdirSync(dir).map((v) => path.join(dir, v, ...tail));
    } catch {
      return [];
    }
  };
  return [
    ...sub(path.join(env.NVM_DIR ?? path.join(home, '.nvm'), 'versions', 'node'), 'bin'),
    path.join(env.VOLTA_HOME ?? path.join(home, '.volta'), 'bin'),
    path.join(env.ASDF_DATA_DIR ?? path.join(home, '.asdf'), 'shims'),
    ...[path.join(home, '.local', 'share', 'fnm'), path.join(home, '.fnm'), path.join(home, 'Library', 'Application Support', 'fnm')]
      .flatMap((d) => sub(path.join(d, 'node-versions'), 'installation', 'bin')),
    path.join(home, '.local', 'share', 'mise', 'shims'),
  ];
}

/** `which` over an explicit PATH; `null` when not found. */
function lookUp(command: string, searchPath: string, host: HostEnv): string | null {
  try {
    return which.sync(command, { path: searchPath, nothrow: true, delimiter: delimiterOf(host.platform), ...(host.env.PATHEXT ? { pathExt: host.env.PATHEXT } : {}) });
  } catch {
    return null;
  }
}

/** The interpreter of a `#!/usr/bin/env <name>` script, else `undefined`. Reads the first 256 bytes. */
export function envInterpreter(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = Buffer.alloc(256);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const first = buf.subarray(0, n).toString('utf8').split('\n')[0];
    const m = /^#!\s*\S*\/env\s+(?:-S\s+)?([^\s]+)/.exec(first);
    return m?.[1];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Resolves `command` as `client`'s process would, and, when that fails, as the user's shell
 * would (its PATH in `host.env`), then in the version managers' folders.
 * @param command the command as it will be spawned (variables already resolved)
 * @param ownPath the server's `env.PATH`, when set (it replaces the client's PATH for the lookup)
 */
export function resolveCommand(command: string, cp: ClientPath, host: HostEnv, ownPath?: string): CommandResolution {
  const cmd = command.trim();
  if (/\$|%[A-Za-z_]+%|\{\{/.test(cmd)) return { kind: 'unchecked', command: cmd, reason: 'it holds a variable' };
  const absolute = path.isAbsolute(cmd) || /^[A-Za-z]:[\\/]/.test(cmd);
  if (!absolute && /[\\/]/.test(cmd)) return { kind: 'unchecked', command: cmd, reason: 'a relative path depends on the folder the client starts it in' };
  const searchPath = ownPath ?? cp.path;
  const finish = (kind: 'found' | 'shell-only', file: string): CommandResolution => {
    const manager = versionManagerOf(path.dirname(file));
    const interpreter = host.platform === 'win32' ? undefined : envInterpreter(file);
    const missingInterpreter = interpreter && !lookUp(interpreter, searchPath, host) ? interpreter : undefined;
    const windowsShim = host.platform === 'win32' && /\.(cmd|bat)$/i.test(file);
    return { kind, command: cmd, path: file, ...(manager && { manager }), ...(missingInterpreter && { missingInterpreter }), ...(windowsShim && { windowsShim }) };
  };
  const onClient = lookUp(cmd, searchPath, host);
  if (onClient) return finish('found', onClient);
  if (absolute) return { kind: 'missing', command: cmd };
  const onShell = lookUp(cmd, pathOf(host.env), host) ?? lookUp(cmd, versionManagerFolders(host).join(delimiterOf(host.platform)), host);
  return onShell ? finish('shell-only', onShell) : { kind: 'missing', command: cmd };
}

/**
 * The resolution of a stdio server's command as its client starts it: {@link clientPath} for its
 * client (or `cp` when given: the extension passes its own process's PATH), the server's own
 * `env.PATH` when it sets one without variables.
 * @param command the command with its variables resolved; default: as written
 * @returns `undefined` for a server that is not stdio
 */
export function checkCommand(def: ServerDefinition, host: HostEnv, opts: { command?: string; clientPath?: ClientPath } = {}): CommandCheck | undefined {
  const t = def.transport;
  if (t?.kind !== 'stdio') return undefined;
  const cp = opts.clientPath ?? clientPath(def.client, host);
  const own = t.env.PATH?.value ?? undefined;
  const ownPath = own && !/\$|%/.test(own) ? own : undefined;
  return { resolution: resolveCommand(opts.command ?? t.command.value, cp, host, ownPath), clientPath: cp, ownPath };
}
